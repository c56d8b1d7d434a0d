import { execFile, spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runImport } from "../../src/importers/run.js";
import { ImportError } from "../../src/importers/types.js";
import { PostSchema } from "../../src/library/post.js";
import {
  ACTOR,
  blueskyFeed,
  DID,
  feedEntry,
  mastodonOutbox,
  note,
  replyTo,
  selfReply,
  status,
  tweet,
  urlEntity,
  xArchive,
} from "./builders.js";
import { byId, importFixture, tempFolder } from "./helpers.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/importers/cli.ts", ...args], { cwd: root });

describe("1. long posts (note-tweet.js) land on their own tweet", () => {
  it("matches a note by the tweet's cut text, not the second: the thread composer posts several per second", async () => {
    const cut = "Part two is long and goes on and on… https://t.co/CutLink001";
    const folder = await xArchive(
      [
        tweet("100", "Part one, short, with https://t.co/OneLink001", {
          entities: {
            urls: [
              urlEntity(
                "Part one, short, with https://t.co/OneLink001",
                "https://t.co/OneLink001",
                "https://one.example/",
              ),
            ],
          },
        }),
        selfReply("101", "100", cut),
        selfReply("102", "101", "Part three, short"),
      ],
      [
        note(
          "Part two is long and goes on and on, far past 280 characters, to https://t.co/NoteLink01",
          undefined,
          {
            urls: [{ shortUrl: "https://t.co/NoteLink01", expandedUrl: "https://two.example/" }],
          },
        ),
        // A note whose tweet is not in the archive (deleted): counted, not pinned on a sibling.
        note("An orphan note nobody posted as a tweet here"),
      ],
    );
    const { summary, posts } = await importFixture(folder);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toBe(
      "Part one, short, with https://one.example/\n\n" +
        "Part two is long and goes on and on, far past 280 characters, to https://two.example/\n\n" +
        "Part three, short",
    );
    expect(posts[0]!.links).toEqual(["https://one.example/", "https://two.example/"]);
    expect(summary).toMatchObject({ imported: 1, threadsJoined: 1, unmatchedNotes: 1 });
    expect(Object.fromEntries(summary.skipped)).toEqual({});
  });
});

describe("2. edited tweets", () => {
  it("keeps only the last version of an edit chain present in the archive", async () => {
    const chain = ["200", "201", "202"];
    const folder = await xArchive([
      tweet("200", "TIL: FindItFinder", {
        edit_info: { initial: { editTweetIds: chain, editsRemaining: "3" } },
      }),
      tweet("202", "TIL: FindItFaster", {
        edit_info: { edit: { initialTweetId: "200", editControlInitial: { editTweetIds: chain } } },
      }),
      tweet("201", "TIL: FindItFast", {
        edit_info: { edit: { initialTweetId: "200", editControlInitial: { editTweetIds: chain } } },
      }),
      tweet("300", "Not edited", { edit_info: { initial: { editTweetIds: ["300"] } } }),
    ]);
    const { summary, posts } = await importFixture(folder);
    expect(posts.map((p) => p.text)).toEqual(["TIL: FindItFaster", "Not edited"]);
    expect(Object.fromEntries(summary.skipped)).toEqual({ "earlier version of an edited post": 2 });
  });

  it("a reply to an earlier version continues the latest one", async () => {
    const folder = await xArchive([
      tweet("200", "Frist", { edit_info: { initial: { editTweetIds: ["200", "201"] } } }),
      tweet("201", "First", { edit_info: { edit: { initialTweetId: "200" } } }),
      selfReply("210", "200", "Second"),
    ]);
    const { summary, posts } = await importFixture(folder);
    expect(posts.map((p) => p.text)).toEqual(["First\n\nSecond"]);
    expect(summary.threadsJoined).toBe(1);
  });
});

