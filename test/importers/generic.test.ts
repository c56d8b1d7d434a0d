import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitPlainText } from "../../src/importers/curator.js";
import { fixture, importFixture, tempFolder } from "./helpers.js";

async function* from(lines: string[]) {
  yield* lines;
}

describe("Curator JSON Lines and plain text", () => {
  it("imports a folder of both, deriving links, mentions, topics and ids; bad lines counted", async () => {
    const { summary, posts } = await importFixture(fixture("generic"), { format: "text" });
    expect(summary.formats.sort()).toEqual(["Curator JSON Lines", "plain text"]);
    expect(Object.fromEntries(summary.skipped)).toEqual({
      "bad JSON line": 1,
      empty: 1,
      "invalid topics.0": 1,
    });
    expect(posts[0]).toEqual({
      id: "one",
      text: "First #Post with https://example.com/1 by @carol",
      topics: ["post"],
      links: ["https://example.com/1"],
      mentions: ["@carol"],
      createdAt: "2024-01-01T00:00:00Z",
      sourceId: "src-1",
    });
    expect(posts.map((p) => p.text)).toEqual([
      "First #Post with https://example.com/1 by @carol",
      "No id, derived",
      "First post\nsecond line of it",
      "Second post #Tagged https://example.com/x",
      "Third post, after a --- line",
    ]);
    expect(posts.every((p) => /^[\w-]{1,64}$/.test(p.id))).toBe(true);
  });

  it("gives plain-text posts stable ids: importing twice gives the same ids", async () => {
    const first = await importFixture(fixture("generic/posts.txt"));
    const second = await importFixture(fixture("generic/posts.txt"));
    expect(second.posts.map((p) => p.id)).toEqual(first.posts.map((p) => p.id));
  });

  it("imports a Curator JSON array, with --author for posts that have none", async () => {
    const folder = await tempFolder();
    const input = join(folder, "export.json");
    await writeFile(input, JSON.stringify([{ text: "one" }, { text: "two", author: "Ada" }, 42]));
    const { summary, posts } = await importFixture(input, { author: "Grace" });
    expect(posts.map((p) => [p.text, p.author])).toEqual([
      ["one", "Grace"],
      ["two", "Ada"],
    ]);
    expect(Object.fromEntries(summary.skipped)).toEqual({ "bad record": 1 });
  });
});

describe("splitPlainText", () => {
  it("splits on blank lines and --- lines, joining a post's lines with newlines", async () => {
    const posts: string[] = [];
    for await (const post of splitPlainText(from(["a", "b  ", "", "", "---", "c", "---", "d", "  ", "e"])))
      posts.push(post);
    expect(posts).toEqual(["a\nb", "c", "d", "e"]);
  });
});
