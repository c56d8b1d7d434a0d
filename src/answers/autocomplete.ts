import { MAX_QUERY_LENGTH } from "../discord/custom-id.js";
import { truncate } from "../discord/markdown.js";
import { postTitle } from "../discord/render-post.js";
import { LIMITS } from "../discord/reply.js";
import type { Collection } from "../library/collection.js";
import type { SearchIndex } from "../library/search.js";
import { fold } from "../library/text.js";

export interface Choice {
  name: string;
  value: string;
}

/** Posts for the `query` and `id` options: the name shows the title, the value opens the post. */
export function suggestPosts(
  index: SearchIndex,
  typed: string,
  opts: { topic?: string; asId?: boolean } = {},
): Choice[] {
  const posts = index.suggest(typed, { topic: opts.topic, limit: LIMITS.autocompleteChoices });
  return posts
    .map((post) => ({
      name: truncate(`${postTitle(post)} (${post.id})`.replace(/\s+/g, " "), LIMITS.autocompleteName),
      value: opts.asId ? post.id : `id:${post.id}`,
    }))
    .filter((c) => c.value.length <= MAX_QUERY_LENGTH)
    .slice(0, LIMITS.autocompleteChoices);
}

/** Topics starting with (then containing) what was typed, most used first. */
export function suggestTopics(collection: Collection, typed: string): Choice[] {
  const wanted = fold(typed.trim());
  const starts = collection.topics.filter((t) => t.name.startsWith(wanted));
  const contains = collection.topics.filter((t) => !t.name.startsWith(wanted) && t.name.includes(wanted));
  return [...starts, ...contains]
    .slice(0, LIMITS.autocompleteChoices)
    .map((t) => ({ name: truncate(`${t.name} (${t.count})`, LIMITS.autocompleteName), value: t.name }));
}
