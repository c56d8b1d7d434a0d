import type { Library } from "./discord/context.js";
import type { Collection } from "./library/collection.js";
import { loadCollection } from "./library/load.js";
import { createSearchIndex } from "./library/search.js";

/** Loads and validates a collection and builds its search index: the pair the bot and the console serve. */
export async function loadLibrary(path: string, now: () => Date = () => new Date()): Promise<Library> {
  return libraryOf(await loadCollection(path, now));
}

export function libraryOf(collection: Collection): Library {
  return { collection, index: createSearchIndex(collection.posts) };
}
