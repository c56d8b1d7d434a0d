import type { Collection } from "../library/collection.js";
import type { RandomPicker } from "../library/random.js";
import type { SearchIndex } from "../library/search.js";
import type { Scheduler } from "../scheduler/scheduler.js";
import type { PostStore } from "../store/post-store.js";

/** A collection and its index, swapped together on reload: a search in flight keeps the pair it started with. */
export interface Library {
  collection: Collection;
  index: SearchIndex;
}

/** What answering needs, passed in (no globals): the console builds one of these. */
export interface AnswerContext {
  library(): Library;
  random: RandomPicker;
  startedAt: Date;
  version: string;
  now(): Date;
}

/** What the bot's commands need: the answers, plus the post-of-the-day scheduler and its store. */
export interface BotContext extends AnswerContext {
  scheduler: Scheduler;
  store: PostStore;
}

/** The first characters of the collection's hash: what buttons carry to notice that the collection changed. */
export function collectionVersion(collection: Collection): string {
  return collection.hash.slice(0, 4);
}
