import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import {
  buildSearchPostings,
  createSearchIndex,
  type PrefixMemoEntry,
  precomputePrefixes,
} from "../src/library/search.js";
import { heavyPrefixes } from "../src/library/search-heavy-prefixes.js";
import { cacheFile, decode, encode, loadSearchIndex } from "../src/store/index-cache.js";

/** A deterministic collection whose words share many prefixes (syllables), some frequent, most rare. */
function collection(count: number): Post[] {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const syllables = ["da", "ta", "ba", "se", "ra", "mo", "ne", "ti", "lo", "ka", "zu", "pe"];
  const words = Array.from({ length: 400 }, () => {
    const n = 1 + Math.floor(random() * 4);
    return Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join("");
  });
  // Zipf-like: low ranks are drawn far more often, so a few prefixes carry most postings.
  const word = () => words[Math.floor(words.length * random() ** 3)]!;
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    text: Array.from({ length: 3 + Math.floor(random() * 25) }, word).join(" "),
    topics: i % 7 === 0 ? ["seven"] : [],
    links: [],
    mentions: [],
  }));
}

const MIN = 150;
const posts = collection(3_000);
const postings = buildSearchPostings(posts);
const precomputed = precomputePrefixes(posts, postings, MIN, MIN);
const prefixes = precomputed.map((e) => e.prefix);

