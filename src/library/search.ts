import type { Post } from "./post.js";
import { createAccumulator } from "./search-accumulate.js";
import { expandTerm, type Variant } from "./search-expand.js";
import { heavyPrefixes } from "./search-heavy-prefixes.js";
import { buildPostings, type Postings } from "./search-postings.js";
import { type ParsedQuery, parseQuery } from "./search-query.js";
import { buildSnippet, type SnippetPart } from "./search-snippet.js";
import { createTopK } from "./search-topk.js";
import { tokenize } from "./search-words.js";
import { fold } from "./text.js";

export type { SnippetPart } from "./search-snippet.js";

export interface SearchHit {
  post: Post;
  score: number;
  snippet: SnippetPart[];
}

export interface SearchResults {
  total: number;
  hits: SearchHit[];
}

export interface SearchOptions {
  topic?: string;
  limit?: number;
  offset?: number;
}

export interface SuggestOptions {
  topic?: string;
  limit?: number;
}

export interface SearchIndex {
  /**
   * Ranked search; never throws, whatever the query. A `topic:NAME` word filters like `opts.topic`. A topic
   * without words lists that topic's posts, newest first.
   */
  search(query: string, opts?: SearchOptions): SearchResults;
  /** Posts for autocomplete: the last word is matched as a prefix. At most 25. */
  suggest(prefix: string, opts?: SuggestOptions): Post[];
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Discord shows at most 25 autocomplete choices. */
const MAX_SUGGESTIONS = 25;
/** In a full search a 1-letter prefix matches nearly everything and means nothing yet. */
const MIN_SEARCH_PREFIX = 2;
const MIN_FUZZY = 4;
/** Each typo lookup scans part of the vocabulary; a pasted paragraph of unknown words must stay cheap. */
const MAX_FUZZY_TERMS = 4;
/** Phrase matches are only looked for among the best hits: cheap, and the rest is unlikely to be read. */
const PHRASE_WINDOW = 50;
const PHRASE_BOOST = 1.5;
/** Ranking tiers by number of query words held; a BM25 score (a few tens at most) never reaches one. */
const TIER = 1e6;
/** Topics browsed recently whose post order is kept. */
const MAX_BROWSED = 64;
const NO_TERMS: ReadonlySet<string> = new Set();
/**
 * A one- or two-letter prefix stands for a few very frequent words (hundreds of thousands of postings at 1M
 * posts, tens of ms): their best posts are kept per prefix, as the same few hundred prefixes come back at
 * every keystroke. Only queries that scored this many posts are kept, so the memo stays small.
 */
export const MEMO_MIN_SCORED = 20_000;
const MAX_MEMO = 512;
/**
 * Counting matches costs too, not only scoring them: at 1M posts a prefix matching 10,000-100,000 posts whose
 * scoring stopped early still took 10-20 ms. Prefixes matching this many are precomputed as well.
 */
const PRECOMPUTE_MIN_MATCHED = 10_000;
/** From one matched post in this many, the scores are swept in order rather than read where they were written. */
const DENSE_SHARE = 8;

interface Ranked {
  doc: number;
  score: number;
}

/**
 * A prefix's best posts, computed when the index is built (see precomputePrefixes) so that nobody waits the
 * first time it is typed: exactly what the memo keeps after that first time. `docs` and `scores` are the top
 * `k`, best first.
 */
export interface PrefixMemoEntry {
  prefix: string;
  k: number;
  total: number;
  docs: number[];
  scores: number[];
}

export interface SearchIndexOptions {
  /** Prefixes answered ahead of time: kept for the index's life, never evicted. */
  precomputed?: readonly PrefixMemoEntry[];
  /** Queries scoring this many posts keep their best posts (tests lower it to exercise the memo). */
  memoMinScored?: number;
}

type RankResult = { total: number; top: Ranked[]; variants: Variant[][] };
type Kept = RankResult & { k: number };
/** The terms a precomputed prefix stands for are found when first asked (cheap), not kept in the cache. */
type Pinned = Omit<Kept, "variants"> & { variants?: Variant[][] };

/** The expensive part of an index (tokenizing every post), which src/store/index-cache.ts can keep on disk. */
export function buildSearchPostings(posts: readonly Post[]): Postings {
  return buildPostings(
    posts.map((post) => ({ title: post.title ?? "", text: post.text, topics: post.topics.join(" ") })),
  );
}

/** `postings` must have been built from these same posts (see buildSearchPostings). */
export function createSearchIndex(
  posts: readonly Post[],
  postings = buildSearchPostings(posts),
  topicDocs: ReadonlyMap<string, Int32Array> = indexTopics(posts),
  options: SearchIndexOptions = {},
): SearchIndex {
  if (postings.docCount !== posts.length) throw new RangeError("the postings were built from other posts");
  const byTopic = lazyTopicSets(topicDocs);
  const rankAll = createRanker(posts, postings);
  const memoMinScored = options.memoMinScored ?? MEMO_MIN_SCORED;
  const memo = new Map<string, Kept>();
  // Apart from the LRU memo: the precomputed prefixes are the frequent ones, and must stay whatever is typed.
  const pinned = new Map<string, Pinned>(
    (options.precomputed ?? []).map((e) => [
      e.prefix,
      { total: e.total, top: e.docs.map((doc, i) => ({ doc, score: e.scores[i]! })), k: e.k },
    ]),
  );

  function rank(parsed: ParsedQuery, topic: string | undefined, minPrefix: number, k: number): RankResult {
    const allowed = topicFilter(byTopic, topic, parsed.topic);
    if (allowed === null || parsed.terms.length === 0) return { total: 0, top: [], variants: [] };
    const term = parsed.terms[0]!;
    const memoKey =
      allowed === undefined &&
      parsed.endsInWord &&
      new Set(parsed.terms).size === 1 &&
      term.length >= minPrefix
        ? term
        : undefined;
    const fixed = memoKey === undefined ? undefined : pinned.get(memoKey);
    if (fixed && (k <= fixed.k || fixed.top.length < fixed.k)) {
      // What rankAll finds for a one-word prefix query (precomputed entries are only for those).
      fixed.variants ??= [expandTerm(postings, term, { prefix: true, minFuzzy: MIN_FUZZY })];
      return { total: fixed.total, top: fixed.top.slice(0, k), variants: fixed.variants };
    }
    const kept = memoKey === undefined ? undefined : memo.get(memoKey);
    if (kept && (k <= kept.k || kept.top.length < kept.k)) {
      memo.delete(memoKey!);
      memo.set(memoKey!, kept);
      return { total: kept.total, top: kept.top.slice(0, k), variants: kept.variants };
    }
    const result = rankAll(parsed, allowed, minPrefix, k);
    if (memoKey !== undefined && result.scored >= memoMinScored) {
      if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value!);
      memo.set(memoKey, { total: result.total, top: result.top, variants: result.variants, k });
    }
    return result;
  }