describe("3. quote posts keep the quoted post's link", () => {
  it("X: a long post's note does not hold the quote link; it is added from entities.urls", async () => {
    const text = "My long take on this, cut here… https://t.co/SelfLink01 https://t.co/QuoteLnk01";
    const folder = await xArchive(
      [
        tweet("400", text, {
          quoted_status_id_str: "555",
          entities: {
            urls: [
              urlEntity(text, "https://t.co/SelfLink01", "https://twitter.com/i/web/status/400"),
              urlEntity(text, "https://t.co/QuoteLnk01", "https://twitter.com/other/status/555"),
            ],
          },
        }),
      ],
      [note("My long take on this, cut here by the archive, goes on in the note.")],
    );
    const { posts } = await importFixture(folder);
    expect(posts[0]!.text).toBe(
      "My long take on this, cut here by the archive, goes on in the note.\n\nhttps://twitter.com/other/status/555",
    );
    expect(posts[0]!.links).toEqual(["https://twitter.com/other/status/555"]);
  });

  it("Bluesky: embed.record becomes a bsky.app link; Mastodon: the quote URI stays", async () => {
    const quoted = "at://did:plc:other/app.bsky.feed.post/3kquoted00001";
    const feed = await blueskyFeed([
      feedEntry("3kquote000001", {
        text: "So true",
        embed: { $type: "app.bsky.embed.record", record: { uri: quoted, cid: "bafyreiq" } },
      }),
    ]);
    const bsky = await importFixture(feed);
    expect(bsky.posts[0]!.text).toBe("So true\n\nhttps://bsky.app/profile/did:plc:other/post/3kquoted00001");

    const outbox = await mastodonOutbox([
      status(1, { content: "<p>Agreed</p>", quote: "https://other.example/users/b/statuses/9" }),
    ]);
    const mastodon = await importFixture(outbox);
    expect(mastodon.posts[0]!.text).toBe("Agreed\n\nhttps://other.example/users/b/statuses/9");
  });
});

describe("4. a record seen twice", () => {
  it("Bluesky's pinned post (returned twice) neither breaks its thread nor is imported twice", async () => {
    // getAuthorFeed lists the pinned post first, then the feed newest first: here the pin is a thread's reply.
    const reply = { text: "its reply", createdAt: "2024-04-01T10:01:00.000Z", ...replyTo("3kroot0000001") };
    const folder = await blueskyFeed([
      feedEntry("3kreply000001", reply, "app.bsky.feed.defs#reasonPin"),
      feedEntry("3kreply000001", reply),
      feedEntry("3kroot0000001", { text: "Thread root" }),
    ]);
    const { summary, posts } = await importFixture(folder);
    expect(posts.map((p) => p.text)).toEqual(["Thread root\n\nits reply"]);
    expect(summary).toMatchObject({ imported: 1, threadsJoined: 1 });
    expect(Object.fromEntries(summary.skipped)).toEqual({ duplicate: 1 });
  });

  it("two overlapping X exports in one folder import each tweet once", async () => {
    const folder = await xArchive([tweet("500", "root"), selfReply("501", "500", "reply")]);
    await xArchive(
      [tweet("500", "root"), selfReply("501", "500", "reply"), tweet("502", "newer")],
      [],
      join(folder, "newer"),
    );
    const { summary, posts } = await importFixture(folder);
    expect(posts.map((p) => p.text).sort()).toEqual(["newer", "root\n\nreply"]);
    expect(summary).toMatchObject({ imported: 2, threadsJoined: 1 });
    expect(Object.fromEntries(summary.skipped)).toEqual({ duplicate: 2 });
  });
});

describe("5. a media-only thread member", () => {
  it("stays in its thread, with its image; the thread is not split", async () => {
    const photo = "@me https://t.co/PhotoLnk01";
    const folder = await xArchive([
      tweet("600", "Look at this"),
      selfReply("601", "600", "https://t.co/PhotoLnk01", {
        display_text_range: ["4", "4"],
        entities: {
          urls: [],
          media: [
            {
              ...urlEntity(photo, "https://t.co/PhotoLnk01", "https://x.com/me/status/601/photo/1"),
              type: "photo",
              media_url_https: "https://pbs.twimg.com/media/p1.jpg",
            },
          ],
        },
        extended_entities: {
          media: [
            {
              ...urlEntity(photo, "https://t.co/PhotoLnk01", "https://x.com/me/status/601/photo/1"),
              type: "photo",
              media_url_https: "https://pbs.twimg.com/media/p1.jpg",
              ext_alt_text: "A heron",
            },
          ],
        },
      }),
      selfReply("602", "601", "and that was it"),
      tweet("650", "https://t.co/AlonePic01", {
        extended_entities: {
          media: [
            {
              ...urlEntity(
                "https://t.co/AlonePic01",
                "https://t.co/AlonePic01",
                "https://x.com/me/status/650/photo/1",
              ),
              type: "photo",
              media_url_https: "https://pbs.twimg.com/media/p2.jpg",
            },
          ],
        },
      }),
    ]);
    const { summary, posts } = await importFixture(folder);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      text: "Look at this\n\nand that was it",
      media: [{ type: "image", url: "https://pbs.twimg.com/media/p1.jpg", alt: "A heron" }],
    });
    expect(summary.threadsJoined).toBe(1);
    // A post with an image and no words at all has nothing to search or show as text: counted by name.
    expect(Object.fromEntries(summary.skipped)).toEqual({ "media only (no text)": 1 });
  });
});

