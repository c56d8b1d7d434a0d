import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { buildSearchPostings, createSearchIndex, type SearchResults } from "../src/library/search.js";
import { boundedDistance } from "../src/library/search-expand.js";
import { buildSnippet } from "../src/library/search-snippet.js";
import { TermTable } from "../src/library/search-terms.js";
import { foldSearchText, tokenize } from "../src/library/search-words.js";
import { cacheFile, decode, encode, loadSearchIndex } from "../src/store/index-cache.js";

const posts = JSON.parse(readFileSync(new URL("../data/posts.json", import.meta.url), "utf8")) as Post[];
const index = createSearchIndex(posts);
const ids = (results: SearchResults) => results.hits.map((h) => h.post.id);

function post(id: string, text: string, extra: Partial<Post> = {}): Post {
  return { id, text, topics: [], links: [], mentions: [], ...extra };
}

describe("search on the seed collection", () => {
  it("ranks the learning-rate post first for the phrase `learning rate`", () => {
    const results = index.search("learning rate");
    expect(ids(results)[0]).toBe("lr-decay");
    expect(results.total).toBeGreaterThan(1);
  });

  it("ignores case and diacritics both ways", () => {
    expect(ids(index.search("ecole"))).toEqual(["bellard"]);
    expect(ids(index.search("ÉCOLE"))).toEqual(["bellard"]);
    expect(ids(index.search("Écolé"))).toEqual(["bellard"]);
  });

  it("tolerates typos", () => {
    expect(ids(index.search("belard"))[0]).toBe("bellard");
    expect(ids(index.search("mirzakhni"))[0]).toBe("mirzakhani-birthday");
    expect(ids(index.search("wasserstien"))[0]).toBe("drifting-fixed-point");
  });

  it("matches the last word as a prefix while it is being typed, not once it is finished", () => {
    expect(ids(index.search("mirzak"))).toEqual(["mirzakhani-birthday"]);
    expect(index.search("mirzak ").total).toBe(0);
  });

  it("indexes titles and topics with a boost", () => {
    // "optimal-transport" is only a topic of the drifting post, never in its text.
    expect(ids(index.search("optimal transport"))[0]).toBe("drifting-fixed-point");
    // "centric" only appears in the title of the what-ai-taught-me post.
    expect(ids(index.search("centric"))[0]).toBe("what-ai-taught-me");
  });

  it("filters by topic from the options or from a topic: word in the query", () => {
    expect(ids(index.search("learning", { topic: "physics" }))).toEqual(["symmetry-breaking"]);
    expect(ids(index.search("topic:physics learning"))).toEqual(["symmetry-breaking"]);
    expect(ids(index.search("learning TOPIC:Physics"))).toEqual(["symmetry-breaking"]);
    expect(index.search("learning", { topic: "no-such-topic" })).toEqual({ total: 0, hits: [] });
    expect(index.search("topic:physics topic:mathematics learning").total).toBe(0);
  });

  it("pages with limit and offset, and total counts every match", () => {
    const all = index.search("learning", { limit: 100 });
    expect(all.total).toBe(all.hits.length);
    const page = index.search("learning", { limit: 3, offset: 3 });
    expect(page.total).toBe(all.total);
    expect(ids(page)).toEqual(ids(all).slice(3, 6));
    expect(index.search("learning", { limit: 0 }).hits).toEqual([]);
    expect(index.search("learning", { offset: 10_000 }).hits).toEqual([]);
    expect(index.search("learning", { limit: Number.NaN }).hits).toHaveLength(Math.min(10, all.total));
  });

  it("ranks a post with every query word above posts with only one", () => {
    const [first] = ids(index.search("bitter lesson computation"));
    expect(first).toBe("bitter-lesson");
  });

  it("returns an empty result, not an error, for queries with nothing to search", () => {
    for (const query of [
      "",
      "   ",
      "\u200d\ufe0f",
      "@everyone",
      "\uD800",
      "(.*)[\\",
      "**_~~`|>",
      "a".repeat(5_000),
    ]) {
      const results = index.search(query);
      expect(results.total).toBe(0);
      expect(results.hits).toEqual([]);
    }
  });

  it("answers a 5,000-character query made of real words", () => {
    const results = index.search("learning ".repeat(600));
    expect(ids(results).length).toBeGreaterThan(0);
  });

  it("scores a repeated word once", () => {
    expect(index.search("learning learning learning").hits.map((h) => h.score)).toEqual(
      index.search("learning").hits.map((h) => h.score),
    );
  });

  it("reads only the first 32 words of a query", () => {
    const filler = Array.from({ length: 32 }, (_, i) => `filler${i}`).join(" ");
    expect(index.search(`mirzakhani ${filler}`).total).toBe(1);
    expect(index.search(`${filler} mirzakhani`).total).toBe(0);
  });

  it("finds @mentions and hashtags by their word", () => {
    expect(ids(index.search("@GoogleDeepMind"))).toEqual(["continual-interaction"]);
  });
});

