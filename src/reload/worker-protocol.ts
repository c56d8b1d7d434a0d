import type { Collection } from "../library/collection.js";
import type { Post } from "../library/post.js";
import type { PostingsData } from "../library/search-postings.js";

export interface WorkerRequest {
  path: string;
  cacheDir: string;
}

/**
 * Posts per message: each message is decoded on the main thread between interactions, so a batch must
 * take a few milliseconds at most (measured: ~2,000 posts ≈ 2 ms).
 */
export const POST_BATCH = 2_000;

export type WorkerMessage =
  | { kind: "posts"; posts: Post[] }
  | {
      kind: "done";
      source: string;
      hash: string;
      loadedAt: number;
      topics: Collection["topics"];
      dateRange?: Collection["dateRange"];
      postings: PostingsData;
      sortedIds: Int32Array;
      topicDocs: [string, Int32Array][];
      fromCache: boolean;
      cacheProblem?: string;
    }
  | { kind: "rejected"; problems: string[] };
