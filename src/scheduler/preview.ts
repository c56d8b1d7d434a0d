import type { OnThisDayHit } from "../library/on-this-day.js";
import type { Post } from "../library/post.js";
import { chooseSourcedPost } from "../library/post-source.js";
import { withTopic } from "../library/potd.js";
import type { PostStore } from "../store/post-store.js";
import { addDays } from "./next-run.js";
import type { ScheduleStatus } from "./scheduler.js";

type Posts = { readonly posts: readonly Post[]; readonly byId: ReadonlyMap<string, Post> };

/** Today's post of one of a server's schedules (`status.name`): the one sent (or being sent) today, else the one the deck will give. */
export async function todaysPost(
  store: PostStore,
  posts: Posts,
  guildId: string,
  status: ScheduleStatus,
): Promise<Post | undefined> {
  const claimed = status.today?.postId ? posts.byId.get(status.today.postId) : undefined;
  if (claimed) return claimed;
  const deck = await store.decks.get(guildId, status.name);
  const topical = withTopic(posts, status.schedule?.topic ?? null);
  return chooseSourcedPost(topical, status.localDate, deck, status.schedule ?? DECK)?.post;
}

/** How a server with no schedule would choose: its deck. */
const DECK = { postSource: "deck", timeZone: "UTC" } as const;

/** The next post that will be sent, and for which local date: today's if it is not out yet, else tomorrow's. */
export async function nextPost(
  store: PostStore,
  posts: Posts,
  guildId: string,
  status: ScheduleStatus,
): Promise<{ localDate: string; post: Post; onThisDay?: OnThisDayHit } | undefined> {
  // Today is still to come unless its post is out, in flight, skipped, or failed for good (retried tomorrow).
  const today = status.today;
  const done = today !== undefined && !(today.status === "failed" && today.retryAt !== null);
  const localDate = done ? addDays(status.localDate, 1) : status.localDate;
  const deck = await store.decks.get(guildId, status.name);
  const topical = withTopic(posts, status.schedule?.topic ?? null);
  const pick = chooseSourcedPost(topical, localDate, deck, status.schedule ?? DECK);
  return pick && { localDate, post: pick.post, ...(pick.onThisDay ? { onThisDay: pick.onThisDay } : {}) };
}
