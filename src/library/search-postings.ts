/**
 * A compact inverted index: every (term, post) pair lives in two flat typed arrays, grouped by term.
 * MiniSearch (one Map per term and per field) was measured at p99 52 ms for prefix queries and 1.2 s to
 * index only 10k posts; flat arrays plus one reusable score accumulator stay within a few ms at 100k.
 */

import { TermTable } from "./search-terms.js";
import { scanWords } from "./search-words.js";

export interface IndexedFields {
  title: string;
  text: string;
  topics: string;
}

/** Field weights add up into one term frequency (a simple BM25F): a word in the title counts double. */
const FIELD_WEIGHT = { title: 2, text: 1, topics: 1.5 } as const;

const B = 0.7;

/**
 * Bump when tokenizing, weighting or ranking changes (the index cache also keeps the best posts of frequent
 * prefixes): cached indexes of older versions are then rebuilt. 3: the cache holds precomputed prefixes.
 */
export const POSTINGS_VERSION = 3;

/** What an index is made of: enough to rebuild the lookups without tokenizing any post again. */
export interface PostingsData {
  docCount: number;
  /** Terms by id. */
  terms: string[];
  start: Int32Array;
  doc: Int32Array;
  tf: Float32Array;
  norm: Float32Array;
}

export interface Postings extends PostingsData {
  readonly docCount: number;
  /** All terms, sorted, for prefix ranges and typo candidates. */
  readonly sortedTerms: readonly string[];
  /** The id of `sortedTerms[i]`, so a scan over a prefix range needs no map lookups. */
  readonly sortedIds: Int32Array;
  termId(term: string): number | undefined;
  docFrequency(termId: number): number;
  /** Term `t` occurs in posts `doc[start[t]]` .. `doc[start[t + 1] - 1]`, with weighted frequency `tf[i]`. */
  readonly start: Int32Array;
  readonly doc: Int32Array;
  readonly tf: Float32Array;
  readonly idf: Float64Array;
  /** Per post: the BM25 length normalisation `k1 * (1 - b + b * length / avgLength)`. */
  readonly norm: Float32Array;
}

export const BM25_K1 = 1.2;

class Growable {
  ints = new Int32Array(1024);
  floats = new Float32Array(1024);
  length = 0;
  push(int: number, float: number): void {
    if (this.length === this.ints.length) {
      const ints = new Int32Array(this.length * 2);
      ints.set(this.ints);
      this.ints = ints;
      const floats = new Float32Array(this.length * 2);
      floats.set(this.floats);
      this.floats = floats;
    }
    this.ints[this.length] = int;
    this.floats[this.length] = float;
    this.length++;
  }
}

export function buildPostings(docs: Iterable<IndexedFields>): Postings {
  const table = new TermTable();
  const df: number[] = [];
  // Pass 1: each post's distinct terms with their weighted frequency, post after post.
  const docTerms = new Growable();
  const docStarts: number[] = [0];
  const lengths: number[] = [];
  // Where the current post's entry for a term sits in docTerms, so repeats add to it instead of a new entry.
  const seenInDoc: number[] = [];
  const slot: number[] = [];
  let d = 0;
  let weight = 1;
  let length = 0;
  const add = (id: number) => {
    if (id === df.length) {
      df.push(0);
      seenInDoc.push(-1);
      slot.push(0);
    }
    if (seenInDoc[id] === d) {
      docTerms.floats[slot[id]!]! += weight;
    } else {
      seenInDoc[id] = d;
      slot[id] = docTerms.length;
      docTerms.push(id, weight);
      df[id]!++;
    }
    length += weight;
  };
  const visitor = {
    ascii: (text: string, start: number, end: number) => add(table.idOfAscii(text, start, end)),
    folded: (word: string) => add(table.idOf(word)),
  };
  for (const doc of docs) {
    length = 0;
    for (const field of ["title", "text", "topics"] as const) {
      const value = doc[field];
      if (!value) continue;
      weight = FIELD_WEIGHT[field];
      scanWords(value, visitor);
    }
    d++;
    docStarts.push(docTerms.length);
    lengths.push(length);
  }
  const terms = table.terms;
  const docCount = lengths.length;

  // Pass 2: regroup by term. Posts are visited in order, so each term's postings come out sorted.
  const termStarts = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) termStarts[t + 1] = termStarts[t]! + df[t]!;
  const fill = termStarts.slice(0, terms.length);
  const postDoc = new Int32Array(docTerms.length);
  const postTf = new Float32Array(docTerms.length);
  for (let d = 0; d < docCount; d++) {
    for (let i = docStarts[d]!; i < docStarts[d + 1]!; i++) {
      const t = docTerms.ints[i]!;
      const at = fill[t]!++;
      postDoc[at] = d;
      postTf[at] = docTerms.floats[i]!;
    }
  }

  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, docCount) || 1;
  const norm = Float32Array.from(lengths, (len) => BM25_K1 * (1 - B + (B * len) / avgLength));
  return postingsFromData({ docCount, terms, start: termStarts, doc: postDoc, tf: postTf, norm });
}

/** What a worker may have derived already: sorting a million terms takes a second. */
export interface DerivedLookups {
  sortedIds: Int32Array;
  sortedTerms?: string[];
  idf?: Float64Array;
}

export function postingsFromData(
  data: PostingsData,
  derived: DerivedLookups = { sortedIds: sortTermIds(data.terms) },
): Postings {
  const { terms, start } = data;
  const { sortedIds } = derived;
  const df = (id: number) => (start[id + 1] ?? 0) - (start[id] ?? 0);
  const idf = derived.idf ?? idfOf(data);
  const sortedTerms = derived.sortedTerms ?? Array.from(sortedIds, (id) => terms[id]!);
  return {
    ...data,
    sortedTerms,
    sortedIds,
    // A binary search instead of a Map of every term: no second copy of the vocabulary to build at start.
    termId(term) {
      const at = lowerBound(sortedTerms, term);
      return sortedTerms[at] === term ? sortedIds[at] : undefined;
    },
    docFrequency: df,
    idf,
  };
}

export function idfOf({ docCount, terms, start }: PostingsData): Float64Array {
  return Float64Array.from(terms, (_, id) => {
    const df = start[id + 1]! - start[id]!;
    return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
  });
}

export function sortTermIds(terms: readonly string[]): Int32Array {
  return Int32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
}

/** Index of the first term >= `prefix` in a sorted array. */
export function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
