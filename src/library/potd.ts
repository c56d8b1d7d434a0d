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
  const pinned = postsPinnedTo(deckOf(collection).pinned, Number(match[1]), `${match[2]}-${match[3]}`);
  if (pinned.length > 0) {
    // A pinned day does not touch the deck: the rotation resumes tomorrow where it was.
    const post = byKey(pinned, (p) => `${history.seed}\u0000${localDate}\u0000${p.id}`)[0]!;
    return { post, history };
  }
  const deck = deckPosts(collection);
  if (deck.length === 0) return undefined;
  const shown = new Set(history.shown);
  const next = firstInCycle(collection, history.seed, history.cycle, (p) => !shown.has(p.id));
  if (next) return { post: next, history: { ...history, shown: [...history.shown, next.id] } };
  const cycle = history.cycle + 1;
  const post = firstInCycle(collection, history.seed, cycle, () => true)!;
  return { post, history: { seed: history.seed, cycle, shown: [post.id] } };
}

/**
 * The post a day has: the one claimed for it while it is still in the collection, else the deck's choice for that
 * day (the history is not advanced: only a claim does that).
 */
export function postForDay(
  collection: Collection & { readonly byId?: ReadonlyMap<string, Post> },
  localDate: string,
  history: DeckHistory,
  claimedId?: string | null,
): Post | undefined {
  if (claimedId) {
    const { posts, byId } = collection;
    const claimed = byId ? byId.get(claimedId) : posts.find((p) => p.id === claimedId);
    if (claimed) return claimed;
  }
  return choosePostOfTheDay(collection, localDate, history)?.post;
}

/** How many deck posts are left before the deck reshuffles (for `/schedule status`). */
export function remainingInCycle(collection: Collection, history: DeckHistory): number {
  const shown = new Set(history.shown);
  return deckPosts(collection).filter((p) => !shown.has(p.id)).length;
}

/** Pinned posts appear only on their day, unless every post is pinned (then the deck would be empty). */
function deckPosts(collection: Collection): readonly Post[] {
  return deckOf(collection).posts;
}

type Deck = { posts: readonly Post[]; base: Uint32Array; pinned: ReadonlyMap<string, Post[]> };
const decks = new WeakMap<readonly Post[], Deck>();

/**
 * The deck and a 32-bit hash of each post's id, computed once per collection: a pick is then one pass of integer
 * mixing over the deck (about a millisecond for 100,000 posts) instead of a cryptographic hash per post per pick.
 */
function deckOf(collection: Collection): Deck {
  let deck = decks.get(collection.posts);
  if (!deck) {
    const unpinned = collection.posts.filter((p) => p.day === undefined);
    const posts = unpinned.length > 0 ? unpinned : collection.posts;
    const pinned = new Map<string, Post[]>();
    for (const post of collection.posts) {
      if (post.day !== undefined) pinned.set(post.day, [...(pinned.get(post.day) ?? []), post]);
    }
    deck = { posts, base: Uint32Array.from(posts, (p) => fnv1a(p.id)), pinned };
    decks.set(collection.posts, deck);
  }
  return deck;
}

function postsPinnedTo(pinned: ReadonlyMap<string, Post[]>, year: number, day: string): Post[] {
  // 02-29 posts would otherwise wait four years: in other years they take 02-28.
  const alsoLeapDay = day === "02-28" && !isLeapYear(year);
  return [...(pinned.get(day) ?? []), ...(alsoLeapDay ? (pinned.get("02-29") ?? []) : [])];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The first eligible post of the cycle's order. The order is a keyed hash of (seed, cycle, id): a post's rank does
 * not depend on the other posts, so posts added mid-cycle slot in without reordering the posts still to come.
 */
function firstInCycle(
  collection: Collection,
  seed: string,
  cycle: number,
  eligible: (p: Post) => boolean,
): Post | undefined {
  const { posts, base } = deckOf(collection);
  const key = fnv1a(`${seed}\u0000${cycle}`);
  let best: Post | undefined;
  let bestRank = 0;
  for (let i = 0; i < posts.length; i++) {
    const rank = mix32((base[i]! ^ key) >>> 0);
    const post = posts[i]!;
    if (best !== undefined && (rank > bestRank || (rank === bestRank && post.id >= best.id))) continue;
    if (!eligible(post)) continue;
    best = post;
    bestRank = rank;
  }
  return best;
}

/** FNV-1a over UTF-16 units, then mixed: a well-spread 32-bit hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash >>> 0);
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers that spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
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

type Indexed = Collection & { readonly byId?: ReadonlyMap<string, Post> };
const topicViews = new WeakMap<readonly Post[], Map<string, readonly Post[]>>();

/**
 * The collection as a topic-filtered schedule sees it: only posts with `topic` (so its deck, pinned days
 * included, cycles through that topic alone). The same array for the same collection and topic, so the deck's
 * hashes are computed once.
 */
export function withTopic<C extends Indexed>(collection: C, topic: string | null): C {
  if (topic === null) return collection;
  let views = topicViews.get(collection.posts);
  if (!views) {
    views = new Map();
    topicViews.set(collection.posts, views);
  }
  let posts = views.get(topic);
  if (!posts) {
    posts = collection.posts.filter((p) => p.topics.includes(topic));
    views.set(topic, posts);
  }
  return { ...collection, posts };
}
