import { dirname, join } from "node:path";
import type { Library } from "./discord/context.js";
import type { Collection } from "./library/collection.js";
import { publishCollectionLoad } from "./ops/events.js";
import { loadSearchIndex } from "./store/index-cache.js";
import { loadCollectionCached } from "./store/posts-cache.js";

/** Why the on-disk search index could not be used (the index was built instead): worth a log line, not a stop. */
export type CacheProblem = (problem: string) => void;

/** Loads and validates a collection and gets its search index: the pair the bot and the console serve. */
export async function loadLibrary(
  path: string,
  now: () => Date = () => new Date(),
  onCacheProblem: CacheProblem = () => {},
): Promise<Library> {
  const started = performance.now();
  const { collection, problem } = await loadCollectionCached(path, cacheDirOf(path), now);
  if (problem) onCacheProblem(problem);
  const library = libraryOf(collection, onCacheProblem);
  publishCollectionLoad({
    posts: library.collection.posts.length,
    seconds: (performance.now() - started) / 1000,
  });
  return library;
}

/** Caches live beside the collection, keyed by its content hash. */
export function cacheDirOf(collectionPath: string): string {
  return join(dirname(collectionPath), ".cache");
}

/**
 * The search index comes from a cache beside the collection (`<folder>/.cache/`, keyed by the collection's
 * content hash) when one matches, which halves start-up for big collections; otherwise it is built and cached.
 */
export function libraryOf(collection: Collection, onCacheProblem: CacheProblem = () => {}): Library {
  const { index, problem } = loadSearchIndex(collection, cacheDirOf(collection.source));
  if (problem) onCacheProblem(problem);
  return { collection, index };
}
