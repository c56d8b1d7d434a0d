import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSnippet } from "../src/discord/render-search.js";
import type { Post } from "../src/library/post.js";
import { createSearchIndex } from "../src/library/search.js";
import { buildSnippet } from "../src/library/search-snippet.js";

interface Fixture {
  posts: Post[];
  queries: { language: string; query: string; expect: string; gap?: string }[];
}

const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/multilingual.json", import.meta.url), "utf8"),
) as Fixture;
const index = createSearchIndex(fixture.posts);
const firstHit = (query: string) => index.search(query).hits[0]?.post.id;

describe("search in every language (test/fixtures/multilingual.json)", () => {
  const supported = fixture.queries.filter((q) => q.gap === undefined);

  it.each(supported.map((q) => [q.language, q.query, q.expect]))("%s: %s finds %s first", (_, query, id) => {
    expect(firstHit(query)).toBe(id);
  });

  it("covers Japanese, Chinese, Thai, Arabic, German compounds and emoji", () => {
    const languages = new Set(supported.map((q) => q.language));
    for (const language of ["Japanese", "Chinese", "Thai", "Arabic", "German", "emoji"])
      expect(languages).toContain(language);
  });

  it("finds a post by an emoji it starts with, with or without skin tone or joiner", () => {
    expect(index.search("🌍").hits.map((h) => h.post.id)).toStrictEqual(["emoji-globe"]);
    expect(index.search("🐈‍⬛").hits.map((h) => h.post.id)).toStrictEqual(["emoji-cat"]);
  });

  it("highlights the matched word inside an unspaced sentence", () => {
    const hit = index.search("テキスト").hits[0]!;
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toStrictEqual(["テキスト"]);
    expect(hit.snippet.map((p) => p.text).join("")).toBe(fixture.posts[0]!.text);
  });

  it("makes one bold run of matches side by side", () => {
    const snippet = buildSnippet("今天北京的天气很好", new Set(["北京", "的"]));
    expect(snippet).toStrictEqual([
      { text: "今天", match: false },
      { text: "北京的", match: true },
      { text: "天气很好", match: false },
    ]);
  });
});

describe("highlighting", () => {
  const terms = new Set(["tinybird", "sama", "rust"]);
  const text =
    "tinybird wrote https://www.tinybird.co/blog/rust-tinybird and @tinybird, @sama@mastodon.social, <@123> and <:rust:42> agree: rust.";

  it("never touches a URL, a mention's handle or a Discord token", () => {
    const parts = buildSnippet(text, terms);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toStrictEqual(["tinybird", "rust"]);
    const plain = parts.filter((p) => !p.match).map((p) => p.text);
    for (const kept of [
      "https://www.tinybird.co/blog/rust-tinybird",
      "@tinybird",
      "@sama@mastodon.social",
      "<:rust:42>",
    ])
      expect(plain.some((p) => p.includes(kept))).toBe(true);
  });

  it("renders links and handles whole, bold markers only around words", () => {
    const rendered = renderSnippet(buildSnippet(text, terms));
    expect(rendered).toContain("https://www.tinybird.co/blog/rust-tinybird");
    expect(rendered).toContain("@sama@mastodon.social");
    expect(rendered.startsWith("**tinybird**")).toBe(true);
    expect(rendered).toContain("agree: **rust**.");
    expect(rendered).not.toMatch(/\*\*\*\*/u);
  });

  it("leaves markdown syntax to the escaping: a match inside **bold** or `code` is bolded alone", () => {
    const rendered = renderSnippet(buildSnippet("**rust** and `rust`", new Set(["rust"])));
    expect(rendered).toBe("\\*\\***rust**\\*\\* and \\`**rust**\\`");
  });
});
