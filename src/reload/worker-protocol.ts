import type { Collection } from "../library/collection.js";
import type { CompactPostsData } from "../library/compact-posts.js";
import type { Post } from "../library/post.js";
import type { PrefixMemoEntry } from "../library/search.js";

export interface WorkerRequest {
  path: string;
  cacheDir: string;
  /** See ParseOptions: tests lower it to send small collections in compact form. */
  compactFrom?: number;
}

/**
 * Posts and terms per message: each message is decoded on the main thread between interactions, so a batch
 * must take a few milliseconds at most (measured on a busy machine: 2,000 posts took 10-80 ms).
 */
export const POST_BATCH = 500;
export const TERM_BATCH = 5_000;

export type WorkerMessage =
  | { kind: "posts"; posts: Post[] }
  /** A big collection's posts in one message: its buffers are transferred, not copied or decoded. */
  | { kind: "compact"; data: CompactPostsData; idTable: Int32Array }
  /** The vocabulary in sorted order: the order prefix and typo lookups need. */
  | { kind: "terms"; terms: string[] }
  | {
      kind: "done";
      source: string;
      hash: string;
      loadedAt: number;
      topics: Collection["topics"];
      dateRange?: Collection["dateRange"];
      docCount: number;
      start: Int32Array;
      doc: Int32Array;
      tf: Float32Array;
      norm: Float32Array;
      sortedIds: Int32Array;
      idf: Float64Array;
      topicDocs: [string, Int32Array][];
      prefixMemo: PrefixMemoEntry[];
      fromCache: boolean;
      cacheProblem?: string;
    }
  | { kind: "rejected"; problems: string[] };
