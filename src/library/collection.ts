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
}

export function createCollection(
  posts: readonly Post[],
  { source, hash, loadedAt }: { source: string; hash: string; loadedAt: Date },
): Collection {
  const byId = new Map<string, Post>();
  const topicCounts = new Map<string, number>();
  let from: { text: string; time: number } | undefined;
  let to: { text: string; time: number } | undefined;
  for (const post of posts) {
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
