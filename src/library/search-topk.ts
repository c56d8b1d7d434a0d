/** The k best (doc, score) pairs out of many, with a min-heap: O(n log k) instead of sorting every match. */
export interface TopK {
  offer(doc: number, score: number): void;
  /** A score a later post needs to beat to be kept (posts offered in ascending order): -Infinity until full. */
  floor(): number;
  /** Best first; equal scores keep the collection order so pages are stable. */
  sorted(): { doc: number; score: number }[];
}

export function createTopK(k: number): TopK {
  const docs: number[] = [];
  const scores: number[] = [];
  // "Worse" is the heap order: the root is the weakest of the kept entries.
  const worse = (i: number, j: number) =>
    scores[i]! < scores[j]! || (scores[i] === scores[j] && docs[i]! > docs[j]!);
  const swap = (i: number, j: number) => {
    [docs[i], docs[j]] = [docs[j]!, docs[i]!];
    [scores[i], scores[j]] = [scores[j]!, scores[i]!];
  };
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < docs.length && worse(left, smallest)) smallest = left;
      if (right < docs.length && worse(right, smallest)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  return {
    offer(doc, score) {
      if (k <= 0) return;
      if (docs.length < k) {
        docs.push(doc);
        scores.push(score);
        let i = docs.length - 1;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!worse(i, parent)) break;
          swap(i, parent);
          i = parent;
        }
        return;
      }
      if (score < scores[0]! || (score === scores[0] && doc > docs[0]!)) return;
      docs[0] = doc;
      scores[0] = score;
      siftDown(0);
    },
    floor() {
      return docs.length < k ? Number.NEGATIVE_INFINITY : scores[0]!;
    },
    sorted() {
      return docs
        .map((doc, i) => ({ doc, score: scores[i]! }))
        .sort((a, b) => b.score - a.score || a.doc - b.doc);
    },
  };
}
