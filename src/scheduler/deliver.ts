import { createHash } from "node:crypto";
import type { Post } from "../library/post.js";
import { chooseSourcedPost } from "../library/post-source.js";
import { postForDay, withTopic } from "../library/potd.js";
import type { ClaimOwner, Delivery } from "../store/deliveries.js";
import type { PostStore } from "../store/post-store.js";
import { DEFAULT_SCHEDULE } from "../store/schedule-fields.js";
import { localDate as localDateIn } from "./next-run.js";
import { claimAbandoned, pidAlive } from "./owner.js";
import type { PotdSchedule } from "./schedule.js";
import { classifySendError, describeError, isTokenRefused } from "./send-errors.js";

/**
 * Sends the post (to a channel, a new forum post, or a message with a thread of its own, as the schedule says);
 * a step after the post is out that failed (crossposting, opening the thread) comes back as `warning`, since the
 * post must not be sent again for it. The message the payload must carry `nonce: delivery.nonce` and `enforce_nonce: true` (Discord then drops a
 * duplicate itself) and a marker `findPosted` can read back (see `isDeliveryMarker`). `signal` cancels it.
 */
export type SendPost = (
  channelId: string,
  post: Post,
  schedule: PotdSchedule,
  delivery: { localDate: string; nonce: string },
  signal: AbortSignal,
) => Promise<{ messageId: string; warning?: string }>;

/**
 * The bot's own posts for `schedule` in a channel created after `after` (messages, or a forum's posts), each with
 * the marker it put in it (the local date read back from the heading, if any): the whole history since then,
 * paged forward, however many people posted meanwhile (up to a bound: past it, it throws rather than answer "not
 * found" on a history it did not read).
 */
export type FindPosted = (
  channelId: string,
  after: Date,
  signal: AbortSignal,
  schedule?: PotdSchedule,
) => Promise<{ id: string; marker?: string }[]>;

/**
 * The steps owed after the post when `findPosted` found it already in the channel (a lost answer, or a crash
 * after Discord made it): publish it, open its thread, as `send` does after a fresh post. A step already done
 * counts as done; one that fails comes back as `warning` (the post is not sent again for it). `post`: the day's
 * claimed post, if the collection still has it.
 */
export type FinishPost = (
  channelId: string,
  messageId: string,
  post: Post | undefined,
  schedule: PotdSchedule,
  delivery: { localDate: string },
) => Promise<{ warning?: string }>;

export type RetryPolicy = {
  /** Delay before attempt n + 1 after n failed attempts (index n - 1); its length bounds the attempts. */
  delaysMs: readonly number[];
  /** How long a claim is its owner's alone; the owner's work on it is cancelled before the lease ends. */
  leaseMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [1, 2, 5, 10, 30, 60].map((m) => m * 60_000),
  leaseMs: 2 * 60_000,
};

/** For a delivery nobody cancels. */
const NEVER_CANCELLED = new AbortController().signal;

/** Clocks of two hosts (or of Discord and us) may differ: read the history from a little before the claim. */
const CLOCK_SKEW_MS = 60_000;

export type DeliveryOutcome =
  | { kind: "sent"; localDate: string; postId: string; messageId: string }
  | { kind: "found"; localDate: string; messageId: string }
  | { kind: "failed"; localDate: string; permanent: boolean; error: string; retryAt: Date | null }
  | {
      kind: "nothing";
      localDate: string;
      reason: "done" | "in-flight" | "waiting" | "empty" | "lost-race" | "cancelled";
    };

export type DeliverArgs = {
  store: PostStore;
  schedule: PotdSchedule;
  now: Date;
  /** `byId`, when given, saves a scan of every post to find the claimed one (a million posts, ten thousand servers). */
  collection: { readonly posts: readonly Post[]; readonly byId?: ReadonlyMap<string, Post> };
  send: SendPost;
  findPosted: FindPosted;
  /** Finishes a post found in the channel (see `FinishPost`); without it, a found post is only marked sent. */
  finish?: FinishPost;
  /** This process (see `processOwner`). */
  owner: ClaimOwner;
  retry?: RetryPolicy;
  /** Cancels the delivery (shutdown, or the lease running out): the claim is left for the next run to resolve. */
  signal?: AbortSignal;
  isAlive?: (pid: number) => boolean;
};

