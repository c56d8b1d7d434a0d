/**
 * Scores the posts matching a query into per-post arrays reused from query to query. A query word counts once
 * per post: of the index terms it stands for (itself, its completions, near misses) a post scores by the best
 * one it holds, so a post holding five completions of "ka" is not worth five words.
 *
 * A one-word query reads its terms' postings best bound first and stops scoring once the k-th best score
 * reached beats what any remaining term could give a post (a score is below its term's weight times idf times
 * k1 + 1): the frequent completions of a short prefix, hundreds of thousands of postings at 1M posts, are
 * then only counted for the total, which costs a fraction of scoring them.
 */
import type { Variant } from "./search-expand.js";
import { BM25_K1, type Postings } from "./search-postings.js";
import { createTopK } from "./search-topk.js";

/** Lists this long are scored block by block of posts, up to CHUNK at a time (between two stop checks). */
const LONG_LIST = 4_096;
const CHUNK = 4;
/** A word standing for this many terms or fewer has each term's best posts found apart. */
const FEW_TERMS = 8;
/** Posts per block: 256 KB of scores, which a core's cache holds. */
const BLOCK = 32_768;

export interface Accumulator {
  /**
   * Per post: its score, and which query words (bit i for word i) it holds. The caller zeroes both for the
   * touched posts; `matched` is left untouched (all zero) when `oneWord` says every post holds the one word.
   */
  readonly scores: Float64Array;
  readonly matched: Uint32Array;
  /** The scored posts are `touched[0 .. count - 1]`. */
  readonly touched: Int32Array;
  /**
   * Scores every post that may be among the best `k` and counts every post matching any term (`total`),
   * those scored included.
   */
  accumulate(
    variantsByWord: readonly (readonly Variant[])[],
    allowed: ReadonlySet<number> | undefined,
    k: number,
  ): { count: number; total: number; oneWord: boolean };
}