describe("precomputed prefixes", () => {
  it("finds frequent prefixes of every length the memo would keep", () => {
    expect(precomputed.length).toBeGreaterThan(20);
    const lengths = new Set(prefixes.map((p) => p.length));
    for (const length of [1, 2, 3]) expect(lengths).toContain(length);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it("finds exactly the prefixes whose completions hold enough postings (checked against every prefix)", () => {
    const held = new Map<string, number>();
    for (const term of postings.sortedTerms) {
      const df = postings.docFrequency(postings.termId(term)!);
      for (let n = 1; n <= term.length; n++)
        held.set(term.slice(0, n), (held.get(term.slice(0, n)) ?? 0) + df);
    }
    const expected = [...held].filter(([, n]) => n >= MIN).map(([p]) => p);
    expect(new Set(heavyPrefixes(postings, MIN))).toEqual(new Set(expected));
    expect(expected.length).toBeGreaterThan(prefixes.length);
  });

  it("answers every precomputed prefix exactly as an index computing it fresh, pages and autocomplete", () => {
    const fresh = createSearchIndex(posts, postings);
    const ahead = createSearchIndex(posts, postings, undefined, { precomputed, memoMinScored: MIN });
    const asked = [...prefixes, ...prefixes.map((p) => p.toUpperCase())];
    for (const prefix of asked) {
      for (const page of [
        {},
        { offset: 10, limit: 10 },
        { offset: 40, limit: 10 },
        { offset: 45, limit: 20 },
        { limit: 3 },
      ])
        expect(ahead.search(prefix, page), `${prefix} ${JSON.stringify(page)}`).toEqual(
          fresh.search(prefix, page),
        );
      expect(
        ahead.suggest(prefix).map((p) => p.id),
        prefix,
      ).toEqual(fresh.suggest(prefix).map((p) => p.id));
      expect(ahead.suggest(prefix, { limit: 5 })).toEqual(fresh.suggest(prefix, { limit: 5 }));
      expect(ahead.search(prefix, { topic: "seven" })).toEqual(fresh.search(prefix, { topic: "seven" }));
      expect(ahead.search(`${prefix} `)).toEqual(fresh.search(`${prefix} `));
    }
    // Asked a second time, answered the same (from the memo on both sides now).
    for (const prefix of prefixes) expect(ahead.search(prefix)).toEqual(fresh.search(prefix));
  });

  it("answers from the precomputed entry, which hundreds of other queries do not evict", () => {
    const target = precomputed.find((e) => e.prefix.length === 2 && e.docs.length >= 10)!;
    // A doctored entry shows where the answer comes from: the real ones are proven equal to fresh above.
    const doctored: PrefixMemoEntry = {
      ...target,
      docs: [...target.docs].reverse(),
      scores: [...target.scores].reverse(),
    };
    const index = createSearchIndex(posts, postings, undefined, {
      precomputed: [doctored],
      memoMinScored: 1,
    });
    const expected = doctored.docs.slice(0, 10).map((doc) => posts[doc]!.id);
    expect(index.search(target.prefix).hits.map((h) => h.post.id)).toEqual(expected);
    // More distinct memoised queries than the LRU memo holds (512).
    const others = [
      ...new Set(
        postings.sortedTerms.flatMap((t) =>
          Array.from({ length: t.length - 1 }, (_, n) => t.slice(0, n + 2)),
        ),
      ),
    ].filter((p) => p !== target.prefix);
    expect(others.length).toBeGreaterThan(600);
    for (const other of others) index.search(other);
    expect(index.search(target.prefix).hits.map((h) => h.post.id)).toEqual(expected);
    expect(index.suggest(target.prefix).map((p) => p.id)).toEqual(
      doctored.docs.slice(0, 25).map((doc) => posts[doc]!.id),
    );
  });
});

describe("precomputed prefixes in the index cache", () => {
  it("survive encode and decode unchanged, scores to the last bit", () => {
    const back = decode(encode({ ...postings, prefixMemo: precomputed }));
    expect(back.prefixMemo).toEqual(precomputed);
  });

  it("reject a damaged entry with the prefix and what is wrong", () => {
    const damage = (change: (e: PrefixMemoEntry) => PrefixMemoEntry, message: RegExp) => {
      const entries = precomputed.map((e, i) => (i === 1 ? change(structuredClone(e)) : e));
      expect(() => decode(encode({ ...postings, prefixMemo: entries }))).toThrow(message);
    };
    const prefix = precomputed[1]!.prefix;
    damage(
      (e) => ({ ...e, docs: [posts.length, ...e.docs.slice(1)] }),
      new RegExp(`"${prefix}".*out of range`),
    );
    damage((e) => ({ ...e, scores: e.scores.slice(1) }), /differ in length/);
    damage((e) => ({ ...e, scores: [Number.NaN, ...e.scores.slice(1)] }), /not a number/);
  });

  it("are computed again when the ranking changed since the cache was written", () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-prefix-"));
    try {
      const hash = "cd".repeat(32);
      // Every entry answers differently from the code now, as after a change to the ranking.
      const stale = precomputed.map((e) => ({ ...e, scores: e.scores.map((s) => s + 1) }));
      writeFileSync(cacheFile(dir, hash), encode({ ...postings, prefixMemo: stale }));
      const first = loadSearchIndex({ posts, hash }, dir);
      expect(first.fromCache).toBe(true);
      expect(first.problem).toMatch(/ranked by other code/);
      const fresh = createSearchIndex(posts, postings);
      for (const prefix of prefixes) expect(first.index.search(prefix)).toEqual(fresh.search(prefix));
      // The cache was written again: the next start reads it without a problem.
      const second = loadSearchIndex({ posts, hash }, dir);
      expect(second.problem).toBeUndefined();
      expect(second.fromCache).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a start from the cache answers the frequent prefixes as a fresh index does", () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-prefix-"));
    try {
      const hash = "ab".repeat(32);
      writeFileSync(cacheFile(dir, hash), encode({ ...postings, prefixMemo: precomputed }));
      const cached = loadSearchIndex({ posts, hash }, dir);
      expect(cached.fromCache).toBe(true);
      expect(cached.problem).toBeUndefined();
      const fresh = createSearchIndex(posts, postings);
      for (const prefix of prefixes) {
        expect(cached.index.search(prefix)).toEqual(fresh.search(prefix));
        expect(cached.index.suggest(prefix)).toEqual(fresh.suggest(prefix));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
