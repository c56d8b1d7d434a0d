import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Post } from "./post.js";
import { fold } from "./text.js";

export interface PickOptions {
  topic?: string;
  /** Who asks (a user or channel id): the same caller never gets the same post twice in a row. */
  callerKey?: string;
}

export interface RandomPicker {
  pick(posts: readonly Post[], opts?: PickOptions): Post | undefined;
}

const DEFAULT_MAX_CALLERS = 10_000;

/** A seed for when none is given: different on every start, which is what a random command wants. */
function freshSeed(): number {
  return (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
}

export function createRandomPicker(
  seed: number = freshSeed(),
  maxCallers = DEFAULT_MAX_CALLERS,
): RandomPicker {
  const rng = xoroshiro128plus(seed);
  // Map keeps insertion order: re-inserting on use makes the first key the least recently used caller.
  const lastByCaller = new Map<string, string>();
  const topicPosts = new WeakMap<readonly Post[], Map<string, Post[]>>();

  function candidatesFor(posts: readonly Post[], topic: string | undefined): readonly Post[] {
    if (topic === undefined) return posts;
    let byTopic = topicPosts.get(posts);
    if (!byTopic) {
      byTopic = groupByTopic(posts);
      topicPosts.set(posts, byTopic);
    }
    return byTopic.get(fold(topic).trim()) ?? [];
  }

  function remember(callerKey: string, id: string): void {
    lastByCaller.delete(callerKey);
    lastByCaller.set(callerKey, id);
    if (lastByCaller.size > maxCallers) {
      const oldest = lastByCaller.keys().next().value;
      if (oldest !== undefined) lastByCaller.delete(oldest);
    }
  }

  return {
    pick(posts, opts = {}) {
      const candidates = candidatesFor(posts, opts.topic);
      if (candidates.length === 0) return undefined;
      const index = uniformInt(rng, 0, candidates.length - 1);
      let post = candidates[index]!;
      const last = opts.callerKey === undefined ? undefined : lastByCaller.get(opts.callerKey);
      if (post.id === last && candidates.length > 1) {
        // Draw again among the others, skipping the repeat: still uniform over the remaining posts.
        const other = uniformInt(rng, 0, candidates.length - 2);
        post = candidates[other >= index ? other + 1 : other]!;
      }
      if (opts.callerKey !== undefined) remember(opts.callerKey, post.id);
      return post;
    },
  };
}

function groupByTopic(posts: readonly Post[]): Map<string, Post[]> {
  const byTopic = new Map<string, Post[]>();
  for (const post of posts) {
    for (const topic of post.topics) {
      const list = byTopic.get(topic);
      if (list) list.push(post);
      else byTopic.set(topic, [post]);
    }
  }
  return byTopic;
}
