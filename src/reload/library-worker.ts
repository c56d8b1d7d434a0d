/**
 * Runs in a worker thread: reads, validates and indexes a collection, then sends it to the main thread in
 * small messages (posts in batches, then the index's arrays, transferred without a copy), so the main
 * thread keeps answering while a big collection loads. See load-in-worker.ts for the other end.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CollectionError, loadCollection } from "../library/load.js";
import { indexTopics } from "../library/search.js";
import { loadPostings } from "../store/index-cache.js";
import { POST_BATCH, TERM_BATCH, type WorkerMessage, type WorkerRequest } from "./worker-protocol.js";

const { path, cacheDir } = workerData as WorkerRequest;
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

try {
  const collection = await loadCollection(path);
  const { postings, fromCache, problem } = loadPostings(collection, cacheDir);
  const topicDocs = [...indexTopics(collection.posts)];
  for (let at = 0; at < collection.posts.length; at += POST_BATCH)
    send({ kind: "posts", posts: collection.posts.slice(at, at + POST_BATCH) });
  const { docCount, sortedTerms, start, doc, tf, norm, sortedIds, idf } = postings;
  for (let at = 0; at < sortedTerms.length; at += TERM_BATCH)
    send({ kind: "terms", terms: sortedTerms.slice(at, at + TERM_BATCH) });
  send(
    {
      kind: "done",
      source: collection.source,
      hash: collection.hash,
      loadedAt: collection.loadedAt.getTime(),
      topics: collection.topics,
      ...(collection.dateRange ? { dateRange: collection.dateRange } : {}),
      docCount,
      start,
      doc,
      tf,
      norm,
      sortedIds,
      idf,
      topicDocs,
      fromCache,
      ...(problem ? { cacheProblem: problem } : {}),
    },
    [start, doc, tf, norm, sortedIds, idf, ...topicDocs.map(([, docs]) => docs)].map(
      (a) => a.buffer as ArrayBuffer,
    ),
  );
} catch (error) {
  send({
    kind: "rejected",
    problems:
      error instanceof CollectionError
        ? error.problems
        : [`${path}: ${error instanceof Error ? error.message : String(error)}`],
  });
}