  /** Posts by topic filter, newest first: computed once per filter, as a topic is browsed page after page. */
  const browsed = new Map<string, Int32Array>();
  let times: Float64Array | undefined;
  function browse(
    parsed: ParsedQuery,
    topic: string | undefined,
    offset: number,
    limit: number,
  ): SearchResults {
    const key = JSON.stringify([topic, parsed.topic]);
    let docs = browsed.get(key);
    if (!docs) {
      const allowed = topicFilter(byTopic, topic, parsed.topic);
      if (!allowed) return { total: 0, hits: [] };
      times ??= Float64Array.from(posts, (p) => (p.createdAt ? Date.parse(p.createdAt) : Number.NaN));
      const at = times;
      // Undated posts come after the dated ones, in collection order.
      const newer = (a: number, b: number) =>
        Number.isNaN(at[a]!)
          ? Number.isNaN(at[b]!)
            ? a - b
            : 1
          : Number.isNaN(at[b]!)
            ? -1
            : at[b]! - at[a]! || a - b;
      docs = Int32Array.from(allowed).sort(newer);
      if (browsed.size >= MAX_BROWSED) browsed.delete(browsed.keys().next().value!);
      browsed.set(key, docs);
    }
    const hits = Array.from(docs.subarray(offset, offset + limit), (doc) => {
      const post = posts[doc]!;
      return { post, score: 0, snippet: buildSnippet(post.text, NO_TERMS) };
    });
    return { total: docs.length, hits };
  }

