import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import type { Collection } from "../library/collection.js";
import { CollectionError, loadCollection } from "../library/load.js";

export interface WatchCollectionOptions {
  /** A new, valid collection: the caller swaps its reference to it. */
  onLoad(collection: Collection): void;
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
          const collection = await loadCollection(path);
          if (!closed && collection.hash !== lastHash) {
            lastHash = collection.hash;
            options.onLoad(collection);
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
