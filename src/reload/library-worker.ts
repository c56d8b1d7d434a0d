/**
 * Runs in a worker thread: reads, validates and indexes a collection, then sends it to the main thread in
 * small messages (posts in batches, then the index's arrays, transferred without a copy), so the main
 * thread keeps answering while a big collection loads. See load-in-worker.ts for the other end.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CompactIdMap, type CompactPostsData, idTableOf } from "../library/compact-posts.js";
import { CollectionError } from "../library/load.js";
import { indexTopics } from "../library/search.js";
import { loadPostings } from "../store/index-cache.js";
import { loadCollectionCached } from "../store/posts-cache.js";
import { POST_BATCH, TERM_BATCH, type WorkerMessage, type WorkerRequest } from "./worker-protocol.js";

const { path, cacheDir, compactFrom } = workerData as WorkerRequest;
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

try {
  const loaded = await loadCollectionCached(
    path,
    cacheDir,
    undefined,
    compactFrom === undefined ? {} : { compactFrom },
  );
  const { collection } = loaded;
  const { postings, prefixMemo, fromCache, problem } = loadPostings(collection, cacheDir);
  const topicDocs = [...(collection.compact?.topicDocs() ?? indexTopics(collection.posts))];
  if (collection.compact) {
    const { data } = collection.compact;
    // byId's table travels too: rebuilding it would hash every id on the main thread.
    const { byId, compact } = collection;
    const idTable = byId instanceof CompactIdMap ? byId.table : idTableOf(compact);
    send({ kind: "compact", data, idTable }, [...buffersOf(data), idTable.buffer as ArrayBuffer]);
  } else {
    for (let at = 0; at < collection.posts.length; at += POST_BATCH)
      send({ kind: "posts", posts: collection.posts.slice(at, at + POST_BATCH) });
  }
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
      prefixMemo,
      fromCache: fromCache && (loaded.fromCache || collection.compact === undefined),
      ...(problem || loaded.problem
        ? { cacheProblem: [loaded.problem, problem].filter(Boolean).join("; ") }
        : {}),
    },
    distinct([start, doc, tf, norm, sortedIds, idf, ...topicDocs.map(([, docs]) => docs)]),
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

/** The ArrayBuffers under these arrays, each once: views read from one cache file share one buffer. */
function distinct(arrays: ArrayBufferView[]): ArrayBuffer[] {
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

function buffersOf(data: CompactPostsData): ArrayBuffer[] {
  const columns = [data.ids, data.texts, data.createdAts, data.rests];
  return distinct([
    ...columns.flatMap((c) => [c.ends, c.firstRows, ...c.chunks]),
    data.days,
    data.topicStarts,
    data.topicIds,
  ]);
}
