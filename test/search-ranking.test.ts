import { describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { createSearchIndex, type SearchResults } from "../src/library/search.js";

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

describe("a word being typed", () => {
  it("ranks a rare completion held by a long thread above short posts holding frequent completions", () => {
    const long = Array.from({ length: 400 }, (_, i) => `filler${i % 40}`).join(" ");
    const index = createSearchIndex([
      ...Array.from({ length: 300 }, (_, i) => post(`p${i}`, `quab${i % 3} quac${i % 5}`)),
      post("thread", `${long} quaxolotl ${long}`),
    ]);
    expect(index.search("qua").hits[0]?.post.id).toBe("thread");
    expect(index.suggest("qua")[0]?.id).toBe("thread");
  });

  it("counts several completions held by one post as one word", () => {
    // kab and kac are each in two posts, so each scores the same: "both" is worth one of them, not two.
    const index = createSearchIndex([post("one", "kab"), post("both", "kab kac"), post("other", "kac")]);
    expect(index.search("ka").hits.map((h) => h.post.id)).toStrictEqual(["one", "both", "other"]);
  });

  it("counts every match in the total when frequent completions are only counted, not scored", () => {
    const posts = [
      ...Array.from({ length: 3_000 }, (_, i) => post(`f${i}`, `zorba${i % 4} and more`)),
      ...Array.from({ length: 60 }, (_, i) => post(`r${i}`, `zor${i}rare${i}`)),
    ];
    const index = createSearchIndex(posts);
    const results = index.search("zor");
    expect(results.total).toBe(posts.length);
    // The rare completions fill the first page; the frequent ones follow once it is read past them.
    expect(results.hits.every((h) => h.post.id.startsWith("r"))).toBe(true);
    const later = index.search("zor", { offset: 60, limit: 5 });
    expect(later.total).toBe(posts.length);
    expect(later.hits.map((h) => h.post.id.charAt(0))).toStrictEqual(["f", "f", "f", "f", "f"]);
  });

  it("answers the same for a frequent prefix asked again, for a longer page, or by autocomplete", () => {
    const posts = Array.from({ length: 25_000 }, (_, i) =>
      post(`p${i}`, `mo${i % 5}x ${"word ".repeat(i % 3)}`),
    );
    const warm = createSearchIndex(posts);
    const first = warm.search("mo");
    expect(first.total).toBe(posts.length);
    // Five completions in 5,000 posts each, once per post: every score ties, so the collection order shows.
    expect(first.hits.map((h) => h.post.id)).toStrictEqual(posts.slice(0, 10).map((p) => p.id));
    warm.suggest("mo");
    const ids = (r: SearchResults) => r.hits.map((h) => h.post.id);
    const fresh = () => createSearchIndex(posts);
    for (const opts of [{}, { offset: 40, limit: 30 }, { offset: 200, limit: 100 }]) {
      const cold = fresh().search("mo", opts);
      const again = warm.search("mo", opts);
      expect(ids(again)).toStrictEqual(ids(cold));
      expect(again.total).toBe(cold.total);
    }
    expect(warm.suggest("mo").map((p) => p.id)).toStrictEqual(
      fresh()
        .suggest("mo")
        .map((p) => p.id),
    );
  });
});

describe("several full words", () => {
  const posts = [
    ...Array.from({ length: 60 }, (_, i) => post(`both${i}`, `alpha beta ${"x ".repeat(i % 4)}`)),
    ...Array.from({ length: 40 }, (_, i) => post(`alpha${i}`, "alpha")),
    ...Array.from({ length: 30 }, (_, i) => post(`beta${i}`, "beta")),
  ];
  const index = createSearchIndex(posts);

  it("counts every post holding any word, and puts the posts holding all first", () => {
    const first = index.search("alpha beta ");
    expect(first.total).toBe(130);
    expect(first.hits.every((h) => h.post.id.startsWith("both"))).toBe(true);
    // A page reaching past the posts holding both words: those come first, then the others.
    const page = index.search("alpha beta ", { offset: 55, limit: 10 });
    expect(page.total).toBe(130);
    expect(page.hits.map((h) => h.post.id.startsWith("both"))).toStrictEqual([
      ...Array(5).fill(true),
      ...Array(5).fill(false),
    ]);
  });
});

describe("two full words held together by fewer posts than a page", () => {
  // Every post carries the topic "all": filtered by it, a search takes the path that scores every posting,
  // which the unfiltered search must agree with however it finds its best posts.
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const word = () => `w${Math.floor(300 * random() ** 2)}`;
  const posts = Array.from({ length: 3_000 }, (_, i) => ({
    ...post(`p${i}`, Array.from({ length: 1 + Math.floor(20 * random()) }, word).join(" ")),
    topics: ["all"],
  }));
  const index = createSearchIndex(posts);
  const pairs = Array.from({ length: 40 }, () => `${word()} ${word()} `).filter(
    (q) => new Set(q.split(" ")).size > 2,
  );
  // A finished word, then a word being typed: its completions are several terms ("w1" stands for w10-w19...).
  const typed = Array.from({ length: 40 }, () => `${word()} ${word().slice(0, 2)}`);

  it("finds the same posts, in the same order, with the same scores as scoring every posting", () => {
    const shown = (r: SearchResults) => r.hits.map((h) => [h.post.id, h.score]);
    let fewerThanAPage = 0;
    for (const q of pairs) {
      const [a, b] = q.trim().split(" ");
      const both = posts.filter(
        (p) => p.text.split(" ").includes(a!) && p.text.split(" ").includes(b!),
      ).length;
      if (both < 50) fewerThanAPage++;
      for (const page of [{}, { offset: 40, limit: 20 }, { offset: 0, limit: 100 }]) {
        const unfiltered = index.search(q, page);
        const filtered = index.search(q, { ...page, topic: "all" });
        expect(unfiltered.total).toBe(filtered.total);
        expect(shown(unfiltered)).toStrictEqual(shown(filtered));
      }
    }
    // The case this is about must occur, and the other one too.
    expect(fewerThanAPage).toBeGreaterThan(5);
    expect(fewerThanAPage).toBeLessThan(pairs.length);
  });

  it("agrees too when the second word is being typed, or typed first", () => {
    const shown = (r: SearchResults) => r.hits.map((h) => [h.post.id, h.score]);
    for (const q of [...typed, ...typed.map((t) => t.split(" ").reverse().join(" "))]) {
      for (const page of [{}, { offset: 40, limit: 20 }]) {
        const unfiltered = index.search(q, page);
        const filtered = index.search(q, { ...page, topic: "all" });
        expect(unfiltered.total, q).toBe(filtered.total);
        expect(shown(unfiltered), q).toStrictEqual(shown(filtered));
      }
    }
  });
});