  return {
    search(query, opts = {}) {
      try {
        const parsed = parseQuery(query);
        const offset = clampInt(opts.offset, 0, 0, posts.length);
        const limit = clampInt(opts.limit, DEFAULT_LIMIT, 0, MAX_LIMIT);
        if (parsed.terms.length === 0 && (opts.topic !== undefined || parsed.topic !== undefined))
          return browse(parsed, opts.topic, offset, limit);
        const { total, top, variants } = rank(
          parsed,
          opts.topic,
          MIN_SEARCH_PREFIX,
          Math.max(offset + limit, PHRASE_WINDOW),
        );
        const ranked = boostPhrases(top, posts, parsed.terms);
        const highlight = new Set(variants.flat().map((v) => v.term));
        const hits = ranked.slice(offset, offset + limit).map(({ doc, score }) => {
          const post = posts[doc]!;
          return { post, score, snippet: buildSnippet(post.text, highlight) };
        });
        return { total, hits };
      } catch {
        // A search box must answer; a bug here should cost one empty result, not the command.
        return { total: 0, hits: [] };
      }
    },
    suggest(prefix, opts = {}) {
      try {
        const parsed = parseQuery(prefix);
        const limit = clampInt(opts.limit, MAX_SUGGESTIONS, 0, MAX_SUGGESTIONS);
        return rank({ ...parsed, endsInWord: true }, opts.topic, 1, limit).top.map(({ doc }) => posts[doc]!);
      } catch {
        return [];
      }
    },
  };
}

/** Scores a parsed query over every post (the expensive path, which the memos spare). */
function createRanker(posts: readonly Post[], postings: Postings) {
  const { scores, matched, touched, accumulate } = createAccumulator(postings);
  return function rankAll(
    parsed: ParsedQuery,
    allowed: ReadonlySet<number> | undefined,
    minPrefix: number,
    k: number,
  ): RankResult & { scored: number } {
    const lastTerm = parsed.terms[parsed.terms.length - 1];
    let fuzzyLeft = MAX_FUZZY_TERMS;
    // A repeated word would count twice in "how many query words matched"; score each word once.
    const variants = [...new Set(parsed.terms)].map((term) => {
      const expanded = expandTerm(postings, term, {
        prefix: parsed.endsInWord && term === lastTerm && term.length >= minPrefix,
        minFuzzy: fuzzyLeft > 0 ? MIN_FUZZY : Number.POSITIVE_INFINITY,
      });
      if (postings.termId(term) === undefined && term.length >= MIN_FUZZY) fuzzyLeft--;
      return expanded;
    });
    const { count, total, oneWord } = accumulate(variants, allowed, k);
    const topK = createTopK(k);
    if (oneWord && count > posts.length / DENSE_SHARE) {
      // Most posts matched (a short prefix): one sequential sweep instead of two scattered passes.
      for (let doc = 0; doc < posts.length; doc++) {
        const score = scores[doc]!;
        if (score !== 0) topK.offer(doc, TIER + score);
      }
      scores.fill(0);
      return { total, top: topK.sorted(), variants, scored: count };
    }
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      // How many query words a post holds comes first, its BM25 score second: a long thread holding every
      // word must not fall below short posts holding one (a multiplier let length normalisation bury it).
      topK.offer(doc, (oneWord ? 1 : popcount(matched[doc]!)) * TIER + scores[doc]!);
      scores[doc] = 0;
      if (!oneWord) matched[doc] = 0;
    }
    return { total, top: topK.sorted(), variants, scored: count };
  };
}

/**
 * Every prefix whose first query would score at least `minScored` posts or match `minMatched`, answered now
 * as the memo would keep it (the best PHRASE_WINDOW posts, what a results page or autocomplete needs).
 * Candidates come from the term table: a prefix whose completions hold fewer postings cannot match that many.
 */
