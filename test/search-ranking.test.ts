import { describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { createSearchIndex } from "../src/library/search.js";

const post = (id: string, text: string): Post => ({ id, text, topics: [], links: [], mentions: [] });

describe("ranking", () => {
  it("puts the one post holding every query word above short posts holding one, however long it is", () => {
    const filler = Array.from({ length: 400 }, (_, i) => `filler${i % 50} words of a long thread`).join(" ");
    const posts = [
      ...Array.from({ length: 200 }, (_, i) => post(`short-a${i}`, `kernel ${i}`)),
      ...Array.from({ length: 200 }, (_, i) => post(`short-b${i}`, `scheduler scheduler ${i}`)),
      post("long-thread", `${filler} kernel ${filler} scheduler ${filler}`),
    ];
    const index = createSearchIndex(posts);
    expect(index.search("kernel scheduler ").hits[0]?.post.id).toBe("long-thread");
    expect(index.search("scheduler kernel ").hits[0]?.post.id).toBe("long-thread");
    // Typed as a prefix, the last word still counts as held.
    expect(index.search("kernel schedu").hits[0]?.post.id).toBe("long-thread");
  });

  it("orders posts holding the same number of words by score: a phrase, then fewer other words", () => {
    const index = createSearchIndex([
      post("apart", "rate of learning, with many other words around them here"),
      post("phrase", "learning rate decay, with many other words around them here"),
      post("short", "learning rate"),
      post("one", "learning"),
    ]);
    expect(index.search("learning rate ").hits.map((h) => h.post.id)).toStrictEqual([
      "short",
      "phrase",
      "apart",
      "one",
    ]);
  });
});

describe("prefix completion", () => {
  // Fifty frequent words start with "qua"; the rare one is held by a single post.
  const frequent = Array.from({ length: 50 }, (_, i) => `qua${String.fromCharCode(97 + (i % 26))}${i}x`);
  const posts = [
    ...Array.from({ length: 2_000 }, (_, i) =>
      post(`p${i}`, `${frequent[i % 50]} ${frequent[(i * 7) % 50]}`),
    ),
    post("rare", "the quaxolotl swims"),
  ];
  const index = createSearchIndex(posts);

  it.each(["qua", "quax", "quaxo", "quaxolo"])(
    "finds the only post with a rare word typed as %s",
    (prefix) => {
      const results = index.search(prefix, { limit: 100 });
      const all = [...results.hits];
      for (let offset = 100; offset < results.total; offset += 100)
        all.push(...index.search(prefix, { limit: 100, offset }).hits);
      expect(all.map((h) => h.post.id)).toContain("rare");
    },
  );

  it("ranks it first once the prefix is its own", () => {
    expect(index.search("quaxo").hits[0]?.post.id).toBe("rare");
    expect(index.suggest("quaxo")[0]?.id).toBe("rare");
  });
});
