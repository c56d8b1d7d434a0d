import { type OnThisDayHit, postsOnThisDay } from "./on-this-day.js";
import type { Post } from "./post.js";
import { choosePostOfTheDay, type DeckHistory, type PostOfTheDay } from "./potd.js";

export const POST_SOURCES = ["deck", "on-this-day"] as const;
/**
 * Where a schedule's day takes its post from: its deck, or a post written on that month and day in an earlier
 * year (`on-this-day`), the deck when there is none.
 */
export type PostSource = (typeof POST_SOURCES)[number];

export function isPostSource(source: string): source is PostSource {
  return (POST_SOURCES as readonly string[]).includes(source);
}

/** A day's pick, and the match it was when it came from "on this day" (undefined: the deck gave it). */
export type SourcedPick = PostOfTheDay & { onThisDay?: OnThisDayHit };

/**
 * The post a schedule gives on `localDate` (YYYY-MM-DD in `timeZone`), with the deck's history to store. `deck`:
 * the deck's choice. `on-this-day`: the newest post written on that month and day in an earlier year (read in
 * `timeZone`) that the deck's cycle has not shown yet; it joins the cycle's shown posts, so neither source repeats
 * it before the deck has shown every post. No such post: the deck's choice. Deterministic: the same history gives
 * the same post.
 */
export function chooseSourcedPost(
  collection: { readonly posts: readonly Post[] },
  localDate: string,
  history: DeckHistory,
  how: { postSource: PostSource; timeZone: string },
): SourcedPick | undefined {
  if (how.postSource === "on-this-day") {
    const shown = new Set(history.shown);
    const hit = matchesOn(collection.posts, localDate, how.timeZone).find((h) => !shown.has(h.post.id));
    if (hit)
      return {
        post: hit.post,
        history: { ...history, shown: [...history.shown, hit.post.id] },
        onThisDay: hit,
      };
  }
  return choosePostOfTheDay(collection, localDate, history);
}

const matches = new WeakMap<readonly Post[], Map<string, readonly OnThisDayHit[]>>();

/**
 * `postsOnThisDay`, remembered per collection for a few (day, zone) pairs: ten thousand schedules due on the same
 * day in the same zone scan the collection once, not once each.
 */
function matchesOn(posts: readonly Post[], localDate: string, timeZone: string): readonly OnThisDayHit[] {
  let byDay = matches.get(posts);
  if (!byDay) {
    byDay = new Map();
    matches.set(posts, byDay);
  }
  const key = `${localDate}\u0000${timeZone}`;
  let hits = byDay.get(key);
  if (!hits) {
    if (byDay.size >= 64) byDay.clear();
    hits = postsOnThisDay(posts, localDate, timeZone);
    byDay.set(key, hits);
  }
  return hits;
}
