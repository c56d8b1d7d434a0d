import { describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { createSearchIndex } from "../src/library/search.js";

const post = (id: string, topics: string[], createdAt?: string): Post => ({
  id,
  text: `the text of ${id}`,
  topics,
  links: [],
  mentions: [],
  ...(createdAt ? { createdAt } : {}),
});

const posts = [
  post("old", ["rust"], "2020-01-01T00:00:00Z"),
  post("undated-1", ["rust"]),
  post("newest", ["rust", "go"], "2024-06-01T10:00:00+02:00"),
  post("other", ["go"], "2025-01-01T00:00:00Z"),
  post("middle", ["rust"], "2022-03-04T05:06:07Z"),
  post("undated-2", ["rust"]),
  // Later in time than "newest" by its offset, although its local time reads earlier.
  post("newest-by-offset", ["rust"], "2024-06-01T09:30:00-02:00"),
];
const index = createSearchIndex(posts);
const ids = (query: string, opts: { topic?: string; offset?: number; limit?: number } = {}) =>
  index.search(query, opts).hits.map((h) => h.post.id);

describe("browsing a topic", () => {
  it("lists the topic's posts newest first, undated ones last in collection order", () => {
    expect(ids("", { topic: "rust" })).toStrictEqual([
      "newest-by-offset",
      "newest",
      "middle",
      "old",
      "undated-1",
      "undated-2",
    ]);
    expect(index.search("", { topic: "rust" }).total).toBe(6);
  });

  it("does the same for a `topic:` word with no other words, and pages", () => {
    expect(ids("topic:rust", { offset: 2, limit: 2 })).toStrictEqual(["middle", "old"]);
    expect(ids("topic:Go")).toStrictEqual(["other", "newest"]);
  });

  it("intersects the option and the word, and finds nothing for an unknown topic", () => {
    expect(ids("topic:go", { topic: "rust" })).toStrictEqual(["newest"]);
    expect(index.search("", { topic: "cooking" })).toStrictEqual({ total: 0, hits: [] });
  });

  it("shows each post's opening as its snippet", () => {
    expect(index.search("", { topic: "go" }).hits[0]?.snippet).toStrictEqual([
      { text: "the text of other", match: false },
    ]);
  });

  it("still needs words or a topic", () => {
    expect(index.search("")).toStrictEqual({ total: 0, hits: [] });
  });
});
