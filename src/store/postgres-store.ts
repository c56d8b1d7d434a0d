import pg from "pg";
import type { DeckHistory } from "../library/potd.js";
import { newScheduleDeck } from "./deck.js";
import { type ClaimResult, type Delivery, type DeliveryRow, deliveryFromRow, leaseOf } from "./deliveries.js";
import { type PostStore, settledKey } from "./post-store.js";
import { postgresMigrations } from "./postgres-migrations.js";
import { postgresSavedPosts } from "./postgres-saved-posts.js";
import { DEFAULT_SCHEDULE } from "./schedule-fields.js";
import {
  nextSettings,
  SETTINGS_COLUMNS,
  SETTINGS_FROM,
  type SettingsRow,
  settingsFromRow,
} from "./settings.js";

/** Raised when the database was written by a newer Curator (the same rule as SQLite's SchemaTooNewError). */
export class PostgresSchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `the PostgreSQL database has schema version ${found} but this Curator knows only up to ${known}: ` +
        "it was written by a newer Curator. Upgrade Curator, or point DATABASE_URL at another database.",
    );
    this.name = "PostgresSchemaTooNewError";
  }
}

type Queryable = pg.Pool | pg.PoolClient;

const SETTINGS = `SELECT ${SETTINGS_COLUMNS.replace("s.paused", "s.paused::int AS paused").replace(
  "s.crosspost",
  "s.crosspost::int AS crosspost",
)} ${SETTINGS_FROM}`;

/** Opens the store at `url` (postgres://…) and brings its schema up to date. */
export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<PostStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return postgresStore(pool);
}

/** Runs the numbered migrations not yet applied, one process at a time (an advisory lock). */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  return transaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('curator:migrate'))");
    await client.query("CREATE TABLE IF NOT EXISTS curator_schema (version INTEGER NOT NULL)");
    const found = (await client.query<{ version: number }>("SELECT version FROM curator_schema")).rows[0];
    const version = found?.version ?? 0;
    if (version > postgresMigrations.length)
      throw new PostgresSchemaTooNewError(version, postgresMigrations.length);
    for (let v = version; v < postgresMigrations.length; v++) await client.query(postgresMigrations[v]!);
    if (!found)
      await client.query("INSERT INTO curator_schema (version) VALUES ($1)", [postgresMigrations.length]);
    else await client.query("UPDATE curator_schema SET version = $1", [postgresMigrations.length]);
    return postgresMigrations.length;
  });
}

