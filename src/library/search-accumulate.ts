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

export interface Accumulator {
  /** Per post: its score, and which query words (bit i for word i) it holds; zero again after `release`. */
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
  ): { count: number; total: number };
}

export function createAccumulator(postings: Postings): Accumulator {
  const { docCount, start, doc: docs, tf: tfs, idf, norm } = postings;
  const scores = new Float64Array(docCount);
  const matched = new Uint32Array(docCount);
  const touched = new Int32Array(docCount);
  /** The score a post has from the current word's best term; only read where that word's bit is set. */
  const best = new Float32Array(docCount);
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

  /** Posts of `variants` not scored yet, each counted once. */
  function countRest(variants: readonly Variant[], allowed: ReadonlySet<number> | undefined): number {
    if (++stamp === 256) {
      counted.fill(0);
      stamp = 1;
    }
    let extra = 0;
    for (const v of variants) {
      const end = start[v.termId + 1]!;
      for (let p = start[v.termId]!; p < end; p++) {
        const doc = docs[p]!;
        if (matched[doc] !== 0 || counted[doc] === stamp) continue;
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

  return {
    scores,
    matched,
    touched,
    accumulate(variantsByWord, allowed, k) {
      let count = 0;
      if (variantsByWord.length !== 1) {
        variantsByWord.forEach((variants, i) => {
          for (const v of variants) count = score(v, 1 << i, variants.length > 1, allowed, count);
        });
        return { count, total: count };
      }
      const variants = [...variantsByWord[0]!].sort((a, b) => bound(b) - bound(a));
      const several = variants.length > 1;
      let left = variants.reduce((n, v) => n + df(v), 0);
      // Checking costs a pass over the scored posts: only worth it when as much work is left, and at most
      // once per that much work done.
      let sinceCheck = Number.POSITIVE_INFINITY;
      for (let j = 0; j < variants.length; j++) {
        const v = variants[j]!;
        if (count >= k && left >= count / 2 && sinceCheck >= count / 2) {
          if (kthBest(count, k) >= bound(v))
            return { count, total: count + countRest(variants.slice(j), allowed) };
          sinceCheck = 0;
        }
        count = score(v, 1, several, allowed, count);
        left -= df(v);
        sinceCheck += df(v);
      }
      return { count, total: count };
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
