import { brotliDecompressSync, gunzipSync } from "node:zlib";
import fc from "fast-check";
import { parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { escapePostText } from "../src/discord/markdown.js";
import { postPages } from "../src/discord/render-post.js";
import { createCollection } from "../src/library/collection.js";
import { newDeck, postForDay } from "../src/library/potd.js";
import { createSearchIndex } from "../src/library/search.js";
import { createPageCache } from "../src/web/page-cache.js";
import { escapeHtml } from "../src/web/pages.js";
import { pageParts } from "../src/web/post-parts.js";
import { defaultPostsOfTheDay } from "../src/web/start.js";
import {
  archivePosts,
  HOSTILE,
  PUBLIC_URL,
  type RunningArchive,
  startArchive,
  XSS_MARK,
} from "./web/archive-fixture.js";

let web: RunningArchive;
beforeAll(async () => {
  web = await startArchive();
});
afterAll(() => web.close());

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${web.url}${path}`, init);
  return { response, body: await response.text() };
}

/** Every <script> element's src, and every attribute whose name starts with "on" (an event handler). */
function scriptsAndHandlers(html: string): { scripts: string[]; handlers: string[] } {
  const scripts: string[] = [];
  const handlers: string[] = [];
  const visit = (node: any) => {
    if (node.type === "script") scripts.push(node.attribs?.src ?? "(inline)");
    for (const name of Object.keys(node.attribs ?? {})) if (name.startsWith("on")) handlers.push(name);
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseDocument(html));
  return { scripts, handlers };
}

/** The sections a post's page marks as parts, each from its opening tag's attributes to its end. */
const sectionsOf = (html: string) =>
  html
    .split('<section class="part"')
    .slice(1)
    .map((section) => section.slice(0, section.indexOf("</section>")));
/** A section's words without markup and its part heading, white space collapsed. */
const textOf = (section: string) =>
  section
    .replace(/<h2 class="part-marker"[^>]*>[^<]*<\/h2>/, "")
    .replace(/^[^>]*>|<[^>]+>|\s+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const postIdsIn = (html: string) => [...html.matchAll(/<h3><a href="\/p\/([\w-]+)">/g)].map((m) => m[1]);

describe("the home page", () => {
  it("shows the post of the day, the newest posts first, topics and a way to the next page", async () => {
    const { response, body } = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(body).toContain(
      '<h2 id="potd-heading">Post of the day <span class="date">· 2026-11-30</span></h2>',
    );
    expect(body).toContain(
      '<a href="/p/bellard">Fabrice Bellard, the quiet engineer behind FFmpeg and QEMU</a>',
    );
    // The fixture dates the sample posts newest first, then the hostile post (Nov 1), then the notes (2025).
    expect(postIdsIn(body).slice(0, 3)).toEqual(["bellard", "bellard", "lr-decay"]);
    expect(body).toContain('<a href="/t/notes">#notes</a> <span class="count">(30)</span>');
    expect(body).toContain('<a rel="next" href="/?page=2">');
    expect(body).toContain("Page 1 of 3");
  });

  it("pages through every post once, and a page past the end shows the last page", async () => {
    const pages = await Promise.all([1, 2, 3].map((n) => get(`/?page=${n}`)));
    const ids = pages.flatMap(({ body }) => postIdsIn(body).slice(n(body)));
    expect(new Set(ids).size).toBe(archivePosts().length);
    expect(ids.length).toBe(archivePosts().length);
    expect(postIdsIn((await get("/?page=999")).body)).toEqual(postIdsIn(pages[2]!.body));
    expect(postIdsIn((await get("/?page=abc")).body)).toEqual(postIdsIn(pages[0]!.body));
  });
});

/** The home page's first link is the post of the day's: skip it when listing the recent posts. */
function n(body: string): number {
  return body.includes('id="potd-heading"') ? 1 : 0;
}

describe("a post's page", () => {
  it("shows a paged Discord post whole, with its topics and Open Graph tags for unfurling", async () => {
    const bellard = web.library.collection.byId.get("bellard")!;
    expect(postPages(bellard).length).toBeGreaterThan(1);
    const { response, body } = await get("/p/bellard");
    expect(response.status).toBe(200);
    const paragraphs = bellard.text.split("\n");
    expect(body).toContain(paragraphs[0]!);
    expect(body).toContain(paragraphs.at(-1)!.replace(/'/g, "&#39;"));
    expect(body).toContain(`A thread of ${bellard.parts!.length} posts, each marked below as a part.`);
    expect(body).toContain('<a href="/t/software-history">#software-history</a>');
    expect(body).toContain(`<link rel="canonical" href="${PUBLIC_URL}/p/bellard">`);
    expect(body).toContain(`<meta property="og:url" content="${PUBLIC_URL}/p/bellard">`);
    expect(body).toContain('<meta property="og:type" content="article">');
    expect(body).toContain(
      '<meta property="og:title" content="Fabrice Bellard, the quiet engineer behind FFmpeg and QEMU">',
    );
    expect(body).toMatch(
      /<meta property="og:description" content="A French engineer who lives quietly in Paris[^"]{20,}…">/,
    );
    expect(body).toContain('<meta name="twitter:card" content="summary">');
  });

  it("marks each original post of a thread as a part: a labelled section and a heading per part, its words under it", async () => {
    const bellard = web.library.collection.byId.get("bellard")!;
    const starts = bellard.parts!;
    expect(starts).toHaveLength(17);
    const { body } = await get("/p/bellard");
    const sections = sectionsOf(body);
    expect(sections).toHaveLength(starts.length);
    sections.forEach((section, i) => {
      expect(section).toContain(
        `id="part-${i + 1}" aria-labelledby="part-${i + 1}-heading">\n    <h2 class="part-marker" id="part-${i + 1}-heading">Part ${i + 1} of ${starts.length}</h2>`,
      );
      // Exactly the words of that post of the thread (a line of the seed), nothing of the next one.
      const words = bellard.text.slice(starts[i], starts[i + 1]).trim();
      expect(textOf(section)).toBe(escapeHtml(words));
    });
    // A post that fits one Discord page and is no thread has no parts to mark.
    expect((await get("/p/note-01")).body).not.toContain("part-marker");
  });

  it("without recorded parts, marks where Discord pages a long post: a heading per page, each page's words under it", async () => {
    // The same thread with no record of its posts, as an older collection holds it.
    const { parts: _, ...bellard } = archivePosts().find((p) => p.id === "bellard")!;
    const other = await startArchive([bellard]);
    try {
      const pages = postPages(bellard);
      expect(pages.length).toBeGreaterThan(1);
      const body = await (await fetch(`${other.url}/p/bellard`)).text();
      expect(body).toContain(`Discord shows it in ${pages.length} pages`);
      const sections = sectionsOf(body);
      expect(sections).toHaveLength(pages.length);
      sections.forEach((section, i) => {
        expect(section).toContain(
          `id="part-${i + 1}" aria-labelledby="part-${i + 1}-heading">\n    <h2 class="part-marker" id="part-${i + 1}-heading">Part ${i + 1} of ${pages.length}</h2>`,
        );
        // The first words of Discord's page i+1 open part i+1 (Discord's page is escaped markdown; the page is HTML).
        const opening = pages[i]!.replace(/\\(.)/g, "$1").split(/\s+/).slice(0, 6).join(" ");
        expect(textOf(section)).toContain(escapeHtml(opening));
      });
    } finally {
      await other.close();
    }
  });

  it("cuts a long text into Discord's pages as written: every character once, in order", () => {
    const word = fc.oneof(
      fc.constantFrom(
        "*bold*",
        "_it_",
        "#",
        "##",
        "1.",
        "-",
        ">",
        "@everyone",
        "a\\b",
        "`x`",
        "||s||",
        "[l]",
      ),
      fc.constantFrom("https://example.com/a_b*c", "…", "“quoted”", "🐈‍⬛", "e\u0301"),
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }),
    );
    const gap = fc.constantFrom(" ", " ", " ", "\n", "\n\n", ". ", "! ");
    const text = fc
      .array(fc.tuple(word, gap), { minLength: 200, maxLength: 1500 })
      .map((pieces) => pieces.map(([w, g]) => w + g).join(""))
      .filter((t) => t.trim() !== "");
    fc.assert(
      fc.property(text, (t) => {
        const parts = pageParts(t);
        expect(parts.join("")).toBe(t);
        const pages = postPages({ id: "x", text: t, topics: [], links: [], mentions: [] });
        // Discord keeps the last page's trailing spaces: compare without the spaces around each page.
        expect(parts.map((part) => escapePostText(part.trim()))).toEqual(pages.map((page) => page.trim()));
      }),
      { numRuns: 60 },
    );
  });

  it("renders everything from a hostile post as text: no script, no handler, no broken-out attribute", async () => {
    const { body } = await get("/p/hostile");
    expect(scriptsAndHandlers(body)).toEqual({ scripts: ["/assets/suggest.js"], handlers: [] });
    expect(body).toContain(`&lt;script&gt;window.${XSS_MARK}=2&lt;/script&gt;`);
    expect(body).toContain(
      `<title>&lt;/title&gt;&lt;script&gt;window.${XSS_MARK}=1&lt;/script&gt; · Curator</title>`,
    );
    expect(body).toContain('<span class="mention">@mallory</span>');
    // The link stops where the markup starts, and its href is escaped; javascript: is never a link.
    expect(body).toContain(
      '<a href="https://example.com/?q=" rel="noopener nofollow ugc">https://example.com/?q=</a>',
    );
    expect(body).not.toMatch(/href="javascript:/i);
    expect(body).toContain(
      '<a href="https://example.com/source?x=1&amp;y=&lt;2&gt;" rel="noopener nofollow">Source</a>',
    );
    expect(body).toContain(`&lt;b onmouseover=&quot;window.${XSS_MARK}=7&quot;&gt;Mallory&lt;/b&gt;`);
  });

  it("answers 404 with a plain page for an unknown or malformed id", async () => {
    for (const path of ["/p/nope", "/p/%3Cscript%3E", `/p/${"a".repeat(90)}`]) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(404);
      expect(body).toContain("<h1>Not found</h1>");
    }
  });
});

describe("search", () => {
  it("ranks like /search and highlights the matched words", async () => {
    const { body } = await get("/search?q=learning+rate");
    const expected = web.library.index.search("learning rate", { limit: 20 }).hits.map((h) => h.post.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(postIdsIn(body)).toEqual(expected);
    expect(body).toMatch(/<mark>learning<\/mark>/i);
    expect(body).toContain('value="learning rate"');
    expect(body).toContain('<meta name="robots" content="noindex">');
  });

  it("pages results, filters by topic:, and says so when nothing matches", async () => {
    const all = web.library.index.search("barnacles", { limit: 100 }).hits.map((h) => h.post.id);
    expect(all.length).toBe(30);
    const [one, two] = await Promise.all([get("/search?q=barnacles"), get("/search?q=barnacles&page=2")]);
    expect([...postIdsIn(one.body), ...postIdsIn(two.body)]).toEqual(all);
    expect(one.body).toContain('<a rel="next" href="/search?q=barnacles&amp;page=2">');
    expect(postIdsIn((await get("/search?q=topic:security+script")).body)).toEqual(["hostile"]);
    const none = await get("/search?q=zzyzx+qwv");
    expect(none.response.status).toBe(200);
    expect(none.body).toContain("No posts match “zzyzx qwv”.");
  });

  it("escapes the query where it is shown again", async () => {
    const { body } = await get(`/search?q=${encodeURIComponent('"><script>window.x=1</script>')}`);
    expect(scriptsAndHandlers(body).scripts).toEqual(["/assets/suggest.js"]);
    expect(body).toContain('value="&quot;&gt;&lt;script&gt;window.x=1&lt;/script&gt;"');
  });

  it("suggests as Discord's autocomplete does, as JSON", async () => {
    const { response, body } = await get("/suggest?q=bel");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const expected = web.library.index.suggest("bel", { limit: 10 }).map((p) => `/p/${p.id}`);
    expect(expected).toContain("/p/bellard");
    expect((JSON.parse(body) as { url: string }[]).map((s) => s.url)).toEqual(expected);
    expect(JSON.parse((await get("/suggest?q=")).body)).toEqual([]);
  });
});

describe("topics, the feed and robots.txt", () => {
  it("lists a topic's posts newest first and pages them", async () => {
    const { body } = await get("/t/notes");
    expect(postIdsIn(body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `note-${String(30 - i).padStart(2, "0")}`),
    );
    expect(body).toContain("30 posts, newest first.");
    expect(postIdsIn((await get("/t/notes?page=2")).body)).toHaveLength(10);
    expect((await get("/t/no-such-topic")).response.status).toBe(404);
    expect((await get("/t/Bad_Topic")).response.status).toBe(404);
  });

  it("serves an Atom feed: the post of the day, then the newest posts, with the post text escaped", async () => {
    const { response, body } = await get("/feed.xml");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const doc = parseDocument(body, { xmlMode: true });
    const entries = (doc.children.find((c: any) => c.name === "feed") as any).children.filter(
      (c: any) => c.name === "entry",
    );
    const text = (node: any, name: string) =>
      node.children
        .find((c: any) => c.name === name)
        ?.children.map((c: any) => c.data ?? c.children?.[0]?.data)
        .join("");
    expect(entries).toHaveLength(22);
    expect(text(entries[0], "title")).toContain("Post of the day · 2026-11-30: Fabrice Bellard");
    expect(entries[0].children.find((c: any) => c.name === "link").attribs.href).toBe(
      `${PUBLIC_URL}/p/bellard`,
    );
    expect(text(entries[1], "title")).toContain("Post of the day · 2026-11-29: ");
    expect(text(entries[2], "id")).toBe(`${PUBLIC_URL}/p/bellard`);
    // type="html" entries: a feed reader renders them as HTML, so the post's markup must arrive escaped.
    const hostile = entries.find((e: any) => text(e, "id") === `${PUBLIC_URL}/p/hostile`);
    expect(text(hostile, "content")).toContain(`<p>&lt;script&gt;window.${XSS_MARK}=2&lt;/script&gt;`);
    expect(text(hostile, "title")).toBe(`&lt;/title&gt;&lt;script&gt;window.${XSS_MARK}=1&lt;/script&gt;`);
    expect(body).not.toContain(`<script>window.${XSS_MARK}`);
  });

  it("serves robots.txt", async () => {
    const { response, body } = await get("/robots.txt");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(body).toBe("User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /suggest\n");
  });
});

describe("headers and what is not served", () => {
  it("sends a strict Content-Security-Policy, cache headers, gzip and ETags", async () => {
    const response = await fetch(`${web.url}/p/bellard`, { headers: { "accept-encoding": "gzip" } });
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${web.url}/p/bellard`, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    // Raw bytes, not fetch's decoding: the page really is gzip.
    const raw = await import("node:http").then(
      ({ get: httpGet }) =>
        new Promise<Buffer>((resolve) =>
          httpGet(`${web.url}/`, { headers: { "accept-encoding": "gzip" } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve(Buffer.concat(chunks)));
          }),
        ),
    );
    expect(gunzipSync(raw).toString("utf8")).toContain("<!doctype html>");
  });

  it("sends a page the same in every encoding: one ETag, the same HTML, 304 when it has not changed", async () => {
    const ask = (encoding: string, extra: Record<string, string> = {}) =>
      fetch(`${web.url}/t/notes`, { headers: { "accept-encoding": encoding, ...extra } });
    const [br, gzip, plain] = await Promise.all([ask("br, gzip"), ask("gzip"), ask("identity")]);
    expect([br, gzip, plain].map((r) => r.headers.get("content-encoding"))).toEqual(["br", "gzip", null]);
    expect(new Set([br, gzip, plain].map((r) => r.headers.get("etag"))).size).toBe(1);
    expect(br.headers.get("vary")).toContain("accept-encoding");
    const html = await plain.text();
    expect(html).toContain("30 posts, newest first.");
    expect((await br.text()) === html && (await gzip.text()) === html).toBe(true);
    const again = await ask("br", { "if-none-match": plain.headers.get("etag")! });
    expect([again.status, await again.text()]).toEqual([304, ""]);
  });

  it("shows a cached page again only while the collection and the post of the day are the same", async () => {
    const first = await get("/p/bellard");
    const bellard = web.library.collection.byId.get("bellard")!;
    const posts = archivePosts().map((p) => (p.id === "bellard" ? { ...p, title: "Bellard, retitled" } : p));
    const before = web.library;
    const collection = createCollection(posts, { source: "test", hash: "y", loadedAt: new Date() });
    web.swap({ collection, index: createSearchIndex(posts) });
    try {
      const retitled = await get("/p/bellard");
      expect(retitled.body).toContain("<h1>Bellard, retitled</h1>");
      expect(retitled.response.headers.get("etag")).not.toBe(first.response.headers.get("etag"));
      expect((await get("/")).body).toContain('<a href="/p/bellard">Bellard, retitled</a>');
    } finally {
      web.swap(before);
    }
    expect((await get("/p/bellard")).body).toContain(`<h1>${escapeHtml(bellard.title!)}</h1>`);

    const potd = /<section class="potd"[\s\S]*?<h3><a href="\/p\/([\w-]+)">/;
    expect((await get("/")).body.match(potd)?.[1]).toBe("bellard");
    web.setPostsOfTheDay([{ id: "mosaic", localDate: "2026-12-01" }]);
    try {
      const home = (await get("/")).body;
      expect(home.match(potd)?.[1]).toBe("mosaic");
      expect(home).toContain("· 2026-12-01");
      expect((await get("/feed.xml")).body).toContain(`${PUBLIC_URL}/p/mosaic#potd-2026-12-01`);
    } finally {
      web.setPostsOfTheDay([
        { id: "bellard", localDate: "2026-11-30" },
        { id: "mosaic", localDate: "2026-11-29" },
      ]);
    }
  });

  it("keeps rendered pages within its byte budget, least recently used out first, and empties on a reload", () => {
    const cache = createPageCache(64 * 1024);
    const made: string[] = [];
    const page = (key: string) => () => {
      made.push(key);
      return { type: "text/html", body: `<p>${key}</p>`.padEnd(5000, " ") };
    };
    const v1 = {};
    for (let i = 0; i < 100; i++) cache.get(v1, `/p/${i}`, undefined, page(`/p/${i}`));
    expect(cache.size).toBeGreaterThan(5);
    expect(cache.size).toBeLessThan(14);
    made.length = 0;
    cache.get(v1, "/p/99", undefined, page("/p/99"));
    cache.get(v1, "/p/0", undefined, page("/p/0"));
    expect(made).toEqual(["/p/0"]);
    // Each encoding is its own entry, compressed once; a new collection version renders everything again.
    const br = cache.get(v1, "/p/99", "gzip, br", page("/p/99"))!;
    expect(brotliDecompressSync(br.body).toString()).toContain("<p>/p/99</p>");
    expect(br.encoding).toBe("br");
    expect(cache.get(v1, "/p/99", "gzip;q=1, br;q=0.5", page("/p/99"))!.encoding).toBe("gzip");
    made.length = 0;
    cache.get({}, "/p/99", undefined, page("/p/99"));
    expect([made, cache.size]).toEqual([["/p/99"], 1]);
    expect(cache.get(v1, "/p/none", undefined, () => undefined)).toBeUndefined();
  });

  it("serves nothing outside its routes and shows no internals", async () => {
    for (const path of [
      "/package.json",
      "/src/web/server.ts",
      "/assets/..%2Fserver.ts",
      "/assets/../pages.ts",
      "/assets/templates",
      "/node_modules/fastify/package.json",
      "/.env",
      "/data/posts.json",
      "/p/",
      "/%E0%A4%A",
    ]) {
      const { response, body } = await get(path);
      expect([400, 404], path).toContain(response.status);
      expect(body, path).not.toMatch(/fastify|at .*\.ts:|node_modules|"statusCode"/i);
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
    const post = await get("/", { method: "POST", body: "x=1" });
    expect(post.response.status).toBe(404);
    const head = await get("/p/bellard", { method: "HEAD" });
    expect([head.response.status, head.body]).toEqual([200, ""]);
    expect((await get("/assets/style.css")).response.headers.get("content-type")).toBe(
      "text/css; charset=utf-8",
    );
  });

  it("shows the next request the reloaded collection, and a generic page when reading it fails", async () => {
    const posts = [
      ...archivePosts(),
      { ...HOSTILE, id: "fresh", title: "A fresh post", text: "Fresh from a reload." },
    ];
    const collection = createCollection(posts, { source: "test", hash: "x", loadedAt: new Date() });
    const before = web.library;
    web.swap({ collection, index: createSearchIndex(posts) });
    expect((await get("/p/fresh")).body).toContain("<h1>A fresh post</h1>");
    web.swap(before);
    expect((await get("/p/fresh")).response.status).toBe(404);

    const broken = await startArchive();
    broken.breakLibrary();
    const { response, body } = await fetch(`${broken.url}/`).then(async (r) => ({
      response: r,
      body: await r.text(),
    }));
    await broken.close();
    expect(response.status).toBe(500);
    expect(body).toContain("<h1>Something went wrong</h1>");
    expect(body).not.toContain("secret internals");
  });
});

