/**
 * Loads a collection and its search index in a worker thread: parsing, validating and indexing a million
 * posts takes tens of seconds of CPU, which on the main thread would leave every interaction unanswered.
 * The main thread only receives the result, in small messages, and assembles it: a Library ready to swap in.
 */
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Library } from "../discord/context.js";
import { type Collection, createCollection } from "../library/collection.js";
import { CompactPosts } from "../library/compact-posts.js";
import { CollectionError } from "../library/load.js";
import type { Post } from "../library/post.js";
import { createSearchIndex } from "../library/search.js";
import { postingsFromData } from "../library/search-postings.js";
import type { WorkerMessage, WorkerRequest } from "./worker-protocol.js";

const BOOTSTRAP = new URL("./library-worker-bootstrap.mjs", import.meta.url);

export interface LoadedLibrary {
  library: Library;
  /** Whether the search index came from the on-disk cache. */
  fromCache: boolean;
  /** Why the index cache could not be used (the index was built instead). */
  cacheProblem?: string;
}

/** Rejects with a CollectionError listing every problem, like loadCollection. */
export function loadLibraryInWorker(
  path: string,
  cacheDir = join(dirname(path), ".cache"),
  { compactFrom }: { compactFrom?: number } = {},
): Promise<LoadedLibrary> {
  return new Promise((resolve, reject) => {
    const request: WorkerRequest = { path, cacheDir, ...(compactFrom === undefined ? {} : { compactFrom }) };
    const worker = new Worker(BOOTSTRAP, { workerData: request });
    const posts: Post[] = [];
    const byId = new Map<string, Post>();
    const sortedTerms: string[] = [];
    let compact: CompactPosts | undefined;
    let idTable: Int32Array | undefined;
    let viewsReady: Promise<unknown> = Promise.resolve();
    let assembling = false;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      switch (message.kind) {
        case "posts":
          for (const post of message.posts) {
            posts.push(post);
            byId.set(post.id, post);
          }
          return;
        case "compact":
          compact = new CompactPosts(message.data);
          idTable = message.idTable;
          // Made between the messages still to come, so the swap at "done" does not make a million at once.
          viewsReady = compact.viewsInSteps();
          return;
        case "terms":
          for (const term of message.terms) sortedTerms.push(term);
          return;
        case "rejected":
          return settle(() => reject(new CollectionError(message.problems)));
        case "done":
          // The thread exits after "done": the library is still being put together, not lost.
          assembling = true;
          void viewsReady
            .then(() => assemble(message))
            .then(
              (loaded) => settle(() => resolve(loaded)),
              (error: unknown) =>
                settle(() =>
                  reject(new CollectionError([`${path}: could not be loaded (${String(error)})`])),
                ),
            );
          return;
      }
    });

    /** The library from the worker's last message: the only step of a reload on this thread. */
    function assemble(message: Extract<WorkerMessage, { kind: "done" }>): LoadedLibrary {
      const summary = {
        topics: message.topics,
        ...(message.dateRange ? { dateRange: message.dateRange } : {}),
      };
      const meta = { source: message.source, hash: message.hash, loadedAt: new Date(message.loadedAt) };
      const collection: Collection = compact
        ? createCollection(compact, meta, summary, idTable)
        : { posts, byId, ...meta, ...summary };
      const { docCount, start, doc, tf, norm, sortedIds, idf } = message;
      const terms = new Array<string>(sortedTerms.length);
      for (let i = 0; i < sortedTerms.length; i++) terms[sortedIds[i]!] = sortedTerms[i]!;
      const postings = postingsFromData(
        { docCount, terms, start, doc, tf, norm },
        { sortedIds, sortedTerms, idf },
      );
      const index = createSearchIndex(collection.posts, postings, new Map(message.topicDocs), {
        precomputed: message.prefixMemo,
      });
      return {
        library: { collection, index },
        fromCache: message.fromCache,
        ...(message.cacheProblem ? { cacheProblem: message.cacheProblem } : {}),
      };
    }
    worker.on("error", (error) =>
      settle(() => reject(new CollectionError([`${path}: could not be loaded (${error.message})`]))),
    );
    worker.on("exit", (code) => {
      if (assembling) return;
      settle(() => reject(new CollectionError([`${path}: the loading thread stopped (exit code ${code})`])));
    });
  });
}
