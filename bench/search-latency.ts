/**
 * Search latency and quality on a collection whose posts and index caches exist already, so a change to the
 * search can be measured in seconds instead of rebuilding a 1M-post index (bench/library.ts builds both).
 * `tsx bench/search-latency.ts <collection.json> [--queries N] [--quality N] [--only kind]` prints a table
 * and one JSON line: per query kind, the CPU time per query (mean, p99, in µs) and the wall-clock p50/p99 (ms).
 * CPU time is the figure to read on a shared machine: a busy neighbour stretches wall time, not CPU time.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { createSearchIndex, type SearchIndex } from "../src/library/search.js";
import { cacheDirOf } from "../src/load-library.js";
import { loadPostings } from "../src/store/index-cache.js";
import { loadCollectionCached } from "../src/store/posts-cache.js";
import { queryWorkload } from "./library.js";
import { measureQuality } from "./search-quality.js";
import { createVocabulary } from "./synthetic.js";

export interface KindTiming {
  queries: number;
  cpuMeanUs: number;
  cpuP99Us: number;
  wallP50Ms: number;
  wallP99Ms: number;
}

const ROUNDS = 3;

/**
 * One unmeasured pass (JIT), then ROUNDS measured ones; the round with the median CPU p99 is kept. Each query
 * is timed alone with process.cpuUsage (microsecond resolution on Linux).
 */
export function timeKind(queries: readonly string[], run: (q: string) => unknown): KindTiming {
  global.gc?.();
  for (const q of queries) run(q);
  const rounds: KindTiming[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(timeEach(queries, run));
  rounds.sort((a, b) => a.cpuP99Us - b.cpuP99Us);
  return rounds[Math.floor(rounds.length / 2)]!;
}

/**
 * Each distinct query once, on a fresh index: the figure for a prefix nobody asked before (frequent prefixes
 * keep their best posts, so repeated ones are cheaper).
 */
export function timeFirstAsked(queries: readonly string[], run: (q: string) => unknown): KindTiming {
  // As in timeKind: the garbage of what ran before (a whole index, here) is not this kind's to collect.
  global.gc?.();
  return timeEach([...new Set(queries)], run);
}

/** Every query once, each timed alone: CPU mean and p99, wall p50 and p99. */
function timeEach(queries: readonly string[], run: (q: string) => unknown): KindTiming {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run(q);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    cpu.push(c1.user + c1.system);
    wall.push(t1 - t0);
  }
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  const at = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return {
    queries: queries.length,
    cpuMeanUs: cpu.reduce((a, b) => a + b, 0) / cpu.length,
    cpuP99Us: at(cpu, 0.99),
    wallP50Ms: at(wall, 0.5),
    wallP99Ms: at(wall, 0.99),
  };
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file || file.startsWith("--"))
    throw new Error("usage: tsx bench/search-latency.ts <collection.json> [--queries N] [--quality N]");
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  const dir = cacheDirOf(file);
  const t0 = performance.now();
  const { collection, fromCache: postsFromCache } = await loadCollectionCached(file, dir);
  const { postings, prefixMemo, fromCache: indexFromCache } = loadPostings(collection, dir);
  const withMemo = { precomputed: prefixMemo };
  const index: SearchIndex = createSearchIndex(
    collection.posts,
    postings,
    collection.compact?.topicDocs(),
    withMemo,
  );
  const startMs = performance.now() - t0;
  const loadBefore = loadavg();

  const q = queryWorkload(createVocabulary(), option("--queries", 300));
  const qualityQueries = option("--quality", 1_000);
  const quality =
    qualityQueries > 0 ? measureQuality(collection.posts, postings, index, qualityQueries) : undefined;
  const kinds: Record<string, [readonly string[], (s: string) => unknown]> = {
    "search: one full word": [q.word, (s) => index.search(`${s} `)],
    "search: two full words": [q.twoWords, (s) => index.search(`${s} `)],
    "search: one common word (the, a, of…)": [q.commonWord, (s) => index.search(`${s} `)],
    "search: typed prefix (2-5 chars)": [q.prefix, (s) => index.search(s)],
    "search: one typo": [q.typo, (s) => index.search(`${s} `)],
    "autocomplete: prefix (2-5 chars)": [q.prefix, (s) => index.suggest(s)],
    ...(quality
      ? {
          "search: rare word typed as a prefix (3+ chars)": [
            quality.prefixQueries.slice(0, option("--queries", 300)),
            (s: string) => index.search(s),
          ] as [readonly string[], (s: string) => unknown],
        }
      : {}),
  };
  const timings: Record<string, KindTiming> = {};
  for (const [kind, [queries, run]] of Object.entries(kinds)) {
    if (only && !kind.includes(only)) continue;
    timings[kind] = timeKind(queries, run);
    const t = timings[kind]!;
    process.stderr.write(
      `${kind.padEnd(48)} cpu mean ${t.cpuMeanUs.toFixed(0).padStart(6)} µs  p99 ${t.cpuP99Us.toFixed(0).padStart(6)} µs   wall p50 ${t.wallP50Ms.toFixed(2)} p99 ${t.wallP99Ms.toFixed(2)} ms\n`,
    );
  }
  const report = (kind: string, t: KindTiming) =>
    process.stderr.write(
      `${kind.padEnd(48)} cpu mean ${t.cpuMeanUs.toFixed(0).padStart(6)} µs  p99 ${t.cpuP99Us.toFixed(0).padStart(6)} µs   wall p50 ${t.wallP50Ms.toFixed(2)} p99 ${t.wallP99Ms.toFixed(2)} ms\n`,
    );
  if (!only || only === "first") {
    // A fresh index started from the cache: the precomputed prefixes are there, the lazy memo is empty.
    const fresh = () =>
      createSearchIndex(collection.posts, postings, collection.compact?.topicDocs(), withMemo);
    const searchIndex = fresh();
    const suggestIndex = fresh();
    for (const [kind, run] of [
      ["search: typed prefix, first time asked", (s: string) => searchIndex.search(s)],
      ["autocomplete: prefix, first time asked", (s: string) => suggestIndex.suggest(s)],
    ] as const) {
      timings[kind] = timeFirstAsked(q.prefix, run);
      report(kind, timings[kind]!);
    }
  }
  if (quality) process.stderr.write(`quality: ${JSON.stringify(quality.figures)}\n`);
  const loadAfter = loadavg();
  process.stderr.write(
    `loadavg before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      posts: collection.posts.length,
      postsFromCache,
      indexFromCache,
      startMs,
      precomputedPrefixes: prefixMemo.length,
      loadavg: { before: loadBefore, after: loadAfter },
      timings,
      quality: quality?.figures,
      date: new Date().toISOString(),
    })}\n`,
  );
}