describe("6-7. --merge with a newer export", () => {
  it("updates a thread that grew, says so, keeps the collection's own fields, and counts threads only once", async () => {
    const older = await xArchive([
      tweet("700", "Thread root"),
      selfReply("701", "700", "first reply"),
      tweet("800", "solo"),
    ]);
    const first = await importFixture(older);
    expect(first.summary).toMatchObject({ imported: 2, threadsJoined: 1 });
    const out = first.out;
    const edited = first.posts.map((p) =>
      p.id === "x-700" ? { ...p, title: "My thread", day: "05-01" } : p,
    );
    await writeFile(out, JSON.stringify(edited, null, 2));

    const newer = await xArchive([
      tweet("700", "Thread root"),
      selfReply("701", "700", "first reply"),
      selfReply("702", "701", "a later reply"),
      tweet("800", "solo"),
      tweet("900", "brand new"),
    ]);
    const { summary, posts } = await importFixture(newer, { out, merge: true });
    expect(summary).toMatchObject({ imported: 1, kept: 2, updated: 1, threadsJoined: 1 });
    expect(Object.fromEntries(summary.skipped)).toEqual({ "already in the collection": 1 });
    expect(posts.map((p) => p.id)).toEqual(["x-700", "x-800", "x-900"]);
    expect(byId(posts, "x-700")).toMatchObject({
      text: "Thread root\n\nfirst reply\n\na later reply",
      title: "My thread",
      day: "05-01",
    });

    // 7. Nothing new: no thread is reported as joined.
    const again = await importFixture(newer, { out, merge: true });
    expect(again.summary).toMatchObject({ imported: 0, updated: 0, threadsJoined: 0 });
    expect(Object.fromEntries(again.summary.skipped)).toEqual({ "already in the collection": 3 });
    const { stdout } = await cli(newer, "--out", out, "--merge");
    expect(stdout).toContain("Imported 0 posts (X/Twitter archive)");
    expect(stdout).toContain("updated: 0");
    expect(stdout).toContain("threads joined: 0");
  });
});

describe("8. text files and the collection already there", () => {
  it("does not take X's README.txt or a tweets.csv for posts without --format text", async () => {
    const folder = await tempFolder();
    const readme = join(folder, "README.txt");
    await writeFile(
      readme,
      "Twitter archive\n\nThis archive contains your tweets.\n\nOpen Your archive.html.\n",
    );
    const csv = join(folder, "tweets.csv");
    await writeFile(csv, '"tweet_id","timestamp","text"\n"1","2014-01-01 10:00:00 +0000","hello"\n');
    const out = join(await tempFolder(), "posts.json");
    await expect(runImport({ input: readme, out })).rejects.toThrow("add --format text");
    await expect(runImport({ input: csv, out })).rejects.toThrow("a table (CSV)");
    await expect(runImport({ input: folder, out })).rejects.toThrow("only plain text files here");
    const { summary } = await importFixture(readme, { format: "text" });
    expect(summary.imported).toBe(3);
  });

  it("a single notes.txt is imported: nothing else could be meant", async () => {
    const file = join(await tempFolder(), "notes.txt");
    await writeFile(file, "one\n\ntwo\n");
    expect((await importFixture(file)).posts.map((p) => p.text)).toEqual(["one", "two"]);
  });

  it("in a folder, names the text files it left out", async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, "posts.jsonl"), '{"text":"a"}\n');
    await writeFile(join(folder, "notes.txt"), "b\n");
    const { summary, posts } = await importFixture(folder);
    expect(posts.map((p) => p.text)).toEqual(["a"]);
    expect(summary.leftOut).toEqual([join(folder, "notes.txt")]);
  });

  it("refuses to overwrite a non-empty collection without --merge or --replace; --replace says what it replaced", async () => {
    const folder = await xArchive([tweet("1", "new")]);
    const out = join(await tempFolder(), "posts.json");
    const before = JSON.stringify([{ id: "a", text: "old", topics: [], links: [], mentions: [] }]);
    await writeFile(out, before);
    await expect(runImport({ input: folder, out })).rejects.toThrow(
      `${out} already holds 1 posts: add --merge to add to them or --replace to replace them`,
    );
    expect(await readFile(out, "utf8")).toBe(before);
    const { stdout } = await cli(folder, "--out", out, "--replace");
    expect(stdout).toContain(
      `Imported 1 posts (X/Twitter archive) into ${out}, replacing the 1 posts it held`,
    );
  });
});