describe("snippets", () => {
  it("marks the matched words of the best window and cuts on word boundaries with …", () => {
    const [hit] = index.search("ecole").hits;
    const parts = hit!.snippet;
    expect(parts[0]).toEqual({ text: "…", match: false });
    expect(parts.at(-1)).toEqual({ text: "…", match: false });
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(["École"]);
    const text = parts.map((p) => p.text).join("");
    expect(text.length).toBeLessThanOrEqual(205);
    const inner = parts
      .slice(1, -1)
      .map((p) => p.text)
      .join("");
    expect(hit!.post.text.replace(/\s+/g, " ")).toContain(inner);
  });

  it("shows a short post whole, without ellipses", () => {
    expect(buildSnippet("Hello wide world", new Set(["world"]))).toEqual([
      { text: "Hello wide ", match: false },
      { text: "world", match: true },
    ]);
  });

  it("never splits an emoji when a post has no spaces to cut on", () => {
    const text = "🐈".repeat(300);
    const parts = buildSnippet(text, new Set());
    const body = parts
      .filter((p) => p.text !== "…")
      .map((p) => p.text)
      .join("");
    expect(body).toBe("🐈".repeat(body.length / 2));
    expect(parts.at(-1)).toEqual({ text: "…", match: false });
  });

  it("collapses line breaks of threads into spaces", () => {
    const parts = buildSnippet("first line\nsecond line", new Set(["second"]));
    expect(parts).toEqual([
      { text: "first line ", match: false },
      { text: "second", match: true },
      { text: " line", match: false },
    ]);
  });
});

describe("suggest", () => {
  it("completes the last word as a prefix", () => {
    expect(index.suggest("mirza").map((p) => p.id)).toEqual(["mirzakhani-birthday"]);
    expect(index.suggest("ffm").map((p) => p.id)).toEqual(["bellard"]);
  });

  it("keeps earlier words as full words and honours the topic", () => {
    expect(index.suggest("deep lear", { topic: "physics" }).map((p) => p.id)).toEqual(["symmetry-breaking"]);
  });

  it("returns at most 25 posts and nothing for an empty prefix", () => {
    const many = createSearchIndex(Array.from({ length: 60 }, (_, i) => post(`p${i}`, `word${i} common`)));
    expect(many.suggest("comm")).toHaveLength(25);
    expect(many.suggest("comm", { limit: 100 })).toHaveLength(25);
    expect(many.suggest("comm", { limit: 5 })).toHaveLength(5);
    expect(many.suggest("")).toEqual([]);
  });
});