describe("settings and the default post of the day", () => {
  it("reads WEB_PORT, WEB_HOST and PUBLIC_URL, and says what is wrong with them", () => {
    const ok = loadConfig(
      { WEB_PORT: "8080", WEB_HOST: "127.0.0.1", PUBLIC_URL: "https://curator.example/" },
      { requireToken: false },
    );
    expect(ok.ok && [ok.config.WEB_PORT, ok.config.WEB_HOST, ok.config.PUBLIC_URL]).toEqual([
      8080,
      "127.0.0.1",
      "https://curator.example",
    ]);
    const off = loadConfig({}, { requireToken: false });
    expect(off.ok && off.config.WEB_PORT).toBeUndefined();
    const bad = loadConfig({ WEB_PORT: "99999", PUBLIC_URL: "ftp://x" }, { requireToken: false });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.split(":")[0])).toEqual(["WEB_PORT", "PUBLIC_URL"]);
  });

  it("without a server id, picks the archive's own post for each of the last 7 days in POTD_TIMEZONE", async () => {
    const library = web.library;
    const at = new Date("2026-11-30T23:30:00Z");
    const inTokyo = defaultPostsOfTheDay(
      { POTD_TIMEZONE: "Asia/Tokyo" },
      () => library,
      undefined,
      undefined,
      () => at,
    );
    const days = await inTokyo();
    expect(days.map((d) => d.localDate)).toEqual([
      "2026-12-01",
      "2026-11-30",
      "2026-11-29",
      "2026-11-28",
      "2026-11-27",
      "2026-11-26",
      "2026-11-25",
    ]);
    for (const day of days)
      expect(day.post).toBe(
        postForDay(library.collection, day.localDate, newDeck(`web-archive:${day.localDate}`)),
      );
    // A different post from one day to the next (not always the same one).
    expect(new Set(days.map((d) => d.post.id)).size).toBeGreaterThan(3);
    const inUtc = defaultPostsOfTheDay(
      { POTD_TIMEZONE: "UTC" },
      () => library,
      undefined,
      undefined,
      () => at,
    );
    expect((await inUtc())[0]?.localDate).toBe("2026-11-30");
  });
});