describe("9. topics in every script", () => {
  it("keeps Japanese, Cyrillic and other hashtags, lower-cased where the script has case", async () => {
    const folder = await xArchive([
      tweet("1", "#2018東大開示祭り と #技術書典 и #Привет #Café", {
        entities: {
          hashtags: [
            { text: "2018東大開示祭り" },
            { text: "技術書典" },
            { text: "Привет" },
            { text: "Café" },
          ],
          urls: [],
        },
      }),
    ]);
    const { posts } = await importFixture(folder);
    expect(posts[0]!.topics).toEqual(["2018東大開示祭り", "技術書典", "привет", "cafe"]);
  });

  it("the schema accepts letters of any script and refuses upper case or a leading dash", () => {
    const post = (topics: string[]) =>
      PostSchema.safeParse({ id: "a", text: "t", topics, links: [], mentions: [] }).success;
    expect(post(["技術書典", "привет", "हिन्दी", "data-science"])).toBe(true);
    expect(post(["Привет"])).toBe(false);
    expect(post(["-x"])).toBe(false);
    expect(post(["a b"])).toBe(false);
  });
});

describe("10. damaged bytes, interruptions, a folder as --out", () => {
  const bad = Buffer.from([0xff]);
  for (const [where, padding] of [
    ["in the first 64 KiB", 0],
    ["past the first 64 KiB", 2000],
  ] as const) {
    it(`reports a record with an invalid UTF-8 byte ${where} and keeps the rest`, async () => {
      const folder = await tempFolder();
      const input = join(folder, "posts.jsonl");
      const pad = Array.from({ length: padding }, (_, i) => `{"text":"padding record number ${i}"}\n`).join(
        "",
      );
      await writeFile(
        input,
        Buffer.concat([
          Buffer.from(`${pad}{"text":"good one"}\n{"text":"bad `),
          bad,
          Buffer.from(' byte"}\n{"text":"good two"}\n'),
        ]),
      );
      const { summary, posts } = await importFixture(input);
      expect(summary.imported).toBe(padding + 2);
      expect(Object.fromEntries(summary.skipped)).toEqual({ "invalid UTF-8": 1 });
      expect(posts.some((p) => p.text.includes("bad"))).toBe(false);
    });
  }

  for (const [signal, code, how] of [
    ["SIGINT", 130, "with Ctrl-C"],
    ["SIGTERM", 143, "by a service manager"],
  ] as const)
    it(`removes its temporary file when stopped ${how} (${signal})`, async () => {
      const folder = await tempFolder();
      const input = join(folder, "big.jsonl");
      const records = Array.from({ length: 150_000 }, (_, i) => `{"text":"post number ${i} #n${i % 50}"}`);
      await writeFile(input, `${records.join("\n")}\n`);
      const outFolder = await tempFolder();
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/importers/cli.ts", input, "--out", join(outFolder, "posts.json")],
        {
          cwd: root,
          stdio: "ignore",
        },
      );
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      for (let i = 0; i < 400 && (await readdir(outFolder)).length === 0; i++)
        await new Promise((r) => setTimeout(r, 25));
      expect((await readdir(outFolder)).some((f) => f.endsWith(".tmp"))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(await readdir(outFolder)).toEqual([]);
    }, 30_000);

  it("refuses a folder as --out before importing anything", async () => {
    const folder = await xArchive([tweet("1", "a")]);
    const out = await tempFolder();
    await expect(runImport({ input: folder, out })).rejects.toThrow(ImportError);
    await expect(runImport({ input: folder, out })).rejects.toThrow(`${out}: is a folder`);
    const failure = await cli(folder, "--out", out).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.not.stringContaining("    at ") });
  });
});

