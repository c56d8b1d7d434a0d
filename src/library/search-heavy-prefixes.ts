/** Which prefixes are costly to answer the first time: found from the term table alone, before any query. */
import type { Postings } from "./search-postings.js";

/**
 * Every prefix whose completions (the word itself included) hold at least `minPostings` postings in all,
 * shortest first. A query scores at most that many posts, so no other prefix can reach `minPostings`; the
 * sums only shrink as a prefix grows, so the walk stops at the first prefix below it.
 */
export function heavyPrefixes(postings: Postings, minPostings: number): string[] {
  const sorted = postings.sortedTerms;
  const held = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++)
    held[i + 1] = held[i]! + postings.docFrequency(postings.sortedIds[i]!);
  const found: string[] = [];
  // Sorted terms sharing a prefix sit side by side: each level splits its range by the next character.
  let level: [prefix: string, lo: number, hi: number][] = [["", 0, sorted.length]];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const [prefix, lo, hi] of level) {
      let i = lo;
      while (i < hi) {
        const term = sorted[i]!;
        if (term.length === prefix.length) {
          i++;
          continue;
        }
        const child = prefix + String.fromCodePoint(term.codePointAt(prefix.length)!);
        let j = i + 1;
        while (j < hi && sorted[j]!.startsWith(child)) j++;
        if (held[j]! - held[i]! >= minPostings) {
          found.push(child);
          next.push([child, i, j]);
        }
        i = j;
      }
    }
    level = next;
  }
  return found;
}
