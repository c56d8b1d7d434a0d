import { CompactIdMap, type CompactPosts } from "./compact-posts.js";
import type { Post } from "./post.js";

/** A validated collection, ready to serve: what the loader returns and the rest of the bot reads. */
export interface Collection {
  posts: readonly Post[];
  byId: ReadonlyMap<string, Post>;
  /** Every topic with the number of posts that carry it, most used first, then by name. */
  topics: readonly { name: string; count: number }[];
  /** Where the posts came from (the path as given), for logs and `/about`-style answers. */
  source: string;
  /** sha256 hex of the file's bytes: tells two deployments whether they serve the same collection. */
  hash: string;
  loadedAt: Date;
  /** The earliest and latest `createdAt`, as written in the posts; absent when no post has one. */
  dateRange?: { from: string; to: string };
  /** For a big collection, the buffers `posts` reads from (see compact-posts.ts): what caches and threads pass on. */
  compact?: CompactPosts;
}

/** What a compact collection's cache keeps besides the posts, so a start needs no pass over them. */
export type CollectionSummary = Pick<Collection, "topics" | "dateRange">;

/** Below this many posts, plain objects cost little; above it, posts are kept compact. */
export const COMPACT_FROM = 20_000;

export function createCollection(
  posts: readonly Post[],
  { source, hash, loadedAt }: { source: string; hash: string; loadedAt: Date },
): Collection;
/** A compact collection; `summary` (from a cache) spares a pass over every post. */
export function createCollection(
  posts: CompactPosts,
  meta: { source: string; hash: string; loadedAt: Date },
  summary?: CollectionSummary,
  /** `byId`'s hash table, when a loading thread built it (`idTableOf`). */
  idTable?: Int32Array,
): Collection;
export function createCollection(
  posts: readonly Post[] | CompactPosts,
  { source, hash, loadedAt }: { source: string; hash: string; loadedAt: Date },
  summary?: CollectionSummary,
  idTable?: Int32Array,
): Collection {
  if (!Array.isArray(posts)) {
    const compact = posts as CompactPosts;
    const views = compact.views();
    return {
      posts: views,
      byId: new CompactIdMap(compact, views, idTable),
      ...(summary ?? summarize(compact)),
      source,
      hash,
      loadedAt,
      compact,
    };
  }
  const byId = new Map<string, Post>();
  const topicCounts = new Map<string, number>();
  let from: { text: string; time: number } | undefined;
  let to: { text: string; time: number } | undefined;
  for (const post of posts as readonly Post[]) {
    byId.set(post.id, post);
    post.topics.forEach((topic, index) => {
      // Count posts, not mentions: a topic listed twice in one post counts once.
      if (post.topics.indexOf(topic) === index) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
    });
    if (post.createdAt !== undefined) {
      // Compare instants, not strings: the offsets of two timestamps may differ.
      const time = Date.parse(post.createdAt);
      if (from === undefined || time < from.time) from = { text: post.createdAt, time };
      if (to === undefined || time > to.time) to = { text: post.createdAt, time };
    }
  }
  const topics = [...topicCounts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    posts,
    byId,
    topics,
    source,
    hash,
    loadedAt,
    ...(from && to ? { dateRange: { from: from.text, to: to.text } } : {}),
  };
}

/** The topics and date range of compact posts, read from their columns (no post object is made). */
export function summarize(compact: CompactPosts): CollectionSummary {
  const topics = [...compact.topicDocs()]
    .map(([name, docs]) => ({ name, count: docs.length }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let from: { text: string; time: number } | undefined;
  let to: { text: string; time: number } | undefined;
  for (let row = 0; row < compact.count; row++) {
    const text = compact.createdAt(row);
    if (text === undefined) continue;
    const time = Date.parse(text);
    if (from === undefined || time < from.time) from = { text, time };
    if (to === undefined || time > to.time) to = { text, time };
  }
  return { topics, ...(from && to ? { dateRange: { from: from.text, to: to.text } } : {}) };
}