export function createAccumulator(postings: Postings): Accumulator {
  const { docCount, start, doc: docs, tf: tfs, idf, norm } = postings;
  const scores = new Float64Array(docCount);
  const matched = new Uint32Array(docCount);
  const touched = new Int32Array(docCount);
  /** The score a post has from the current word's best term; only read where that word's bit is set. */
  const best = new Float64Array(docCount);
  /** Posts counted but not scored, marked with this query's stamp (cheaper than clearing them after). */
  const counted = new Uint8Array(docCount);
  let stamp = 0;
  let scratch = new Float64Array(0);

  const bound = (v: Variant) => v.weight * idf[v.termId]! * (BM25_K1 + 1);
  const df = (v: Variant) => start[v.termId + 1]! - start[v.termId]!;

  function score(
    v: Variant,
    bit: number,
    several: boolean,
    allowed: ReadonlySet<number> | undefined,
    count: number,
  ): number {
    const w = bound(v);
    const normalized = v.normalized;
    const end = start[v.termId + 1]!;
    for (let p = start[v.termId]!; p < end; p++) {
      const doc = docs[p]!;
      if (allowed !== undefined && !allowed.has(doc)) continue;
      const tf = tfs[p]!;
      const s = (w * tf) / (tf + (normalized ? norm[doc]! : BM25_K1));
      const m = matched[doc]!;
      if ((m & bit) === 0) {
        if (m === 0) touched[count++] = doc;
        matched[doc] = m | bit;
        scores[doc]! += s;
        if (several) best[doc] = s;
      } else if (s > best[doc]!) {
        // Only with several terms for the word: one term's postings hold each post once.
        scores[doc]! += s - best[doc]!;
        best[doc] = s;
      }
    }
    return count;
  }

  /**
   * One query word: a post scores by its best term, and a score of 0 means "not matched yet" (every score is
   * positive). One scattered access per posting instead of three: at 1M posts these accesses are the cost.
   */
  function scoreBest(v: Variant, allowed: ReadonlySet<number> | undefined, count: number): number {
    const w = bound(v);
    const normalized = v.normalized;
    const end = start[v.termId + 1]!;
    for (let p = start[v.termId]!; p < end; p++) {
      const doc = docs[p]!;
      if (allowed !== undefined && !allowed.has(doc)) continue;
      const tf = tfs[p]!;
      const s = (w * tf) / (tf + (normalized ? norm[doc]! : BM25_K1));
      const old = scores[doc]!;
      if (old === 0) {
        touched[count++] = doc;
        scores[doc] = s;
      } else if (s > old) scores[doc] = s;
    }
    return count;
  }

  /**
   * Several long lists of one word, read side by side a block of posts at a time: each list's scattered
   * writes then land in the same block of `scores`, which stays in the CPU cache (measured at 1M posts on the
   * 8 completions of a 2-letter prefix: 13-18 ms instead of 32-38 ms).
   */
  function scoreBestBlocked(
    variants: readonly Variant[],
    allowed: ReadonlySet<number> | undefined,
    count: number,
  ): number {
    const at = variants.map((v) => start[v.termId]!);
    const ends = variants.map((v) => start[v.termId + 1]!);
    const weights = variants.map(bound);
    for (let from = 0; from < docCount; from += BLOCK) {
      const to = from + BLOCK;
      for (let i = 0; i < variants.length; i++) {
        const w = weights[i]!;
        const normalized = variants[i]!.normalized;
        const end = ends[i]!;
        let p = at[i]!;
        for (; p < end; p++) {
          const doc = docs[p]!;
          if (doc >= to) break;
          if (allowed !== undefined && !allowed.has(doc)) continue;
          const tf = tfs[p]!;
          const s = (w * tf) / (tf + (normalized ? norm[doc]! : BM25_K1));
          const old = scores[doc]!;
          if (old === 0) {
            touched[count++] = doc;
            scores[doc] = s;
          } else if (s > old) scores[doc] = s;
        }
        at[i] = p;
      }
    }
    return count;
  }

  /** Posts of `variants` not scored yet (`scores` of a one-word query, else `matched`), each counted once. */
  function countRest(
    variants: readonly Variant[],
    allowed: ReadonlySet<number> | undefined,
    oneWord: boolean,
  ): number {
    if (++stamp === 256) {
      counted.fill(0);
      stamp = 1;
    }
    let extra = 0;
    for (const v of variants) {
      const end = start[v.termId + 1]!;
      for (let p = start[v.termId]!; p < end; p++) {
        const doc = docs[p]!;
        if ((oneWord ? scores[doc] !== 0 : matched[doc] !== 0) || counted[doc] === stamp) continue;
        if (allowed !== undefined && !allowed.has(doc)) continue;
        counted[doc] = stamp;
        extra++;
      }
    }
    return extra;
  }

  /** The k-th best score among the scored posts (k ≤ count). */
  function kthBest(count: number, k: number): number {
    if (k <= 0) return Number.POSITIVE_INFINITY;
    if (scratch.length < count) scratch = new Float64Array(Math.max(count, scratch.length * 2));
    for (let i = 0; i < count; i++) scratch[i] = scores[touched[i]!]!;
    return select(scratch, count, k - 1);
  }

  /**
   * One term alone: each post's score is known as it is read, so only the posts reaching the k-th best score
   * are kept for ranking (no scattered writes for the tens of thousands that cannot be shown).
   */
  function alone(v: Variant, allowed: ReadonlySet<number> | undefined, k: number) {
    const [count, total] = keepBest(v, k, allowed, 0, 0, 0);
    return { count, total, oneWord: true };
  }

  /**
   * Adds to `touched` (from `count` on) the `want` best posts of `v` that are `allowed` and not among
   * `touched[0 .. skip - 1]` (ascending), found in one pass with a heap that few postings enter; `bit` is
   * their `matched` bit, 0 to leave `matched` alone. A post already there keeps its better score. Returns the
   * new count and how many posts were read.
   */
  function keepBest(
    v: Variant,
    want: number,
    allowed: ReadonlySet<number> | undefined,
    skip: number,
    bit: number,
    count: number,
  ): [count: number, read: number] {
    const w = bound(v);
    const end = start[v.termId + 1]!;
    const top = createTopK(want);
    const normalized = v.normalized;
    let floor = Number.NEGATIVE_INFINITY;
    let read = 0;
    let j = 0;
    for (let p = start[v.termId]!; p < end; p++) {
      const doc = docs[p]!;
      while (j < skip && touched[j]! < doc) j++;
      if ((j < skip && touched[j] === doc) || (allowed !== undefined && !allowed.has(doc))) continue;
      read++;
      const tf = tfs[p]!;
      const s = (w * tf) / (tf + (normalized ? norm[doc]! : BM25_K1));
      // Postings come in post order, as the heap breaks ties: a later post must do better than the floor.
      if (s <= floor) continue;
      top.offer(doc, s);
      floor = top.floor();
    }
    for (const { doc, score: s } of top.sorted()) {
      const old = scores[doc]!;
      if (old === 0) {
        touched[count++] = doc;
        scores[doc] = s;
        if (bit !== 0) matched[doc] = bit;
      } else if (s > old) scores[doc] = s;
    }
    return [count, read];
  }

  /**
   * One word standing for a few terms (near misses of a typo): a post scores by its best term, so a post in
   * the top k is in the top k of the term giving its score. Each term's best are found as in `alone`, and
   * the posts are only counted: no scattered write per posting (at 1M posts, typo p99 17 ms → 9 ms).
   */
  function bestOfEachTerm(variants: readonly Variant[], allowed: ReadonlySet<number> | undefined, k: number) {
    let count = 0;
    for (const v of variants) [count] = keepBest(v, k, allowed, 0, 0, count);
    return { count, total: distinctPosts(variants, allowed), oneWord: true };
  }

  /** How many posts allowed hold any of `variants`. */
  function distinctPosts(variants: readonly Variant[], allowed: ReadonlySet<number> | undefined): number {
    if (++stamp === 256) {
      counted.fill(0);
      stamp = 1;
    }
    let n = 0;
    for (const v of variants) {
      const end = start[v.termId + 1]!;
      for (let p = start[v.termId]!; p < end; p++) {
        const doc = docs[p]!;
        if (counted[doc] === stamp || (allowed !== undefined && !allowed.has(doc))) continue;
        counted[doc] = stamp;
        n++;
      }
    }
    return n;
  }

  /**
   * Several words, one term each, no filter: when at least k posts hold every word they fill the top k (a
   * post holding more words ranks first), so only those are scored, found by galloping through the longer
   * lists from the shortest's posts. Otherwise undefined, and every posting is scored.
   */
  function holdingAll(terms: readonly Variant[], k: number) {
    const order = terms.map((_, i) => i).sort((a, b) => df(terms[a]!) - df(terms[b]!));
    const at = terms.map((v) => start[v.termId]!);
    const ends = terms.map((v) => start[v.termId + 1]!);
    const weights = terms.map(bound);
    const all = terms.reduce((bits, _, i) => bits | (1 << i), 0);
    const first = order[0]!;
    let count = 0;
    next: for (let p = at[first]!; p < ends[first]!; p++) {
      const doc = docs[p]!;
      at[first] = p;
      for (let o = 1; o < order.length; o++) {
        const i = order[o]!;
        const q = gallop(at[i]!, ends[i]!, doc);
        at[i] = q;
        if (q === ends[i]) break next;
        if (docs[q] !== doc) continue next;
      }
      let sum = 0;
      for (let i = 0; i < terms.length; i++) {
        const tf = tfs[at[i]!]!;
        sum += (weights[i]! * tf) / (tf + (terms[i]!.normalized ? norm[doc]! : BM25_K1));
      }
      touched[count++] = doc;
      matched[doc] = all;
      scores[doc] = sum;
    }
    if (count >= k) return { count, total: count + countRest(terms, undefined, false), oneWord: false };
    for (let i = 0; i < count; i++) {
      scores[touched[i]!] = 0;
      matched[touched[i]!] = 0;
    }
    return undefined;
  }

  /**
   * Two words, one of them a single term `a` (the other may stand for several: completions, near misses).
   * The posts holding both fill the top k first: found by galloping between `a`'s postings and each other
   * term's. When fewer than k, the rest of the top k hold one word and score by it alone: each term's best
   * are found in order (keepBest). Only those posts are written, not every posting (at 1M posts, /search
   * with two words: 10 ms median, 28 ms worst of 300 → 4 ms, 8 ms).
   */
  function twoWords(variantsByWord: readonly (readonly Variant[])[], single: number, k: number) {
    const a = variantsByWord[single]![0]!;
    const others = variantsByWord[1 - single]!;
    const bitA = 1 << single;
    const bitB = 1 << (1 - single);
    let count = 0;
    for (const b of others) count = holdingBoth(a, b, count);
    const both = count;
    if (both < k) {
      touched.subarray(0, both).sort();
      [count] = keepBest(a, k - both, undefined, both, bitA, count);
      for (const b of others) [count] = keepBest(b, k - both, undefined, both, bitB, count);
    }
    return { count, total: df(a) + distinctPosts(others, undefined) - both, oneWord: false };
  }

  /**
   * Adds the posts holding `a` and `b` to `touched`, scored by both; a post already there (through another
   * term of `b`'s word) keeps its best term of that word.
   */
  function holdingBoth(a: Variant, b: Variant, count: number): number {
    const [short, long] = df(a) <= df(b) ? [a, b] : [b, a];
    const wa = bound(a);
    const wb = bound(b);
    const longEnd = start[long.termId + 1]!;
    let q = start[long.termId]!;
    const end = start[short.termId + 1]!;
    for (let p = start[short.termId]!; p < end && q < longEnd; p++) {
      const doc = docs[p]!;
      q = gallop(q, longEnd, doc);
      if (q === longEnd || docs[q] !== doc) continue;
      const [pa, pb] = short === a ? [p, q] : [q, p];
      const tfA = tfs[pa]!;
      const tfB = tfs[pb]!;
      const sa = (wa * tfA) / (tfA + (a.normalized ? norm[doc]! : BM25_K1));
      const sb = (wb * tfB) / (tfB + (b.normalized ? norm[doc]! : BM25_K1));
      if (matched[doc] === 0) {
        touched[count++] = doc;
        matched[doc] = 0b11;
        scores[doc] = sa + sb;
        best[doc] = sb;
      } else if (sb > best[doc]!) {
        scores[doc]! += sb - best[doc]!;
        best[doc] = sb;
      }
    }
    return count;
  }

  /** The first position in `from .. end - 1` whose post is at least `doc`, or `end`. */
  function gallop(from: number, end: number, doc: number): number {
    if (from >= end || docs[from]! >= doc) return from;
    let step = 1;
    let lo = from;
    while (lo + step < end && docs[lo + step]! < doc) {
      lo += step;
      step *= 2;
    }
    let hi = Math.min(end, lo + step);
    // docs[lo] < doc; the answer is in lo + 1 .. hi.
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    scores,
    matched,
    touched,
    accumulate(variantsByWord, allowed, k) {
      let count = 0;
      const single = variantsByWord.findIndex((variants) => variants.length === 1);
      if (allowed === undefined && variantsByWord.length === 2 && single >= 0)
        return twoWords(variantsByWord, single, k);
      if (variantsByWord.every((variants) => variants.length === 1)) {
        const terms = variantsByWord.map((variants) => variants[0]!);
        if (terms.length === 1) return alone(terms[0]!, allowed, k);
        if (allowed === undefined) {
          const all = holdingAll(terms, k);
          if (all !== undefined) return all;
        }
      }
      if (variantsByWord.length !== 1) {
        variantsByWord.forEach((variants, i) => {
          for (const v of variants) count = score(v, 1 << i, variants.length > 1, allowed, count);
        });
        return { count, total: count, oneWord: false };
      }
      const word = variantsByWord[0]!;
      // Completions of a word being typed are left to the early stop below, which skips most of their postings.
      if (word.length <= FEW_TERMS && word.every((v) => v.normalized))
        return bestOfEachTerm(word, allowed, k);
      const variants = [...word].sort((a, b) => bound(b) - bound(a));
      let left = variants.reduce((n, v) => n + df(v), 0);
      // Checking costs a pass over the scored posts: only worth it when as much work is left, and at most
      // once per that much work done.
      let sinceCheck = Number.POSITIVE_INFINITY;
      for (let j = 0; j < variants.length; ) {
        const v = variants[j]!;
        if (count >= k && left >= count / 2 && sinceCheck >= count / 2) {
          if (kthBest(count, k) >= bound(v))
            return { count, total: count + countRest(variants.slice(j), allowed, true), oneWord: true };
          sinceCheck = 0;
        }
        const chunk = [v];
        j++;
        if (df(v) >= LONG_LIST)
          while (chunk.length < CHUNK && j < variants.length && df(variants[j]!) >= LONG_LIST)
            chunk.push(variants[j++]!);
        count = chunk.length === 1 ? scoreBest(v, allowed, count) : scoreBestBlocked(chunk, allowed, count);
        for (const scored of chunk) {
          left -= df(scored);
          sinceCheck += df(scored);
        }
      }
      return { count, total: count, oneWord: true };
    },
  };
}

/** The value that would sit at `at` (0 = largest) if `values[0 .. n - 1]` were sorted descending. */
function select(values: Float64Array, n: number, at: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (at <= j) hi = j;
    else if (at >= i) lo = i;
    else return values[at]!;
  }
  return values[at]!;
}
