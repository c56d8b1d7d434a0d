import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import { CollectionError } from "../library/load.js";
import { type LoadedLibrary, loadLibraryInWorker } from "./load-in-worker.js";

export interface WatchCollectionOptions {
  /** A new, valid collection with its index, built off the main thread: the caller swaps its reference to it. */
  onLoad(loaded: LoadedLibrary): void;
  /** The file changed but cannot be used: the caller keeps serving the collection it has. */
  onReject(problems: string[]): void;
  /** Quiet time after the last change before reloading: editors and copies write in several steps. */
  debounceMs?: number;
}

/**
 * Reloads the collection at `path` whenever it changes. The folder is watched, not the file: an atomic
 * replace (write a temporary file, rename it over the old one) gives the path a new inode, and a
 * watch on the old inode would never fire again. Loads never overlap; a change during a load is
 * picked up by one more load after it. Content that did not change (same hash) is not reported again.
 * Each load runs in a worker thread (load-in-worker.ts): the bot keeps answering during a big reload.
 */
export function watchCollection(path: string, options: WatchCollectionOptions): { close(): void } {
  const debounceMs = options.debounceMs ?? 200;
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let loading = false;
  let again = false;
  let closed = false;
  let lastHash: string | undefined;

  const reload = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      do {
        again = false;
        try {
          const loaded = await loadLibraryInWorker(path);
          if (!closed && loaded.library.collection.hash !== lastHash) {
            lastHash = loaded.library.collection.hash;
            options.onLoad(loaded);
          }
        } catch (error) {
          lastHash = undefined;
          if (!closed) options.onReject(problemsOf(error));
        }
      } while (again && !closed);
    } finally {
      loading = false;
    }
  };

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };

  const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, filename) => {
    // Some platforms do not say which file changed: reload to be safe (an unchanged file is not reported).
    if (filename === null || filename === name) schedule();
  });
  watcher.on("error", (error) => {
    if (!closed) options.onReject([`${dirname(path)}: cannot watch the folder any more (${error.message})`]);
  });

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}

function problemsOf(error: unknown): string[] {
  if (error instanceof CollectionError) return error.problems;
  return [error instanceof Error ? error.message : String(error)];
}
