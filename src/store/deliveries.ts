import type { Database } from "better-sqlite3";
import type { DeckHistory, PostOfTheDay } from "../library/potd.js";
import type { DeckRepository } from "./deck.js";
import type { ScheduleDay } from "./post-store.js";
import { DEFAULT_SCHEDULE } from "./schedule-fields.js";

export type DeliveryStatus = "claimed" | "sent" | "skipped" | "failed";

/** Who holds a claim: unique per process (host, pid and a random part), so two processes never mistake each
 * other's claims for their own leftovers. */
export type ClaimOwner = { id: string; host: string; pid: number };

/** One row per (guild, schedule, local date): the log that makes the post of the day exactly-once. */
export type Delivery = {
  guildId: string;
  /** The schedule's name (`daily` for a server's first). */
  schedule: string;
  localDate: string;
  postId: string | null;
  status: DeliveryStatus;
  claimedAt: string | null;
  /** When the day was first claimed: nothing of that day's can be older, so history is read from here. */
  firstClaimedAt: string | null;
  claimOwner: string | null;
  claimHost: string | null;
  claimPid: number | null;
  /** Until then the claim's owner may be sending; nobody else takes it over (null: rows older than leases). */
  leaseUntil: string | null;
  sentAt: string | null;
  messageId: string | null;
  channelId: string | null;
  error: string | null;
  /** Set on a retryable failure; `null` on a failure that waits for the next day. */
  retryAt: string | null;
  attempts: number;
};

export type ClaimResult =
  | { claimed: true; delivery: Delivery }
  | { claimed: false; reason: "exists"; delivery: Delivery }
  | { claimed: false; reason: "empty" };

type Row = {
  guild_id: string;
  schedule: string;
  local_date: string;
  post_id: string | null;
  status: DeliveryStatus;
  claimed_at: string | null;
  first_claimed_at: string | null;
  claim_owner: string | null;
  claim_host: string | null;
  claim_pid: number | null;
  lease_until: string | null;
  sent_at: string | null;
  message_id: string | null;
  channel_id: string | null;
  error: string | null;
  retry_at: string | null;
  attempts: number;
};

