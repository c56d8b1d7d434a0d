import { createHash } from "node:crypto";
import type { Post } from "../library/post.js";
import { choosePostOfTheDay, postForDay } from "../library/potd.js";
import type { Delivery } from "../store/deliveries.js";
import type { Store } from "../store/store.js";
import { localDate as localDateIn } from "./next-run.js";
import type { PotdSchedule } from "./schedule.js";
import { classifySendError, describeError } from "./send-errors.js";

/**
 * Sends the post; the payload must carry `nonce: delivery.nonce` and `enforce_nonce: true` (Discord then drops a
 * duplicate itself) and a marker `findRecent` can read back (see `isDeliveryMarker`).
 */
export type SendPost = (
  channelId: string,
  post: Post,
  schedule: PotdSchedule,
  delivery: { localDate: string; nonce: string },
) => Promise<{ messageId: string }>;

/** The bot's own recent messages in a channel, newest first, with the marker it put in each (if any). */
export type FindRecent = (channelId: string, since: Date) => Promise<{ id: string; marker?: string }[]>;

export type RetryPolicy = {
  /** Delay before attempt n + 1 after n failed attempts (index n - 1); its length bounds the attempts. */
  delaysMs: readonly number[];
  /** A claim older than this whose owner did not finish is considered abandoned (crashed process). */
  staleClaimMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [1, 2, 5, 10, 30, 60].map((m) => m * 60_000),
  staleClaimMs: 5 * 60_000,
};

export type DeliveryOutcome =
  | { kind: "sent"; localDate: string; postId: string; messageId: string }
  | { kind: "found"; localDate: string; messageId: string }
  | { kind: "failed"; localDate: string; permanent: boolean; error: string; retryAt: Date | null }
  | { kind: "nothing"; localDate: string; reason: "done" | "in-flight" | "waiting" | "empty" | "lost-race" };

export type DeliverArgs = {
  store: Store;
  schedule: PotdSchedule;
  now: Date;
  /** `byId`, when given, saves a scan of every post to find the claimed one (a million posts, ten thousand servers). */
  collection: { readonly posts: readonly Post[]; readonly byId?: ReadonlyMap<string, Post> };
  send: SendPost;
  findRecent: FindRecent;
  /** Unique per process (or stable per shard: then its own leftover claims are repaired at start). */
  owner: string;
  retry?: RetryPolicy;
  /** At start: this owner's own claims are leftovers of a previous run, not sends in flight. */
  startup?: boolean;
};

/** A Discord nonce (<= 25 chars) that is the same for every attempt of one server's post of one day. */
export function deliveryNonce(guildId: string, localDate: string): string {
  return createHash("sha256").update(`potd\u0000${guildId}\u0000${localDate}`).digest("hex").slice(0, 25);
}

/** A message is that day's post if its marker is the nonce or the local date (e.g. read from the footer). */
export function isDeliveryMarker(marker: string | undefined, guildId: string, localDate: string): boolean {
  return marker === localDate || marker === deliveryNonce(guildId, localDate);
}

/**
 * Today's (in the schedule's zone) post of the day, exactly once: claim -> send -> mark sent. Also resumes a
 * retryable failure whose time has come and repairs a claim abandoned by a crash. Does not check the time of
 * day: the scheduler calls it once the post is due.
 */
export async function deliverPostOfTheDay(args: DeliverArgs): Promise<DeliveryOutcome> {
  const { store, schedule, now, owner } = args;
  const retry = args.retry ?? DEFAULT_RETRY;
  const localDate = localDateIn(now, schedule.timeZone);
  const day = { guildId: schedule.guildId, localDate };
  const existing = store.deliveries.get(day.guildId, localDate);

  if (!existing) {
    const claim = store.deliveries.claim({
      ...day,
      channelId: schedule.channelId,
      owner,
      now,
      choose: (history) => choosePostOfTheDay(args.collection, localDate, history),
    });
    if (!claim.claimed)
      return { kind: "nothing", localDate, reason: claim.reason === "empty" ? "empty" : "lost-race" };
    return sendAndRecord(args, claim.delivery, retry);
  }
  if (existing.status === "sent" || existing.status === "skipped")
    return { kind: "nothing", localDate, reason: "done" };
  if (existing.status === "failed") {
    if (!store.deliveries.retakeFailed({ ...day, channelId: schedule.channelId, owner, now })) {
      return { kind: "nothing", localDate, reason: "waiting" };
    }
    // A timeout or 5xx may hide a message that did go out: look before sending again.
    return checkThenSend(args, store.deliveries.get(day.guildId, localDate)!, retry);
  }
  const abandoned =
    (args.startup && existing.claimOwner === owner) ||
    now.getTime() - Date.parse(existing.claimedAt ?? "") >= retry.staleClaimMs;
  if (!abandoned || !store.deliveries.retakeStale({ delivery: existing, owner, now })) {
    return { kind: "nothing", localDate, reason: "in-flight" };
  }
  return checkThenSend(args, existing, retry);
}

async function checkThenSend(
  args: DeliverArgs,
  delivery: Delivery,
  retry: RetryPolicy,
): Promise<DeliveryOutcome> {
  const { guildId, localDate } = delivery;
  const channelId = delivery.channelId ?? args.schedule.channelId;
  let recent: Awaited<ReturnType<FindRecent>>;
  try {
    // The claim was taken before anything was sent, so nothing of that day's can be older.
    recent = await args.findRecent(channelId, new Date(Date.parse(delivery.claimedAt ?? "") - 60_000));
  } catch (error) {
    // Sending blind could post twice: treat it like a failed send and look again later.
    return recordFailure(args, delivery, retry, error);
  }
  const posted = recent.find((m) => isDeliveryMarker(m.marker, guildId, localDate));
  if (posted) {
    args.store.deliveries.markSent({ guildId, localDate, messageId: posted.id, now: args.now });
    return { kind: "found", localDate, messageId: posted.id };
  }
  return sendAndRecord(args, delivery, retry);
}

async function sendAndRecord(
  args: DeliverArgs,
  delivery: Delivery,
  retry: RetryPolicy,
): Promise<DeliveryOutcome> {
  const { store, schedule, now } = args;
  const { guildId, localDate } = delivery;
  const post = postForDay(args.collection, localDate, store.decks.get(guildId), delivery.postId);
  if (!post) return { kind: "nothing", localDate, reason: "empty" };
  try {
    const { messageId } = await args.send(schedule.channelId, post, schedule, {
      localDate,
      nonce: deliveryNonce(guildId, localDate),
    });
    store.deliveries.markSent({ guildId, localDate, messageId, now });
    store.settings.recordError(guildId, null, now);
    return { kind: "sent", localDate, postId: post.id, messageId };
  } catch (error) {
    return recordFailure(args, delivery, retry, error);
  }
}

function recordFailure(
  args: DeliverArgs,
  delivery: Delivery,
  retry: RetryPolicy,
  error: unknown,
): DeliveryOutcome {
  const { guildId, localDate } = delivery;
  const attempts = args.store.deliveries.get(guildId, localDate)?.attempts ?? delivery.attempts;
  const permanent = classifySendError(error) === "permanent";
  const delay = permanent ? undefined : retry.delaysMs[attempts - 1];
  const retryAt = delay === undefined ? null : new Date(args.now.getTime() + delay);
  const message = describeError(error);
  args.store.deliveries.markFailed({ guildId, localDate, owner: args.owner, error: message, retryAt });
  args.store.settings.recordError(guildId, message, args.now);
  return { kind: "failed", localDate, permanent, error: message, retryAt };
}
