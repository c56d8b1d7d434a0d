import type { Collection } from "../library/collection.js";
import type { RandomPicker } from "../library/random.js";
import type { SearchIndex } from "../library/search.js";

/** A collection and its index, swapped together on reload: a search in flight keeps the pair it started with. */
export interface Library {
  collection: Collection;
  index: SearchIndex;
}

/** Everything a command needs, passed in (no globals), so the console and the tests build their own. */
export interface BotContext {
  library(): Library;
  random: RandomPicker;
  startedAt: Date;
  version: string;
  now(): Date;
}

/** The first characters of the collection's hash: what buttons carry to notice that the collection changed. */
export function collectionVersion(collection: Collection): string {
  return collection.hash.slice(0, 4);
}
