import { MAX_QUERY_LENGTH } from "../discord/custom-id.js";
import { truncate } from "../discord/markdown.js";
import { postTitle } from "../discord/render-post.js";
import { LIMITS } from "../discord/reply.js";
import type { Collection } from "../library/collection.js";
import type { Post } from "../library/post.js";
import type { SearchIndex } from "../library/search.js";
import { fold } from "../library/text.js";

export interface Choice {
  name: string;
  value: string;
}

/**
 * Posts for the `query` and `id` options: the name shows the title, the value opens the post. Before anything is
 * typed (given the collection): the most recent posts, so the list is never empty.
 */
export function suggestPosts(
  index: SearchIndex,
  typed: string,
  opts: { topic?: string | undefined; asId?: boolean; collection?: Collection } = {},
): Choice[] {
  const posts =
    typed.trim() === "" && opts.collection
      ? recentPosts(opts.collection, opts.topic)
      : index.suggest(typed, { topic: opts.topic, limit: LIMITS.autocompleteChoices });
  return posts
    .map((post) => ({
      name: truncate(`${postTitle(post)} (${post.id})`.replace(/\s+/g, " "), LIMITS.autocompleteName),
      value: opts.asId ? post.id : `id:${post.id}`,
    }))
    .filter((c) => c.value.length <= MAX_QUERY_LENGTH)
    .slice(0, LIMITS.autocompleteChoices);
}

/** The newest posts first (dated ones by date; undated ones after, last added first), of a topic if given. */
export function recentPosts(collection: Collection, topic?: string): Post[] {
  const recent: Post[] = [];
  for (const post of newestFirst(collection)) {
    if (topic !== undefined && !post.topics.includes(topic)) continue;
    recent.push(post);
    if (recent.length === LIMITS.autocompleteChoices) break;
  }
  return recent;
}

const orders = new WeakMap<Collection, readonly Post[]>();

/** Sorted once per collection: an empty autocomplete box must not sort a million posts at each keystroke. */
function newestFirst(collection: Collection): readonly Post[] {
  let order = orders.get(collection);
  if (!order) {
    const keyed = collection.posts.map((post, index) => ({
      post,
      index,
      at: post.createdAt ? Date.parse(post.createdAt) : Number.NEGATIVE_INFINITY,
    }));
    keyed.sort((a, b) => b.at - a.at || b.index - a.index);
    order = keyed.map(({ post }) => post);
    orders.set(collection, order);
  }
  return order;
}

/** Topics starting with (then containing) what was typed, most used first: before anything is typed, the top topics. */
export function suggestTopics(collection: Collection, typed: string): Choice[] {
  const wanted = fold(typed.trim());
  const starts = collection.topics.filter((t) => t.name.startsWith(wanted));
  const contains = collection.topics.filter((t) => !t.name.startsWith(wanted) && t.name.includes(wanted));
  return [...starts, ...contains]
    .slice(0, LIMITS.autocompleteChoices)
    .map((t) => ({ name: truncate(`${t.name} (${t.count})`, LIMITS.autocompleteName), value: t.name }));
}
