/** Which index terms a query term stands for: itself, the words it starts (last term), near misses (typos). */
import { lowerBound, type Postings } from "./search-postings.js";

export interface Variant {
  termId: number;
  term: string;
  weight: number;
  /**
   * Whether the post's length scales the score down (BM25). Completions of a word being typed are not
   * length-normalised: a rare completion held by one long thread must not sink below thousands of short
   * posts holding a frequent completion (it did at 1M posts: prefix recall 0.970).
   */
  normalized: boolean;
}

/**
 * A 2-letter prefix starts thousands of words; the most frequent few are the ones worth matching, and
 * fewer for shorter prefixes, whose words each hold many posts (measured: halves the 2-letter p99).
 */
const maxPrefixExpansions = (prefix: string) => (prefix.length <= 1 ? 4 : prefix.length === 2 ? 8 : 16);
const MAX_FUZZY_VARIANTS = 8;
/**
 * Beyond the most frequent completions, every completion this rare is kept: the most frequent ones alone
 * hid rare words in big collections. Rare words hold few posts each, so even thousands cost little.
 */
const MIN_RARE_PREFIX = 3;
const RARE_SHARE = 0.0001;
const MIN_RARE_DF = 20;
/**
 * Typos rarely hit the first letter; keeping it bounds the candidates to scan. A letter holds 35,000 terms
 * at 1M synthetic posts; the letter masks make a scan of this many cost about a millisecond.
 */
const MAX_FUZZY_SCAN = 200_000;
const PREFIX_WEIGHT = 0.5;
/**
 * "th" should not drag in "the", "that" and "this": words in over a fifth of the posts rank nothing, and
 * scoring them costs a pass over most of the collection. Typed in full they still match.
 */
const TOO_COMMON_SHARE = 0.2;
/** In a small collection every word is in a large share of the posts, and cheap to score anyway. */
const MIN_TOO_COMMON = 5_000;
const FUZZY_WEIGHT = 0.45;

export function expandTerm(
  postings: Postings,
  term: string,
  { prefix, minFuzzy }: { prefix: boolean; minFuzzy: number },
): Variant[] {
  const variants: Variant[] = [];
  const exact = postings.termId(term);
  if (exact !== undefined) variants.push({ termId: exact, term, weight: 1, normalized: true });
  if (prefix) variants.push(...prefixVariants(postings, term));
  // A word being typed that starts known words is most likely one of them, not a typo (and the typo scan
  // costs milliseconds in a big vocabulary).
  if (exact === undefined && term.length >= minFuzzy && variants.length === 0)
    variants.push(...fuzzyVariants(postings, term));
  return variants;
}

function prefixVariants(postings: Postings, prefix: string): Variant[] {
  const sorted = postings.sortedTerms;
  const best: { termId: number; term: string; df: number }[] = [];
  const rare: { termId: number; term: string; df: number }[] = [];
  const max = maxPrefixExpansions(prefix);
  const rareDf = Math.max(MIN_RARE_DF, postings.docCount * RARE_SHARE);
  const tooCommon = Math.max(MIN_TOO_COMMON, postings.docCount * TOO_COMMON_SHARE);
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
    const term = sorted[i]!;
    if (term === prefix) continue;
    const termId = postings.sortedIds[i]!;
    const df = postings.docFrequency(termId);
    if (df > tooCommon) continue;
    // A rare word is cheap to score and may be the only way to the post: never left out from 3 letters on.
    if (df <= rareDf && prefix.length >= MIN_RARE_PREFIX) {
      rare.push({ termId, term, df });
      continue;
    }
    if (best.length === max && df <= best[max - 1]!.df) continue;
    keepTop(best, { termId, term, df }, max, (a, b) => a.df > b.df);
  }
  return [...best, ...rare].map(({ termId, term }) => ({
    termId,
    term,
    weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - prefix.length)),
    normalized: false,
  }));
}

function fuzzyVariants(postings: Postings, term: string): Variant[] {
  const maxDistance = term.length >= 8 ? 2 : 1;
  const sorted = postings.sortedTerms;
  const { from, to, masks } = firstLetterRange(postings, term[0]!);
  const mask = letterMask(term);
  const best: { termId: number; term: string; distance: number; df: number }[] = [];
  const end = Math.min(to, from + MAX_FUZZY_SCAN);
  for (let i = from; i < end; i++) {
    // Each edit adds at most one letter and removes at most one: most candidates end here, unread.
    if (popcount(masks[i - from]! ^ mask) > 2 * maxDistance) continue;
    const candidate = sorted[i]!;
    if (Math.abs(candidate.length - term.length) > maxDistance) continue;
    const distance = boundedDistance(term, candidate, maxDistance);
    if (distance > maxDistance) continue;
    const termId = postings.sortedIds[i]!;
    keepTop(
      best,
      { termId, term: candidate, distance, df: postings.docFrequency(termId) },
      MAX_FUZZY_VARIANTS,
      (a, b) => a.distance < b.distance || (a.distance === b.distance && a.df > b.df),
    );
  }
  return best.map(({ termId, term: t, distance }) => ({
    termId,
    term: t,
    weight: (FUZZY_WEIGHT * t.length) / (t.length + distance),
    normalized: true,
  }));
}

type LetterRange = { from: number; to: number; masks: Uint32Array };
const letterRanges = new WeakMap<Postings, Map<string, LetterRange>>();

/**
 * The sorted terms starting with `first`, with their letter masks: computed when a typo first needs them
 * (a few ms for one letter's terms at 1M posts), then kept with the postings.
 */
function firstLetterRange(postings: Postings, first: string): LetterRange {
  const ranges = letterRanges.get(postings) ?? new Map<string, LetterRange>();
  letterRanges.set(postings, ranges);
  let range = ranges.get(first);
  if (!range) {
    const sorted = postings.sortedTerms;
    const from = lowerBound(sorted, first);
    let to = from;
    while (to < sorted.length && sorted[to]!.startsWith(first)) to++;
    range = {
      from,
      to,
      masks: Uint32Array.from({ length: to - from }, (_, i) => letterMask(sorted[from + i]!)),
    };
    ranges.set(first, range);
  }
  return range;
}

/** A bit per code unit held (31 buckets): a term and a near miss differ in at most two bits per edit. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 31);
  return mask;
}

function popcount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Keeps `list` as the best `max` items, best first (lists are tiny, so insertion is cheapest). */
function keepTop<T>(list: T[], item: T, max: number, better: (a: T, b: T) => boolean): void {
  if (list.length === max && !better(item, list[max - 1]!)) return;
  let at = list.length;
  while (at > 0 && better(item, list[at - 1]!)) at--;
  list.splice(at, 0, item);
  if (list.length > max) list.pop();
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Edit distance counting a swap of two neighbours as one edit, giving up (max + 1) once it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (b.length + 1 > rows[0]!.length) return max + 1;
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