describe("11. Mastodon polls, lists and code", () => {
  it("keeps poll options with their votes, list bullets and code indentation", async () => {
    const folder = await mastodonOutbox([
      status(1, {
        type: "Question",
        content: "<p>Tabs or spaces?</p>",
        oneOf: [
          { type: "Note", name: "Tabs", replies: { type: "Collection", totalItems: 3 } },
          { type: "Note", name: "Spaces", replies: { type: "Collection", totalItems: 1 } },
        ],
      }),
      status(2, {
        content:
          "<p>Steps:</p><ol><li>install</li><li>run<ul><li>twice</li></ul></li></ol>" +
          "<pre><code>fn main() {\n    if ok {\n        go();\n    }\n}</code></pre>",
      }),
    ]);
    const { posts } = await importFixture(folder);
    expect(posts[0]!.text).toBe("Tabs or spaces?\n\nPoll:\n- Tabs (3 votes)\n- Spaces (1 vote)");
    expect(posts[1]!.text).toBe(
      "Steps:\n\n1. install\n2. run\n  - twice\n\nfn main() {\n    if ok {\n        go();\n    }\n}",
    );
  });
});

describe("media and content warnings from the importers", () => {
  it("X: all photos of extended_entities with alt text, the best video variant; the t.co media link removed", async () => {
    const text = "Two photos and a clip https://t.co/MediaLnk01";
    const media = (n: number, fields: object) => ({
      ...urlEntity(text, "https://t.co/MediaLnk01", `https://x.com/me/status/1/photo/${n}`),
      ...fields,
    });
    const folder = await xArchive([
      tweet("1", text, {
        extended_entities: {
          media: [
            media(1, {
              type: "photo",
              media_url_https: "https://pbs.twimg.com/media/a.jpg",
              ext_alt_text: "A cat",
            }),
            media(2, { type: "photo", media_url_https: "https://pbs.twimg.com/media/b.jpg" }),
            media(3, {
              type: "video",
              media_url_https: "https://pbs.twimg.com/thumb.jpg",
              video_info: {
                variants: [
                  { content_type: "application/x-mpegURL", url: "https://video.twimg.com/v.m3u8" },
                  { content_type: "video/mp4", bitrate: "256000", url: "https://video.twimg.com/low.mp4" },
                  { content_type: "video/mp4", bitrate: "2176000", url: "https://video.twimg.com/high.mp4" },
                ],
              },
            }),
          ],
        },
      }),
    ]);
    const { posts } = await importFixture(folder);
    expect(posts[0]).toMatchObject({
      text: "Two photos and a clip",
      links: [],
      media: [
        { type: "image", url: "https://pbs.twimg.com/media/a.jpg", alt: "A cat" },
        { type: "image", url: "https://pbs.twimg.com/media/b.jpg" },
        { type: "video", url: "https://video.twimg.com/high.mp4" },
      ],
    });
  });

  it("Mastodon: attachments with their descriptions; the CW as a content warning, not a title", async () => {
    const folder = await mastodonOutbox([
      status(1, {
        summary: "spiders",
        sensitive: true,
        content: "<p>Found one in the bath</p>",
        attachment: [
          {
            type: "Document",
            mediaType: "image/jpeg",
            url: "https://files.social.example/1.jpg",
            name: "A big spider",
          },
          { type: "Document", mediaType: "video/mp4", url: "https://files.social.example/2.mp4", name: null },
        ],
      }),
    ]);
    const { posts } = await importFixture(folder);
    expect(posts[0]).toMatchObject({
      text: "Found one in the bath",
      contentWarning: "spiders",
      media: [
        { type: "image", url: "https://files.social.example/1.jpg", alt: "A big spider" },
        { type: "video", url: "https://files.social.example/2.mp4" },
      ],
    });
    expect(posts[0]).not.toHaveProperty("title");
    expect(posts[0]!.author).toBe(`@ann@${new URL(ACTOR).host}`);
  });

  it("Bluesky: image embeds on the CDN by DID and blob CID with alt; self-labels as a content warning", async () => {
    const cid = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
    const folder = await blueskyFeed([
      feedEntry("3kimage000001", {
        text: "Sunset",
        labels: { $type: "com.atproto.label.defs#selfLabels", values: [{ val: "graphic-media" }] },
        embed: {
          $type: "app.bsky.embed.images",
          images: [
            {
              alt: "Red sky over the sea",
              image: { $type: "blob", ref: { $link: cid }, mimeType: "image/jpeg", size: 1000 },
            },
          ],
        },
      }),
    ]);
    const { posts } = await importFixture(folder);
    expect(posts[0]).toMatchObject({
      text: "Sunset",
      contentWarning: "graphic media",
      media: [
        {
          type: "image",
          url: `https://cdn.bsky.app/img/feed_fullsize/plain/${DID}/${cid}@jpeg`,
          alt: "Red sky over the sea",
        },
      ],
    });
  });
});