/**
 * A Discord nonce (<= 25 chars) that is the same for every attempt of one schedule's post of one day (`daily`
 * keeps the nonce it had before schedules had names, so a day in flight across the upgrade keeps it too).
 */
export function deliveryNonce(guildId: string, localDate: string, schedule = DEFAULT_SCHEDULE): string {
  const key =
    schedule === DEFAULT_SCHEDULE
      ? `potd\u0000${guildId}\u0000${localDate}`
      : `potd\u0000${guildId}\u0000${schedule}\u0000${localDate}`;
  return createHash("sha256").update(key).digest("hex").slice(0, 25);
}

/**
 * A message is that day's post if its marker is the nonce or the local date (read from the heading). A channel
 * holds one schedule of a server (`/schedule` refuses a second), so the date names the schedule's post.
 */
export function isDeliveryMarker(
  marker: string | undefined,
  guildId: string,
  localDate: string,
  schedule = DEFAULT_SCHEDULE,
): boolean {
  return marker === localDate || marker === deliveryNonce(guildId, localDate, schedule);
}

/**
 * Today's (in the schedule's zone) post of the day, exactly once: claim (a lease) -> send -> mark sent. Resumes a
 * retryable failure whose time has come and repairs a claim whose owner is gone, in both cases reading the
 * channel's history since the first claim before sending again: a send whose answer was lost may have posted.
 * Does not check the time of day: the scheduler calls it once the post is due.
 */
export async function deliverPostOfTheDay(args: DeliverArgs): Promise<DeliveryOutcome> {
  const { store, schedule, now, owner } = args;
  const leaseMs = (args.retry ?? DEFAULT_RETRY).leaseMs;
  const localDate = localDateIn(now, schedule.timeZone);
  const day = { guildId: schedule.guildId, localDate, schedule: schedule.name };
  if (args.signal?.aborted) return { kind: "nothing", localDate, reason: "cancelled" };
  const posts = withTopic(args.collection, schedule.topic);
  const existing = await store.deliveries.get(day.guildId, localDate, day.schedule);

  if (!existing) {
    const claim = await store.deliveries.claim({
      ...day,
      channelId: schedule.channelId,
      owner,
      now,
      leaseMs,
      choose: (history) => chooseSourcedPost(posts, localDate, history, schedule),
    });
    if (!claim.claimed)
      return { kind: "nothing", localDate, reason: claim.reason === "empty" ? "empty" : "lost-race" };
    return sendAndRecord(args, claim.delivery);
  }
  if (existing.status === "sent" || existing.status === "skipped")
    return { kind: "nothing", localDate, reason: "done" };
  if (existing.status === "failed") {
    const retaken = await store.deliveries.retakeFailed({
      ...day,
      channelId: schedule.channelId,
      owner,
      now,
      leaseMs,
    });
    if (!retaken) return { kind: "nothing", localDate, reason: "waiting" };
    return checkThenSend(args, (await store.deliveries.get(day.guildId, localDate, day.schedule))!);
  }
  if (!claimAbandoned(existing, owner, now, args.isAlive ?? pidAlive))
    return { kind: "nothing", localDate, reason: "in-flight" };
  if (!(await store.deliveries.retakeStale({ delivery: existing, owner, now, leaseMs })))
    return { kind: "nothing", localDate, reason: "in-flight" };
  return checkThenSend(args, (await store.deliveries.get(day.guildId, localDate, day.schedule))!);
}

