import { createHash } from "node:crypto";
import type { Post } from "./post.js";

/**
 * Where a server is in its shuffled deck. The order of a cycle is a keyed hash of (seed, cycle, id), not a
 * shuffled array, so adding posts mid-cycle slots them in without reordering the posts still to come.
 */
export type DeckHistory = {
  /** Per server (the guild id), so two servers see different orders. */
  seed: string;
  cycle: number;
  /** Ids shown in this cycle. */
  shown: string[];
};

export type PostOfTheDay = { post: Post; history: DeckHistory };

type Collection = { readonly posts: readonly Post[] };

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function newDeck(seed: string): DeckHistory {
  return { seed, cycle: 0, shown: [] };
}

/**
 * The post for `localDate` (YYYY-MM-DD, the server's local date): a post pinned to that day of the year if any,
 * otherwise the next post of the server's deck. Deterministic; returns the updated history to store.
 */
export function choosePostOfTheDay(
  collection: Collection,
  localDate: string,
  history: DeckHistory,
): PostOfTheDay | undefined {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${localDate}`);
  const pinned = postsPinnedTo(collection.posts, Number(match[1]), `${match[2]}-${match[3]}`);
  if (pinned.length > 0) {
    // A pinned day does not touch the deck: the rotation resumes tomorrow where it was.
    const post = byKey(pinned, (p) => `${history.seed}\u0000${localDate}\u0000${p.id}`)[0]!;
    return { post, history };
  }
  const deck = deckPosts(collection);
  if (deck.length === 0) return undefined;
  const shown = new Set(history.shown);
  const next = firstInCycle(deck, history.seed, history.cycle, (p) => !shown.has(p.id));
  if (next) return { post: next, history: { ...history, shown: [...history.shown, next.id] } };
  const cycle = history.cycle + 1;
  const post = firstInCycle(deck, history.seed, cycle, () => true)!;
  return { post, history: { seed: history.seed, cycle, shown: [post.id] } };
}

/** How many deck posts are left before the deck reshuffles (for `/schedule status`). */
export function remainingInCycle(collection: Collection, history: DeckHistory): number {
  const shown = new Set(history.shown);
  return deckPosts(collection).filter((p) => !shown.has(p.id)).length;
}

/** Pinned posts appear only on their day, unless every post is pinned (then the deck would be empty). */
function deckPosts(collection: Collection): readonly Post[] {
  const unpinned = collection.posts.filter((p) => p.day === undefined);
  return unpinned.length > 0 ? unpinned : collection.posts;
}

function postsPinnedTo(posts: readonly Post[], year: number, day: string): Post[] {
  // 02-29 posts would otherwise wait four years: in other years they take 02-28.
  const alsoLeapDay = day === "02-28" && !isLeapYear(year);
  return posts.filter((p) => p.day === day || (alsoLeapDay && p.day === "02-29"));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function firstInCycle(
  deck: readonly Post[],
  seed: string,
  cycle: number,
  eligible: (p: Post) => boolean,
): Post | undefined {
  return byKey(deck.filter(eligible), (p) => `${seed}\u0000${cycle}\u0000${p.id}`)[0];
}

function byKey(posts: readonly Post[], key: (p: Post) => string): Post[] {
  return posts
    .map((post) => ({ post, rank: createHash("sha256").update(key(post)).digest("hex") }))
    .sort((a, b) => compare(a.rank, b.rank) || compare(a.post.id, b.post.id))
    .map((r) => r.post);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
