import type { Post } from "../library/post.js";

/**
 * One post as a format parser sees it, before threads are joined.
 * `parent` is the sourceId of the author's OWN post this one replies to (a self-reply), if any.
 */
export interface Piece {
  post: Post;
  parent?: string;
  /** sourceIds of earlier versions of this post (an edited tweet): those are left out. */
  replaces?: string[];
  /** How many platform posts this one joins (a thread), when more than one. */
  members?: number;
}

/** What thread joining needs of a post: its sourceId, the own post it replies to, its earlier versions. */
export interface Link {
  id: string;
  parent?: string;
  replaces?: string[];
}

/** What a format parser makes of one input record: a post, or the reason it was left out. */
export type Item = { piece: Piece } | { skip: string };

export function skip(reason: string): Item {
  return { skip: reason };
}

/**
 * A stream of items that can be read more than once: thread joining reads a source twice
 * (once for the reply links, once for the posts) so that only thread members are held in memory.
 */
export interface Source {
  /** Names the input in messages. */
  label: string;
  /** Whether posts may reply to each other (false for JSON and plain text: nothing to join). */
  threads: boolean;
  items(): AsyncIterable<Item>;
  /**
   * The reply links alone, one entry per record (undefined for a record that is no post), when they are
   * cheaper to read than the posts: the first of the two passes needs nothing else.
   */
  links?(): AsyncIterable<Link | undefined>;
  /** Long-post notes no tweet took (X), counted once the source was read. */
  unmatchedNotes?(): number;
}

/** The input cannot be imported at all (not an archive, unreadable): the message names the file. */
export class ImportError extends Error {
  override readonly name = "ImportError";
}