describe("edit distance", () => {
  it("counts a swap of neighbours as one edit and gives up past the bound", () => {
    expect(boundedDistance("belard", "bellard", 1)).toBe(1);
    expect(boundedDistance("lerning", "lrening", 2)).toBe(1);
    expect(boundedDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("typos", () => {
  // Random words, each in its own post: a typo of one must find it, whatever the edit (the letter filter
  // before the edit distance must never rule out a near miss, in Latin or Cyrillic).
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n);
  };
  const letters = "abcdefghijklmnopqrstuvwxyzøжщ";
  const randomWord = () =>
    `k${Array.from({ length: 8 + random(5) }, () => letters[random(letters.length)]).join("")}`;
  const words = Array.from({ length: 400 }, randomWord);
  const typoIndex = createSearchIndex(words.map((w, i) => post(`w${i}`, `${w} and more`)));
  /** One edit at `at` or after (up to `at + 2`): two edits apart are two edits away. */
  const edit = (w: string, from: number): string => {
    const at = from + random(3);
    const c = letters[random(letters.length)]!;
    switch (random(4)) {
      case 0:
        return w.slice(0, at) + c + w.slice(at + 1);
      case 1:
        return w.slice(0, at) + w.slice(at + 1);
      case 2:
        return w.slice(0, at) + c + w.slice(at);
      default:
        return w.slice(0, at) + w[at + 1]! + w[at]! + w.slice(at + 2);
    }
  };

  it("finds the word after one or two edits of any kind", () => {
    words.forEach((w, i) => {
      const typed = i % 2 === 0 ? edit(w, 1) : edit(edit(w, 1), 5);
      if (typed === w) return;
      expect(ids(typoIndex.search(`${typed} `)), `${typed} for ${w}`).toContain(`w${i}`);
    });
  });
});

describe("search never throws", () => {
  it("returns a valid result for any unicode query and options", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.string({ unit: "grapheme", maxLength: 50 }),
        ),
        fc.record({
          topic: fc.option(fc.string(), { nil: undefined }),
          limit: fc.option(fc.double(), { nil: undefined }),
          offset: fc.option(fc.double(), { nil: undefined }),
        }),
        (query, opts) => {
          const results = index.search(query, opts);
          expect(Number.isInteger(results.total)).toBe(true);
          expect(results.hits.length).toBeLessThanOrEqual(results.total);
          for (const hit of results.hits) {
            expect(Number.isFinite(hit.score)).toBe(true);
            for (const part of hit.snippet) expect(typeof part.text).toBe("string");
          }
          expect(index.suggest(query, opts).length).toBeLessThanOrEqual(25);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("tokenize", () => {
  const EMOJI = /^\p{Extended_Pictographic}$/u;
  const UNSPACED =
    /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
  /** The spec, slowly: runs of letters, digits and marks, each folded whole; every emoji a word of its own. */
  const reference = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}\p{M}]+|\p{Extended_Pictographic}/gu)]
      .flatMap(([run]) =>
        EMOJI.test(run) ? [run] : (foldSearchText(run).match(/[\p{L}\p{N}\p{M}]+/gu) ?? []),
      )
      .filter((w) => w.length <= 40);

  it("gives the words of the folded text, emoji included", () => {
    expect(tokenize("L'École «Polytechnique» — ts_zip, GPT5.5 & 🐈‍⬛ Ｆｕｌｌ")).toEqual([
      "l",
      "ecole",
      "polytechnique",
      "ts",
      "zip",
      "gpt5",
      "5",
      "🐈",
      "⬛",
      "full",
    ]);
    for (const p of posts) expect(tokenize(p.text)).toEqual(reference(p.text));
  });

  it("agrees with folding the whole text for any string of spaced scripts", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }).filter((t) => !UNSPACED.test(t)),
        (text) => {
          expect(tokenize(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("cuts Japanese, Chinese and Thai into words, and Chinese words also into characters", () => {
    expect(tokenize("日本語のテキスト")).toEqual(["日", "本", "語", "日本語", "の", "テキスト"]);
    expect(tokenize("我的书")).toEqual(["我", "的", "我的", "书"]);
    expect(tokenize("ภาษาไทยเป็นภาษาที่สวยงาม")).toEqual(["ภาษา", "ไทย", "เป็น", "ภาษา", "ที่", "สวยงาม"]);
    expect(tokenize("हिन्दी भाषा")).toEqual(["हिन्दी", "भाषा"]);
    expect(tokenize("Rustの本")).toEqual(["rust", "の", "本"]);
  });

  it("folds Arabic letter variants and tatweel the same in posts and queries", () => {
    expect(tokenize("أحمد إلى مدرسة العـربية")).toEqual(tokenize("احمد الي مدرسه العربيه"));
  });

  it("keeps emoji apart from words, dropping joiners, skin tones and variation selectors", () => {
    expect(tokenize("🌍hello👋🏽world❤️")).toEqual(["🌍", "hello", "👋", "world", "❤"]);
    expect(EMOJI.test("🏽")).toBe(false);
  });
});

describe("search index cache", () => {
  const collection = { posts, hash: "ab".repeat(32) };

  it("builds and writes the postings once, then answers the same from the cache", () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-cache-"));
    try {
      const first = loadSearchIndex(collection, dir);
      expect(first).toMatchObject({ fromCache: false });
      expect(first.problem).toBeUndefined();
      const second = loadSearchIndex(collection, dir);
      expect(second.fromCache).toBe(true);
      for (const query of ["learning rate", "belard", "mirzak", "topic:physics deep"]) {
        expect(second.index.search(query)).toEqual(first.index.search(query));
      }
      expect(second.index.suggest("ma")).toEqual(first.index.suggest("ma"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rebuilds when the cache file is damaged or was made for other posts", () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-cache-"));
    try {
      loadSearchIndex(collection, dir);
      const file = cacheFile(dir, collection.hash);
      writeFileSync(file, readFileSync(file).subarray(0, 100));
      const damaged = loadSearchIndex(collection, dir);
      expect(damaged.fromCache).toBe(false);
      expect(damaged.problem).toMatch(/truncated|JSON|inconsistent/);
      expect(ids(damaged.index.search("ecole"))).toEqual(["bellard"]);

      const fewer = loadSearchIndex({ posts: posts.slice(1), hash: collection.hash }, dir);
      expect(fewer.fromCache).toBe(false);
      expect(ids(fewer.index.search("ecole"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps only the newest few cache files as collections change", () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-cache-"));
    try {
      const hashes = ["01", "02", "03", "04", "05", "06"].map((h) => h.repeat(32));
      for (const hash of hashes) loadSearchIndex({ posts, hash }, dir);
      const left = readdirSync(dir).sort();
      expect(left).toHaveLength(4);
      expect(left).toContain(basename(cacheFile(dir, hashes[5]!)));
      expect(left).not.toContain(basename(cacheFile(dir, hashes[0]!)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("round-trips postings through the file format", () => {
    const postings = buildSearchPostings(posts);
    const back = decode(encode(postings));
    expect(back.terms).toEqual(postings.terms);
    expect([...back.doc]).toEqual([...postings.doc]);
    expect([...back.tf]).toEqual([...postings.tf]);
    expect([...back.norm]).toEqual([...postings.norm]);
  });
});

describe("term table", () => {
  it("gives one id per folded word, looked up in place or as a string, across growth", () => {
    const table = new TermTable();
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}`);
    const ids = words.map((w) => table.idOf(w));
    expect(new Set(ids).size).toBe(words.length);
    const text = `x ${words[12_345]!.toUpperCase()} y`;
    expect(table.idOfAscii(text, 2, 2 + words[12_345]!.length)).toBe(ids[12_345]);
    expect(table.terms[ids[69_999]!]).toBe(words[69_999]);
  });

  it("indexes exactly the words tokenize finds", () => {
    const postings = buildSearchPostings(posts);
    const expected = new Set(
      posts.flatMap((p) => [p.title ?? "", p.text, p.topics.join(" ")].flatMap(tokenize)),
    );
    expect(new Set(postings.terms)).toEqual(expected);
    expect(postings.terms).toHaveLength(expected.size);
  });
});