export function postgresStore(pool: pg.Pool): PostStore {
  // The leader holds a session lock on a connection of its own: if the process dies, the server drops the
  // connection and the lock with it, and a standby's next try wins.
  let leaderClient: pg.PoolClient | undefined;
  async function isLeader(): Promise<boolean> {
    if (leaderClient) {
      try {
        await leaderClient.query("SELECT 1");
        return true;
      } catch {
        leaderClient.release(true);
        leaderClient = undefined;
      }
    }
    const client = await pool.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('curator:scheduler')) AS locked",
    );
    if (rows[0]?.locked) {
      leaderClient = client;
      return true;
    }
    client.release();
    return false;
  }

  const one = async <T extends pg.QueryResultRow>(q: Queryable, sql: string, params: unknown[]) =>
    (await q.query<T>(sql, params)).rows[0];

  const D = DEFAULT_SCHEDULE;
  const getSettings = async (q: Queryable, guildId: string, name = D) => {
    const row = await one<SettingsRow>(q, `${SETTINGS} WHERE s.guild_id = $1 AND s.schedule = $2`, [
      guildId,
      name,
    ]);
    return row && settingsFromRow(row);
  };
  const getDelivery = async (q: Queryable, guildId: string, localDate: string, schedule = D) => {
    const row = await one<DeliveryRow>(
      q,
      "SELECT * FROM deliveries WHERE guild_id = $1 AND schedule = $2 AND local_date = $3",
      [guildId, schedule, localDate],
    );
    return row && deliveryFromRow(row);
  };
  const getDeck = async (q: Queryable, guildId: string, name = D): Promise<DeckHistory> => {
    const row = await one<{ seed: string; cycle: number; shown: string[] }>(
      q,
      "SELECT seed, cycle, shown FROM decks WHERE guild_id = $1 AND schedule = $2",
      [guildId, name],
    );
    return row ? { seed: row.seed, cycle: row.cycle, shown: row.shown } : newScheduleDeck(guildId, name);
  };
  const saveDeck = (q: Queryable, guildId: string, deck: DeckHistory, name = D) =>
    q.query(
      `INSERT INTO decks (guild_id, schedule, seed, cycle, shown) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (guild_id, schedule) DO UPDATE SET seed = excluded.seed, cycle = excluded.cycle,
         shown = excluded.shown`,
      [guildId, name, deck.seed, deck.cycle, JSON.stringify(deck.shown)],
    );
  const updateSettings: PostStore["settings"]["update"] = (guildId, patch, now, defaults, name = D) =>
    transaction(pool, async (client) => {
      await lockGuild(client, guildId);
      const next = nextSettings(await getSettings(client, guildId, name), patch, defaults);
      await client.query(
        `INSERT INTO guild_settings (guild_id, schedule, channel_id, time, timezone, days, topic, role_id, paused,
           channel_kind, crosspost, template, post_source, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $13, $13)
         ON CONFLICT (guild_id, schedule) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
           timezone = excluded.timezone, days = excluded.days, topic = excluded.topic, role_id = excluded.role_id,
           paused = excluded.paused, channel_kind = excluded.channel_kind, crosspost = excluded.crosspost,
           template = excluded.template, post_source = excluded.post_source, updated_at = excluded.updated_at`,
        [
          guildId,
          name,
          next.channelId,
          next.time,
          next.timeZone,
          next.days,
          next.topic,
          next.roleId,
          next.paused,
          next.channelKind,
          next.crosspost,
          next.template,
          now.toISOString(),
          next.postSource,
        ],
      );
      return (await getSettings(client, guildId, name))!;
    });
  const changed = async (sql: string, params: unknown[]) =>
    ((await pool.query(sql, params)).rowCount ?? 0) === 1;

  return {
    label: "postgres",
    settings: {
      get: (guildId, name) => getSettings(pool, guildId, name),
      list: async (guildId) =>
        (
          await pool.query<SettingsRow>(`${SETTINGS} WHERE s.guild_id = $1 ORDER BY s.schedule`, [guildId])
        ).rows.map(settingsFromRow),
      all: async () =>
        (await pool.query<SettingsRow>(`${SETTINGS} ORDER BY s.guild_id, s.schedule`)).rows.map(
          settingsFromRow,
        ),
      update: updateSettings,
      switchOff: (guildId, now, defaults, name) =>
        updateSettings(guildId, { channelId: null }, now, defaults, name),
      remove: (guildId, name) =>
        transaction(pool, async (client) => {
          await lockGuild(client, guildId);
          const removed = await client.query(
            "DELETE FROM guild_settings WHERE guild_id = $1 AND schedule = $2",
            [guildId, name],
          );
          await client.query("DELETE FROM guild_status WHERE guild_id = $1 AND schedule = $2", [
            guildId,
            name,
          ]);
          await client.query("DELETE FROM decks WHERE guild_id = $1 AND schedule = $2", [guildId, name]);
          return removed.rowCount === 1;
        }),
      async recordError(guildId, error, now, name = D) {
        await pool.query(
          `INSERT INTO guild_status (guild_id, schedule, last_error, last_error_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (guild_id, schedule) DO UPDATE SET last_error = excluded.last_error,
             last_error_at = excluded.last_error_at`,
          [guildId, name, error, error === null ? null : now.toISOString()],
        );
      },
      async lastError(guildId, name = D) {
        const row = await one<{ last_error: string | null; last_error_at: string | null }>(
          pool,
          "SELECT last_error, last_error_at FROM guild_status WHERE guild_id = $1 AND schedule = $2",
          [guildId, name],
        );
        return row?.last_error && row.last_error_at
          ? { message: row.last_error, at: row.last_error_at }
          : null;
      },
    },
    decks: { get: (guildId, name) => getDeck(pool, guildId, name) },
    deliveries: {
      get: (guildId, localDate, schedule) => getDelivery(pool, guildId, localDate, schedule),
      async settled(days) {
        const { rows } = await pool.query<{ guild_id: string; schedule: string; local_date: string }>(
          `SELECT d.guild_id, d.schedule, d.local_date
           FROM unnest($1::text[], $2::text[], $3::text[]) AS day(guild_id, schedule, local_date)
           JOIN deliveries AS d USING (guild_id, schedule, local_date) WHERE d.status IN ('sent', 'skipped')`,
          [days.map((d) => d.guildId), days.map((d) => d.schedule), days.map((d) => d.localDate)],
        );
        return new Set(rows.map((row) => settledKey(row.guild_id, row.schedule, row.local_date)));
      },
      async recent(guildId, limit = 7, schedule = D) {
        const rows = await pool.query<DeliveryRow>(
          "SELECT * FROM deliveries WHERE guild_id = $1 AND schedule = $2 ORDER BY local_date DESC LIMIT $3",
          [guildId, schedule, limit],
        );
        return rows.rows.map(deliveryFromRow);
      },
      claim: (args) =>
        transaction(pool, async (client): Promise<ClaimResult> => {
          const schedule = args.schedule ?? D;
          // One claimer per server at a time: the deck is read, advanced and saved with the claim.
          await lockGuild(client, args.guildId);
          const existing = await getDelivery(client, args.guildId, args.localDate, schedule);
          if (existing) return { claimed: false, reason: "exists", delivery: existing };
          const pick = args.choose(await getDeck(client, args.guildId, schedule));
          if (!pick) return { claimed: false, reason: "empty" };
          const lease = leaseOf(args.owner, args.now, args.leaseMs);
          await client.query(
            `INSERT INTO deliveries (guild_id, schedule, local_date, post_id, status, claimed_at, first_claimed_at,
               claim_owner, claim_host, claim_pid, lease_until, channel_id, attempts)
             VALUES ($1, $2, $3, $4, 'claimed', $5, $5, $6, $7, $8, $9, $10, 1)`,
            [
              args.guildId,
              schedule,
              args.localDate,
              pick.post.id,
              lease.now,
              lease.owner,
              lease.host,
              lease.pid,
              lease.leaseUntil,
              args.channelId,
            ],
          );
          await saveDeck(client, args.guildId, pick.history, schedule);
          return {
            claimed: true,
            delivery: (await getDelivery(client, args.guildId, args.localDate, schedule))!,
          };
        }),
      retakeFailed: (args) =>
        transaction(pool, async (client) => {
          const schedule = args.schedule ?? D;
          const lease = leaseOf(args.owner, args.now, args.leaseMs);
          const result = await client.query(
            `UPDATE deliveries SET status = 'claimed', claimed_at = $3, claim_owner = $4, claim_host = $5,
               claim_pid = $6, lease_until = $7, channel_id = $8, attempts = attempts + 1, retry_at = NULL,
               first_claimed_at = COALESCE(first_claimed_at, claimed_at, $3)
             WHERE guild_id = $1 AND local_date = $2 AND schedule = $9 AND status = 'failed'
               AND retry_at IS NOT NULL AND retry_at <= $3`,
            [
              args.guildId,
              args.localDate,
              lease.now,
              lease.owner,
              lease.host,
              lease.pid,
              lease.leaseUntil,
              args.channelId,
              schedule,
            ],
          );
          if (result.rowCount !== 1) return false;
          // A permanent failure gave the post back to the deck; sending it after all takes it again.
          const postId = (await getDelivery(client, args.guildId, args.localDate, schedule))?.postId;
          const deck = await getDeck(client, args.guildId, schedule);
          if (postId && !deck.shown.includes(postId))
            await saveDeck(client, args.guildId, { ...deck, shown: [...deck.shown, postId] }, schedule);
          return true;
        }),
      retrySoon: (guildId, localDate, now, schedule = D) =>
        changed(
          `UPDATE deliveries SET retry_at = $3
           WHERE guild_id = $1 AND local_date = $2 AND schedule = $4 AND status = 'failed'`,
          [guildId, localDate, now.toISOString(), schedule],
        ),
      retakeStale({ delivery, owner, now, leaseMs }) {
        const lease = leaseOf(owner, now, leaseMs);
        return changed(
          `UPDATE deliveries SET claimed_at = $3, claim_owner = $4, claim_host = $5, claim_pid = $6,
             lease_until = $7, attempts = attempts + 1, first_claimed_at = COALESCE(first_claimed_at, claimed_at)
           WHERE guild_id = $1 AND local_date = $2 AND schedule = $10 AND status = 'claimed'
             AND claim_owner IS NOT DISTINCT FROM $8 AND claimed_at IS NOT DISTINCT FROM $9`,
          [
            delivery.guildId,
            delivery.localDate,
            lease.now,
            lease.owner,
            lease.host,
            lease.pid,
            lease.leaseUntil,
            delivery.claimOwner,
            delivery.claimedAt,
            delivery.schedule,
          ],
        );
      },
      endLease: ({ guildId, localDate, owner, now, schedule = D }) =>
        changed(
          `UPDATE deliveries SET lease_until = $3
           WHERE guild_id = $1 AND local_date = $2 AND schedule = $5 AND status = 'claimed' AND claim_owner = $4`,
          [guildId, localDate, now.toISOString(), owner.id, schedule],
        ),
      markSent: ({ guildId, localDate, messageId, now, schedule = D }) =>
        changed(
          `UPDATE deliveries SET status = 'sent', sent_at = $3, message_id = $4, error = NULL, retry_at = NULL
           WHERE guild_id = $1 AND local_date = $2 AND schedule = $5 AND status IN ('claimed', 'failed')`,
          [guildId, localDate, now.toISOString(), messageId, schedule],
        ),
      markFailed: (args) =>
        transaction(pool, async (client) => {
          const schedule = args.schedule ?? D;
          const result = await client.query(
            `UPDATE deliveries SET status = 'failed', error = $3, retry_at = $4
             WHERE guild_id = $1 AND local_date = $2 AND schedule = $6 AND status = 'claimed' AND claim_owner = $5`,
            [
              args.guildId,
              args.localDate,
              args.error,
              args.retryAt?.toISOString() ?? null,
              args.owner.id,
              schedule,
            ],
          );
          const delivery = await getDelivery(client, args.guildId, args.localDate, schedule);
          if (result.rowCount === 1 && args.retryAt === null && delivery?.postId) {
            const deck = await getDeck(client, args.guildId, schedule);
            await saveDeck(
              client,
              args.guildId,
              { ...deck, shown: deck.shown.filter((id) => id !== delivery.postId) },
              schedule,
            );
          }
          return result.rowCount === 1;
        }),
      async skip(guildId, localDate, schedule = D) {
        await pool.query(
          `INSERT INTO deliveries (guild_id, schedule, local_date, status) VALUES ($1, $2, $3, 'skipped')
           ON CONFLICT (guild_id, schedule, local_date) DO UPDATE SET status = 'skipped', retry_at = NULL
           WHERE deliveries.status = 'failed'`,
          [guildId, schedule, localDate],
        );
        return (await getDelivery(pool, guildId, localDate, schedule))?.status === "skipped";
      },
    },
    saved: postgresSavedPosts(pool),
    isLeader,
    ping: async () => {
      await pool.query("SELECT 1");
    },
    close: async () => {
      leaderClient?.release(true);
      await pool.end();
    },
  };
}

async function lockGuild(client: pg.PoolClient, guildId: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('curator:guild:' || $1))", [guildId]);
}

/** Runs `work` in one transaction on a pooled connection: all of it or none. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export type { Delivery };
