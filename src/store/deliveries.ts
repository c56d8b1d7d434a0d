import type { Database } from "better-sqlite3";
import type { DeckHistory, PostOfTheDay } from "../library/potd.js";
import type { DeckRepository } from "./deck.js";

export type DeliveryStatus = "claimed" | "sent" | "skipped" | "failed";

/** Who holds a claim: unique per process (host, pid and a random part), so two processes never mistake each
 * other's claims for their own leftovers. */
export type ClaimOwner = { id: string; host: string; pid: number };

/** One row per (guild, local date): the log that makes the post of the day exactly-once. */
export type Delivery = {
  guildId: string;
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
  const select = db.prepare<[string, string], Row>(
    "SELECT * FROM deliveries WHERE guild_id = ? AND local_date = ?",
  );
  const selectRecent = db.prepare<[string, number], Row>(
    "SELECT * FROM deliveries WHERE guild_id = ? ORDER BY local_date DESC LIMIT ?",
  );
  const insertClaim = db.prepare(`
    INSERT INTO deliveries (guild_id, local_date, post_id, status, claimed_at, first_claimed_at, claim_owner,
      claim_host, claim_pid, lease_until, channel_id, attempts)
    VALUES (@guildId, @localDate, @postId, 'claimed', @now, @now, @owner, @host, @pid, @leaseUntil, @channelId, 1)
  `);
  const retakeFailed = db.prepare(`
    UPDATE deliveries SET status = 'claimed', claimed_at = @now, claim_owner = @owner, claim_host = @host,
      claim_pid = @pid, lease_until = @leaseUntil, channel_id = @channelId, attempts = attempts + 1, retry_at = NULL,
      first_claimed_at = COALESCE(first_claimed_at, claimed_at, @now)
    WHERE guild_id = @guildId AND local_date = @localDate AND status = 'failed'
      AND retry_at IS NOT NULL AND retry_at <= @now
  `);
  const retakeStale = db.prepare(`
    UPDATE deliveries SET claimed_at = @now, claim_owner = @owner, claim_host = @host, claim_pid = @pid,
      lease_until = @leaseUntil, attempts = attempts + 1, first_claimed_at = COALESCE(first_claimed_at, claimed_at)
    WHERE guild_id = @guildId AND local_date = @localDate AND status = 'claimed'
      AND claim_owner IS @previousOwner AND claimed_at IS @previousClaimedAt
  `);
  const endLease = db.prepare(`
    UPDATE deliveries SET lease_until = @now
    WHERE guild_id = @guildId AND local_date = @localDate AND status = 'claimed' AND claim_owner IS @owner
  `);
  const setSent = db.prepare(`
    UPDATE deliveries SET status = 'sent', sent_at = @now, message_id = @messageId, error = NULL, retry_at = NULL
    WHERE guild_id = @guildId AND local_date = @localDate AND status IN ('claimed', 'failed')
  `);
  const setFailed = db.prepare(`
    UPDATE deliveries SET status = 'failed', error = @error, retry_at = @retryAt
    WHERE guild_id = @guildId AND local_date = @localDate AND status = 'claimed' AND claim_owner IS @owner
  `);
  const setRetrySoon = db.prepare(
    "UPDATE deliveries SET retry_at = ? WHERE guild_id = ? AND local_date = ? AND status = 'failed'",
  );
  const upsertSkip = db.prepare(`
    INSERT INTO deliveries (guild_id, local_date, status) VALUES (?, ?, 'skipped')
    ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'skipped', retry_at = NULL WHERE status = 'failed'
  `);

  function get(guildId: string, localDate: string): Delivery | undefined {
    const row = select.get(guildId, localDate);
    return row && deliveryFromRow(row);
  }

  // json_each: one statement for any number of days (bound variables are capped at 32,766).
  const selectSettled = db.prepare<[string], { guild_id: string; local_date: string }>(
    `SELECT d.guild_id, d.local_date FROM json_each(?) AS day
     JOIN deliveries AS d ON d.guild_id = day.value ->> '$[0]' AND d.local_date = day.value ->> '$[1]'
     WHERE d.status IN ('sent', 'skipped')`,
  );

  return {
    get,
    settled: (
      days: readonly { guildId: string; localDate: string }[],
    ): { guildId: string; localDate: string }[] =>
      selectSettled
        .all(JSON.stringify(days.map((d) => [d.guildId, d.localDate])))
        .map((row) => ({ guildId: row.guild_id, localDate: row.local_date })),
    recent: (guildId: string, limit = 7): Delivery[] => selectRecent.all(guildId, limit).map(deliveryFromRow),

    /**
     * Takes today's delivery for this owner and advances the deck, in one IMMEDIATE transaction: of several
     * processes on the same file exactly one gets `claimed: true` (the UNIQUE key backs this up).
     */
    claim(args: {
      guildId: string;
      localDate: string;
      channelId: string;
      owner: ClaimOwner;
      now: Date;
      leaseMs: number;
      choose: (history: DeckHistory) => PostOfTheDay | undefined;
    }): ClaimResult {
      return db
        .transaction((): ClaimResult => {
          const existing = get(args.guildId, args.localDate);
          if (existing) return { claimed: false, reason: "exists", delivery: existing };
          const pick = args.choose(decks.get(args.guildId));
          if (!pick) return { claimed: false, reason: "empty" };
          try {
            insertClaim.run({
              guildId: args.guildId,
              localDate: args.localDate,
              channelId: args.channelId,
              postId: pick.post.id,
              ...leaseOf(args.owner, args.now, args.leaseMs),
            });
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            return { claimed: false, reason: "exists", delivery: get(args.guildId, args.localDate)! };
          }
          decks.save(args.guildId, pick.history);
          return { claimed: true, delivery: get(args.guildId, args.localDate)! };
        })
        .immediate();
    },

    /** Re-uses today's claim after a retryable failure whose `retryAt` has come. True if this owner got it. */
    retakeFailed(args: {
      guildId: string;
      localDate: string;
      channelId: string;
      owner: ClaimOwner;
      now: Date;
      leaseMs: number;
    }): boolean {
      return db
        .transaction(() => {
          const lease = leaseOf(args.owner, args.now, args.leaseMs);
          const row = {
            guildId: args.guildId,
            localDate: args.localDate,
            channelId: args.channelId,
            ...lease,
          };
          if (retakeFailed.run(row).changes !== 1) return false;
          // A permanent failure gave the post back to the deck; sending it after all takes it again.
          const postId = get(args.guildId, args.localDate)?.postId;
          const deck = decks.get(args.guildId);
          if (postId && !deck.shown.includes(postId))
            decks.save(args.guildId, { ...deck, shown: [...deck.shown, postId] });
          return true;
        })
        .immediate();
    },

    /**
     * Makes a failed day due for another attempt at `now` (after `/schedule` fixed the channel or permissions,
     * even after a permanent error). True if there was such a failure.
     */
    retrySoon(guildId: string, localDate: string, now: Date): boolean {
      return setRetrySoon.run(now.toISOString(), guildId, localDate).changes === 1;
    },

    /** Takes over a claim left by a crashed owner; compare-and-swap so two repairers cannot both win. */
    retakeStale(args: { delivery: Delivery; owner: ClaimOwner; now: Date; leaseMs: number }): boolean {
      const { delivery } = args;
      return (
        retakeStale.run({
          guildId: delivery.guildId,
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
    endLease(args: { guildId: string; localDate: string; owner: ClaimOwner; now: Date }): boolean {
      const { guildId, localDate, owner, now } = args;
      return endLease.run({ guildId, localDate, owner: owner.id, now: now.toISOString() }).changes === 1;
    },

    markSent(args: { guildId: string; localDate: string; messageId: string; now: Date }): boolean {
      return setSent.run({ ...args, now: args.now.toISOString() }).changes === 1;
    },

    /**
     * Records a failed send; never marks it sent. `retryAt: null` means give up for today; then the post goes
     * back to the deck so tomorrow shows it instead of losing it.
     */
    markFailed(args: {
      guildId: string;
      localDate: string;
      owner: ClaimOwner;
      error: string;
      retryAt: Date | null;
    }): boolean {
      return db.transaction(() => {
        const changed =
          setFailed.run({
            guildId: args.guildId,
            localDate: args.localDate,
            owner: args.owner.id,
            error: args.error,
            retryAt: args.retryAt?.toISOString() ?? null,
          }).changes === 1;
        const delivery = get(args.guildId, args.localDate);
        if (changed && args.retryAt === null && delivery?.postId) {
          const deck = decks.get(args.guildId);
          decks.save(args.guildId, { ...deck, shown: deck.shown.filter((id) => id !== delivery.postId) });
        }
        return changed;
      })();
    },

    /** Skips that day unless its post is already out or in flight. True if the day is now skipped. */
    skip(guildId: string, localDate: string): boolean {
      upsertSkip.run(guildId, localDate);
      return get(guildId, localDate)?.status === "skipped";
    },
  };
}

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
