import type { DeckHistory, PostOfTheDay } from "../library/potd.js";
import type { ClaimOwner, ClaimResult, Delivery } from "./deliveries.js";
import type { SavedPostsStore } from "./saved-posts.js";
import type { GuildSettings, SettingsPatch } from "./settings.js";

/**
 * The store as the scheduler and the commands see it: asynchronous, with two implementations that pass one
 * contract test suite (test/store-contract.test.ts) — SQLite on one host (`sqlite-store.ts`), PostgreSQL for
 * several (`postgres-store.ts`). The correctness rules live in that contract: one claim per (server, schedule, local date),
 * leases held by unique owners, the deck advanced with the claim, numbered migrations, a newer schema refused.
 */
export interface PostStore {
  /** `sqlite:<path>` or `postgres`, for logs (never a password). */
  readonly label: string;
  /** The servers' schedules, keyed by (server, name); `name` defaults to `daily` (a server's first). */
  readonly settings: {
    get(guildId: string, name?: string): Promise<GuildSettings | undefined>;
    /** A server's schedules, by name. */
    list(guildId: string): Promise<GuildSettings[]>;
    /** Every schedule row (the scheduler's list when no gateway holds the servers), by server then name. */
    all(): Promise<GuildSettings[]>;
    update(
      guildId: string,
      patch: SettingsPatch,
      now: Date,
      defaults: SettingDefaults,
      name?: string,
    ): Promise<GuildSettings>;
    switchOff(guildId: string, now: Date, defaults: SettingDefaults, name?: string): Promise<GuildSettings>;
    /** Removes a schedule, its deck and last error (its delivery log stays). True if it existed. */
    remove(guildId: string, name: string): Promise<boolean>;
    recordError(guildId: string, error: string | null, now: Date, name?: string): Promise<void>;
    lastError(guildId: string, name?: string): Promise<{ message: string; at: string } | null>;
  };
  readonly decks: {
    get(guildId: string, name?: string): Promise<DeckHistory>;
  };
  /** One row per (server, schedule, local date); `schedule` defaults to `daily`. */
  readonly deliveries: {
    get(guildId: string, localDate: string, schedule?: string): Promise<Delivery | undefined>;
    recent(guildId: string, limit?: number, schedule?: string): Promise<Delivery[]>;
    /**
     * Which of these (server, schedule, local date) days are settled (sent or skipped), as `settledKey`s: one query
     * for a whole tick, so ten thousand schedules whose post is out cost no round trip each.
     */
    settled(days: readonly ScheduleDay[]): Promise<Set<string>>;
    claim(args: ClaimArgs): Promise<ClaimResult>;
    retakeFailed(
      args: DayArgs & { channelId: string; owner: ClaimOwner; now: Date; leaseMs: number },
    ): Promise<boolean>;
    retrySoon(guildId: string, localDate: string, now: Date, schedule?: string): Promise<boolean>;
    retakeStale(args: {
      delivery: Delivery;
      owner: ClaimOwner;
      now: Date;
      leaseMs: number;
    }): Promise<boolean>;
    endLease(args: DayArgs & { owner: ClaimOwner; now: Date }): Promise<boolean>;
    markSent(args: DayArgs & { messageId: string; now: Date }): Promise<boolean>;
    markFailed(args: DayArgs & { owner: ClaimOwner; error: string; retryAt: Date | null }): Promise<boolean>;
    skip(guildId: string, localDate: string, schedule?: string): Promise<boolean>;
  };
  /** The posts each person saved (/saved), capped per person. */
  readonly saved: SavedPostsStore;
  /**
   * Whether this process is the one scheduler that sends (PostgreSQL: a session advisory lock, released when its
   * connection dies, so a standby takes over). SQLite is one host: every process may send; the claims keep it
   * exactly-once.
   */
  isLeader(): Promise<boolean>;
  /** Throws if the store does not answer (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type SettingDefaults = { channelId?: string | null; time: string; timeZone: string };
type DayArgs = { guildId: string; localDate: string; schedule?: string };
export type ClaimArgs = DayArgs & {
  channelId: string;
  owner: ClaimOwner;
  now: Date;
  leaseMs: number;
  choose: (history: DeckHistory) => PostOfTheDay | undefined;
};

/** One schedule's day, as `deliveries.settled` is asked about it. */
export type ScheduleDay = { guildId: string; schedule: string; localDate: string };

/** How `deliveries.settled` names a day. */
export const settledKey = (guildId: string, schedule: string, localDate: string) =>
  `${guildId}\u0000${schedule}\u0000${localDate}`;