export function deliveryRepository(db: Database, decks: DeckRepository) {
  const select = db.prepare<[string, string, string], Row>(
    "SELECT * FROM deliveries WHERE guild_id = ? AND schedule = ? AND local_date = ?",
  );
  const selectRecent = db.prepare<[string, string, number], Row>(
    "SELECT * FROM deliveries WHERE guild_id = ? AND schedule = ? ORDER BY local_date DESC LIMIT ?",
  );
  const insertClaim = db.prepare(`
    INSERT INTO deliveries (guild_id, schedule, local_date, post_id, status, claimed_at, first_claimed_at,
      claim_owner, claim_host, claim_pid, lease_until, channel_id, attempts)
    VALUES (@guildId, @schedule, @localDate, @postId, 'claimed', @now, @now, @owner, @host, @pid, @leaseUntil,
      @channelId, 1)
  `);
  const retakeFailed = db.prepare(`
    UPDATE deliveries SET status = 'claimed', claimed_at = @now, claim_owner = @owner, claim_host = @host,
      claim_pid = @pid, lease_until = @leaseUntil, channel_id = @channelId, attempts = attempts + 1, retry_at = NULL,
      first_claimed_at = COALESCE(first_claimed_at, claimed_at, @now)
    WHERE guild_id = @guildId AND schedule = @schedule AND local_date = @localDate AND status = 'failed'
      AND retry_at IS NOT NULL AND retry_at <= @now
  `);
  const retakeStale = db.prepare(`
    UPDATE deliveries SET claimed_at = @now, claim_owner = @owner, claim_host = @host, claim_pid = @pid,
      lease_until = @leaseUntil, attempts = attempts + 1, first_claimed_at = COALESCE(first_claimed_at, claimed_at)
    WHERE guild_id = @guildId AND schedule = @schedule AND local_date = @localDate AND status = 'claimed'
      AND claim_owner IS @previousOwner AND claimed_at IS @previousClaimedAt
  `);
  const endLease = db.prepare(`
    UPDATE deliveries SET lease_until = @now
    WHERE guild_id = @guildId AND schedule = @schedule AND local_date = @localDate AND status = 'claimed' AND claim_owner IS @owner
  `);
  const setSent = db.prepare(`
    UPDATE deliveries SET status = 'sent', sent_at = @now, message_id = @messageId, error = NULL, retry_at = NULL
    WHERE guild_id = @guildId AND schedule = @schedule AND local_date = @localDate AND status IN ('claimed', 'failed')
  `);
  const setFailed = db.prepare(`
    UPDATE deliveries SET status = 'failed', error = @error, retry_at = @retryAt
    WHERE guild_id = @guildId AND schedule = @schedule AND local_date = @localDate AND status = 'claimed' AND claim_owner IS @owner
  `);
  const setRetrySoon = db.prepare(
    "UPDATE deliveries SET retry_at = ? WHERE guild_id = ? AND schedule = ? AND local_date = ? AND status = 'failed'",
  );
  const upsertSkip = db.prepare(`
    INSERT INTO deliveries (guild_id, schedule, local_date, status) VALUES (?, ?, ?, 'skipped')
    ON CONFLICT (guild_id, schedule, local_date) DO UPDATE SET status = 'skipped', retry_at = NULL WHERE status = 'failed'
  `);

  function get(guildId: string, localDate: string, schedule = DEFAULT_SCHEDULE): Delivery | undefined {
    const row = select.get(guildId, schedule, localDate);
    return row && deliveryFromRow(row);
  }

  // json_each: one statement for any number of days (bound variables are capped at 32,766).
  const selectSettled = db.prepare<[string], { guild_id: string; schedule: string; local_date: string }>(
    `SELECT d.guild_id, d.schedule, d.local_date FROM json_each(?) AS day
     JOIN deliveries AS d ON d.guild_id = day.value ->> '$[0]' AND d.schedule = day.value ->> '$[1]'
       AND d.local_date = day.value ->> '$[2]'
     WHERE d.status IN ('sent', 'skipped')`,
  );

  return {
    get,
    settled: (days: readonly ScheduleDay[]): ScheduleDay[] =>
      selectSettled
        .all(JSON.stringify(days.map((d) => [d.guildId, d.schedule, d.localDate])))
        .map((row) => ({ guildId: row.guild_id, schedule: row.schedule, localDate: row.local_date })),
    recent: (guildId: string, limit = 7, schedule = DEFAULT_SCHEDULE): Delivery[] =>
      selectRecent.all(guildId, schedule, limit).map(deliveryFromRow),

    /**
     * Takes today's delivery for this owner and advances the schedule's deck, in one IMMEDIATE transaction: of
     * several processes on the same file exactly one gets `claimed: true` (the UNIQUE key backs this up).
     */
    claim(
      args: DayArgs & {
        channelId: string;
        owner: ClaimOwner;
        now: Date;
        leaseMs: number;
        choose: (history: DeckHistory) => PostOfTheDay | undefined;
      },
    ): ClaimResult {
      const schedule = args.schedule ?? DEFAULT_SCHEDULE;
      return db
        .transaction((): ClaimResult => {
          const existing = get(args.guildId, args.localDate, schedule);
          if (existing) return { claimed: false, reason: "exists", delivery: existing };
          const pick = args.choose(decks.get(args.guildId, schedule));
          if (!pick) return { claimed: false, reason: "empty" };
          try {
            insertClaim.run({
              guildId: args.guildId,
              schedule,
              localDate: args.localDate,
              channelId: args.channelId,
              postId: pick.post.id,
              ...leaseOf(args.owner, args.now, args.leaseMs),
            });
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            return {
              claimed: false,
              reason: "exists",
              delivery: get(args.guildId, args.localDate, schedule)!,
            };
          }
          decks.save(args.guildId, pick.history, schedule);
          return { claimed: true, delivery: get(args.guildId, args.localDate, schedule)! };
        })
        .immediate();
    },

    /** Re-uses today's claim after a retryable failure whose `retryAt` has come. True if this owner got it. */
    retakeFailed(
      args: DayArgs & { channelId: string; owner: ClaimOwner; now: Date; leaseMs: number },
    ): boolean {
      const schedule = args.schedule ?? DEFAULT_SCHEDULE;
      return db
        .transaction(() => {
          const lease = leaseOf(args.owner, args.now, args.leaseMs);
          const row = {
            guildId: args.guildId,
            schedule,
            localDate: args.localDate,
            channelId: args.channelId,
            ...lease,
          };
          if (retakeFailed.run(row).changes !== 1) return false;
          // A permanent failure gave the post back to the deck; sending it after all takes it again.
          const postId = get(args.guildId, args.localDate, schedule)?.postId;
          const deck = decks.get(args.guildId, schedule);
          if (postId && !deck.shown.includes(postId))
            decks.save(args.guildId, { ...deck, shown: [...deck.shown, postId] }, schedule);
          return true;
        })
        .immediate();
    },

    /**
     * Makes a failed day due for another attempt at `now` (after `/schedule` fixed the channel or permissions,
     * even after a permanent error). True if there was such a failure.
     */
    retrySoon(guildId: string, localDate: string, now: Date, schedule = DEFAULT_SCHEDULE): boolean {
      return setRetrySoon.run(now.toISOString(), guildId, schedule, localDate).changes === 1;
    },

    /** Takes over a claim left by a crashed owner; compare-and-swap so two repairers cannot both win. */
    retakeStale(args: { delivery: Delivery; owner: ClaimOwner; now: Date; leaseMs: number }): boolean {
      const { delivery } = args;
      return (
        retakeStale.run({
          guildId: delivery.guildId,
          schedule: delivery.schedule,
          localDate: delivery.localDate,
          ...leaseOf(args.owner, args.now, args.leaseMs),
          previousOwner: delivery.claimOwner,
          previousClaimedAt: delivery.claimedAt,
        }).changes === 1
      );
    },

    /**
     * A send was cancelled (shutdown): the claim stays, its lease ends now, so whoever comes next treats it like
     * a crash and reads the channel before sending. True if this owner still held it.
     */
    endLease(args: DayArgs & { owner: ClaimOwner; now: Date }): boolean {
      const { guildId, localDate, owner, now } = args;
      const schedule = args.schedule ?? DEFAULT_SCHEDULE;
      return (
        endLease.run({ guildId, schedule, localDate, owner: owner.id, now: now.toISOString() }).changes === 1
      );
    },

    markSent(args: DayArgs & { messageId: string; now: Date }): boolean {
      const { guildId, localDate, messageId } = args;
      const schedule = args.schedule ?? DEFAULT_SCHEDULE;
      return (
        setSent.run({ guildId, schedule, localDate, messageId, now: args.now.toISOString() }).changes === 1
      );
    },

    /**
     * Records a failed send; never marks it sent. `retryAt: null` means give up for today; then the post goes
     * back to the deck so tomorrow shows it instead of losing it.
     */
    markFailed(args: DayArgs & { owner: ClaimOwner; error: string; retryAt: Date | null }): boolean {
      const schedule = args.schedule ?? DEFAULT_SCHEDULE;
      return db.transaction(() => {
        const changed =
          setFailed.run({
            guildId: args.guildId,
            schedule,
            localDate: args.localDate,
            owner: args.owner.id,
            error: args.error,
            retryAt: args.retryAt?.toISOString() ?? null,
          }).changes === 1;
        const delivery = get(args.guildId, args.localDate, schedule);
        if (changed && args.retryAt === null && delivery?.postId) {
          const deck = decks.get(args.guildId, schedule);
          decks.save(
            args.guildId,
            { ...deck, shown: deck.shown.filter((id) => id !== delivery.postId) },
            schedule,
          );
        }
        return changed;
      })();
    },

    /** Skips that day unless its post is already out or in flight. True if the day is now skipped. */
    skip(guildId: string, localDate: string, schedule = DEFAULT_SCHEDULE): boolean {
      upsertSkip.run(guildId, schedule, localDate);
      return get(guildId, localDate, schedule)?.status === "skipped";
    },
  };
}

/** One day of one schedule; `schedule` defaults to `daily`. */
export type DayArgs = { guildId: string; localDate: string; schedule?: string };

export type DeliveryRepository = ReturnType<typeof deliveryRepository>;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

export function leaseOf(owner: ClaimOwner, now: Date, leaseMs: number) {
  return {
    owner: owner.id,
    host: owner.host,
    pid: owner.pid,
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
  };
}

export type DeliveryRow = Row;

export function deliveryFromRow(row: Row): Delivery {
  return {
    guildId: row.guild_id,
    schedule: row.schedule,
    localDate: row.local_date,
    postId: row.post_id,
    status: row.status,
    claimedAt: row.claimed_at,
    firstClaimedAt: row.first_claimed_at,
    claimOwner: row.claim_owner,
    claimHost: row.claim_host,
    claimPid: row.claim_pid,
    leaseUntil: row.lease_until,
    sentAt: row.sent_at,
    messageId: row.message_id,
    channelId: row.channel_id,
    error: row.error,
    retryAt: row.retry_at,
    attempts: row.attempts,
  };
}