async function checkThenSend(args: DeliverArgs, delivery: Delivery): Promise<DeliveryOutcome> {
  const { guildId, localDate, schedule } = delivery;
  const channelId = delivery.channelId ?? args.schedule.channelId;
  const firstClaim = Date.parse(delivery.firstClaimedAt ?? delivery.claimedAt ?? "");
  let posted: { id: string } | undefined;
  try {
    // The day was first claimed before anything of it was sent, so nothing of it can be older.
    const mine = await args.findPosted(
      channelId,
      new Date(firstClaim - CLOCK_SKEW_MS),
      args.signal ?? NEVER_CANCELLED,
      args.schedule,
    );
    posted = mine.find((m) => isDeliveryMarker(m.marker, guildId, localDate, schedule));
  } catch (error) {
    // Sending blind could post twice: treat it like a failed send and look again later.
    return recordFailure(args, delivery, error);
  }
  if (posted) {
    const messageId = posted.id;
    const post = delivery.postId ? claimedPost(args.collection, delivery.postId) : undefined;
    const finished = await args.finish?.(channelId, messageId, post, args.schedule, { localDate });
    await args.store.deliveries.markSent({ guildId, localDate, schedule, messageId, now: args.now });
    if (finished?.warning)
      await args.store.settings.recordError(guildId, finished.warning, args.now, schedule);
    return { kind: "found", localDate, messageId };
  }
  return sendAndRecord(args, delivery);
}

function claimedPost(collection: DeliverArgs["collection"], id: string): Post | undefined {
  return collection.byId ? collection.byId.get(id) : collection.posts.find((p) => p.id === id);
}

async function sendAndRecord(args: DeliverArgs, delivery: Delivery): Promise<DeliveryOutcome> {
  const { store, schedule, now } = args;
  const { guildId, localDate } = delivery;
  const name = delivery.schedule;
  const posts = withTopic(args.collection, schedule.topic);
  const post = postForDay(posts, localDate, await store.decks.get(guildId, name), delivery.postId);
  if (!post) return { kind: "nothing", localDate, reason: "empty" };
  const signal = args.signal ?? NEVER_CANCELLED;
  try {
    if (signal.aborted) throw signal.reason;
    const { messageId, warning } = await args.send(
      schedule.channelId,
      post,
      schedule,
      { localDate, nonce: deliveryNonce(guildId, localDate, name) },
      signal,
    );
    // Recorded even during a shutdown: the message is out, and saying so spares the next run a history read.
    await store.deliveries.markSent({ guildId, localDate, schedule: name, messageId, now });
    await store.settings.recordError(guildId, warning ?? null, now, name);
    return { kind: "sent", localDate, postId: post.id, messageId };
  } catch (error) {
    return recordFailure(args, delivery, error);
  }
}

async function recordFailure(
  args: DeliverArgs,
  delivery: Delivery,
  error: unknown,
): Promise<DeliveryOutcome> {
  const { guildId, localDate, schedule } = delivery;
  const { store, owner, now } = args;
  // Cancelled, or the token is gone: not the day's failure. The claim waits (lease ended) for the next run,
  // which reads the channel first, as after a crash.
  if (args.signal?.aborted || isTokenRefused(error)) {
    await store.deliveries.endLease({ guildId, localDate, schedule, owner, now: new Date() });
    return { kind: "nothing", localDate, reason: "cancelled" };
  }
  const retry = args.retry ?? DEFAULT_RETRY;
  const attempts = (await store.deliveries.get(guildId, localDate, schedule))?.attempts ?? delivery.attempts;
  const permanent = classifySendError(error) === "permanent";
  const delay = permanent ? undefined : retry.delaysMs[attempts - 1];
  const retryAt = delay === undefined ? null : new Date(now.getTime() + delay);
  const message = describeError(error);
  await store.deliveries.markFailed({ guildId, localDate, schedule, owner, error: message, retryAt });
  await store.settings.recordError(guildId, message, now, schedule);
  return { kind: "failed", localDate, permanent, error: message, retryAt };
}