export function precomputePrefixes(
  posts: readonly Post[],
  postings: Postings,
  minScored: number = MEMO_MIN_SCORED,
  minMatched: number = PRECOMPUTE_MIN_MATCHED,
): PrefixMemoEntry[] {
  const rankAll = createRanker(posts, postings);
  const entries: PrefixMemoEntry[] = [];
  const least = Math.min(minScored, minMatched);
  for (const prefix of heavyPrefixes(postings, least)) {
    // The completions actually matched are fewer than all of them: a cheaper bound before scoring.
    const variants = expandTerm(postings, prefix, { prefix: true, minFuzzy: MIN_FUZZY });
    if (variants.reduce((n, v) => n + postings.docFrequency(v.termId), 0) < least) continue;
    const { entry, scored } = answerPrefix(rankAll, prefix, PHRASE_WINDOW);
    if (entry.total >= minMatched || scored >= minScored) entries.push(entry);
  }
  return entries;
}

/**
 * Whether `entry` is what this code answers for its prefix now. A cache written before a change to the
 * ranking would otherwise keep answering the old way: checking one entry (a few ms) catches any such change.
 */
export function answersAsComputed(
  posts: readonly Post[],
  postings: Postings,
  entry: PrefixMemoEntry,
): boolean {
  const { entry: now } = answerPrefix(createRanker(posts, postings), entry.prefix, entry.k);
  return JSON.stringify(now) === JSON.stringify(entry);
}

function answerPrefix(
  rankAll: ReturnType<typeof createRanker>,
  prefix: string,
  k: number,
): { entry: PrefixMemoEntry; scored: number } {
  const parsed: ParsedQuery = { terms: [prefix], endsInWord: true, topic: undefined };
  const result = rankAll(parsed, undefined, 1, k);
  const entry = {
    prefix,
    k,
    total: result.total,
    docs: result.top.map((r) => r.doc),
    scores: result.top.map((r) => r.score),
  };
  return { entry, scored: result.scored };
}

function popcount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Re-rank the best hits so posts where the query terms appear side by side, in order, come first. */
function boostPhrases(top: readonly Ranked[], posts: readonly Post[], terms: readonly string[]): Ranked[] {
  if (terms.length < 2) return [...top];
  const phrase = ` ${terms.join(" ")} `;
  const distinct = new Set(terms).size;
  const head = top.slice(0, PHRASE_WINDOW).map((r) => {
    // A post matching fewer of the words cannot hold the phrase: it is not worth tokenizing (most of the cost).
    if (Math.floor(r.score / TIER) < distinct) return r;
    const post = posts[r.doc]!;
    const words = ` ${tokenize(`${post.title ?? ""}\n${post.text}`).join(" ")} `;
    if (!words.includes(phrase)) return r;
    // The boost stays within the post's tier: it reorders posts holding the same number of words.
    const tier = Math.floor(r.score / TIER) * TIER;
    return { doc: r.doc, score: tier + Math.min(TIER - 1, (r.score - tier) * PHRASE_BOOST) };
  });
  head.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return [...head, ...top.slice(PHRASE_WINDOW)];
}

/** Each topic's posts, in collection order: cheap to send from a worker, turned into sets when first filtered on. */
export function indexTopics(posts: readonly Post[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  posts.forEach((post, doc) => {
    for (const topic of post.topics) {
      const docs = lists.get(topic);
      if (!docs) lists.set(topic, [doc]);
      else if (docs[docs.length - 1] !== doc) docs.push(doc);
    }
  });
  return new Map([...lists].map(([topic, docs]) => [topic, Int32Array.from(docs)]));
}

function lazyTopicSets(topicDocs: ReadonlyMap<string, Int32Array>): Pick<Map<string, Set<number>>, "get"> {
  const sets = new Map<string, Set<number>>();
  return {
    get(topic) {
      let set = sets.get(topic);
      if (!set) {
        const docs = topicDocs.get(topic);
        if (!docs) return undefined;
        set = new Set(docs);
        sets.set(topic, set);
      }
      return set;
    },
  };
}

/** undefined: no filter; null: a filter nothing passes; a set: the posts that pass. */
function topicFilter(
  byTopic: Pick<ReadonlyMap<string, Set<number>>, "get">,
  ...names: (string | undefined)[]
): Set<number> | undefined | null {
  let allowed: Set<number> | undefined;
  for (const name of names) {
    if (name === undefined || fold(name).trim() === "") continue;
    const docs = byTopic.get(fold(name).trim());
    if (!docs) return null;
    allowed = allowed ? new Set([...allowed].filter((doc) => docs.has(doc))) : docs;
  }
  return allowed;
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
