/**
 * Search quality at scale, on queries built from known posts: ranking (does a post holding every query word
 * come first?) and prefix recall (is a post found by a rare word of it typed as a prefix?).
 */
import type { Post } from "../src/library/post.js";
import type { SearchIndex } from "../src/library/search.js";
import type { Postings } from "../src/library/search-postings.js";
import { tokenize } from "../src/library/search-words.js";
import type { Quality } from "./library.js";
import { createRng } from "./synthetic.js";

/** A rare word: in at most this many posts. */
const RARE_DF = 3;
/** Results read per prefix query, page by page, before calling the post not found. */
const MAX_READ = 5_000;

export function measureQuality(
  posts: readonly Post[],
  postings: Postings,
  index: SearchIndex,
  queries: number,
): { figures: Quality; prefixQueries: string[] } {
  const rng = createRng(11);
  const pick = (n: number) => (rng.next() >>> 0) % n;
  const df = (term: string) => {
    const id = postings.termId(term);
    return id === undefined ? 0 : postings.docFrequency(id);
  };
  const holders = (terms: readonly string[]) => {
    let docs: Set<number> | undefined;
    for (const term of terms) {
      const id = postings.termId(term)!;
      const next = new Set<number>();
      for (let p = postings.start[id]!; p < postings.start[id + 1]!; p++) {
        const doc = postings.doc[p]!;
        if (!docs || docs.has(doc)) next.add(doc);
      }
      docs = next;
    }
    return docs ?? new Set<number>();
  };
  const docOf = new Map(posts.map((p, i) => [p, i]));

  // Ranking: 2-3 distinct words of a post, from anywhere in it (long threads included).
  let rankingOk = 0;
  let rankingDone = 0;
  while (rankingDone < queries) {
    const doc = pick(posts.length);
    const words = [...new Set(tokenize(posts[doc]!.text))].filter((w) => w.length >= 3);
    if (words.length < 3) continue;
    const count = 2 + pick(2);
    const terms: string[] = [];
    while (terms.length < count) {
      const w = words[pick(words.length)]!;
      if (!terms.includes(w)) terms.push(w);
    }
    const all = holders(terms);
    const first = index.search(`${terms.join(" ")} `).hits[0]?.post;
    const firstDoc = first ? docOf.get(first) : undefined;
    if (firstDoc !== undefined && all.has(firstDoc) && (all.size > 1 || firstDoc === doc)) rankingOk++;
    rankingDone++;
  }

  // Prefix recall: a rare word of 5+ letters typed as 3 letters up to one short of the word.
  const prefixQueries: string[] = [];
  const targets: number[] = [];
  while (prefixQueries.length < queries) {
    const doc = pick(posts.length);
    const rare = tokenize(posts[doc]!.text).filter(
      (w) => w.length >= 5 && /^[a-z]+$/.test(w) && df(w) <= RARE_DF,
    );
    if (rare.length === 0) continue;
    const word = rare[pick(rare.length)]!;
    prefixQueries.push(word.slice(0, 3 + pick(word.length - 3)));
    targets.push(doc);
  }
  let found = 0;
  let foundTop10 = 0;
  prefixQueries.forEach((query, i) => {
    const target = posts[targets[i]!]!;
    for (let offset = 0; offset < MAX_READ; offset += 100) {
      const { hits, total } = index.search(query, { limit: 100, offset });
      const at = hits.findIndex((h) => h.post === target);
      if (at >= 0) {
        found++;
        if (offset + at < 10) foundTop10++;
        break;
      }
      if (offset + 100 >= total) break;
    }
  });
  return {
    figures: {
      rankingTop1: rankingOk / rankingDone,
      prefixRecall: found / prefixQueries.length,
      prefixRecallTop10: foundTop10 / prefixQueries.length,
      queries,
    },
    prefixQueries,
  };
}
