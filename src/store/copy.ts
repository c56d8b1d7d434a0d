import type Database from "better-sqlite3";
import type pg from "pg";
import { openDatabase } from "./open.js";
import { migratePostgres, transaction } from "./postgres-store.js";

/** The tables and columns that make a Curator store, the same in both schemas (after the same migrations). */
const TABLES = {
  guild_settings: [
    "guild_id",
    "schedule",
    "channel_id",
    "time",
    "timezone",
    "days",
    "topic",
    "role_id",
    "paused",
    "channel_kind",
    "crosspost",
    "template",
    "post_source",
    "created_at",
    "updated_at",
  ],
  guild_status: ["guild_id", "schedule", "last_error", "last_error_at"],
  decks: ["guild_id", "schedule", "seed", "cycle", "shown"],
  deliveries: [
    "guild_id",
    "schedule",
    "local_date",
    "post_id",
    "status",
    "claimed_at",
    "first_claimed_at",
    "claim_owner",
    "claim_host",
    "claim_pid",
    "lease_until",
    "sent_at",
    "message_id",
    "channel_id",
    "error",
    "retry_at",
    "attempts",
  ],
  saved_posts: ["user_id", "post_id", "saved_at"],
} as const;

export type CopySummary = Record<keyof typeof TABLES, number>;

/**
 * Copies a SQLite store into an empty PostgreSQL one (`npm run db:copy`), in one transaction: all of it or
 * nothing. Refuses a target that already holds any of it, so a copy never mixes two histories.
 */
export async function copySqliteToPostgres(sqlitePath: string, pool: pg.Pool): Promise<CopySummary> {
  const source: Database.Database = openDatabase(sqlitePath);
  try {
    await migratePostgres(pool);
    return await transaction(pool, async (client) => {
      for (const table of Object.keys(TABLES)) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
        if (Number(rows[0]?.n) > 0)
          throw new Error(
            `the PostgreSQL database already has rows in ${table}: copy only into an empty one`,
          );
      }
      const summary = {} as CopySummary;
      for (const [table, columns] of Object.entries(TABLES) as [keyof typeof TABLES, readonly string[]][]) {
        const rows = source.prepare(`SELECT ${columns.join(", ")} FROM ${table}`).all() as Record<
          string,
          unknown
        >[];
        const placeholders = columns.map((_, i) => `$${i + 1}`).join(", ");
        const insert = `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders})`;
        for (const row of rows)
          await client.query(
            insert,
            columns.map((c) => toPostgres(table, c, row[c])),
          );
        summary[table] = rows.length;
      }
      return summary;
    });
  } finally {
    source.close();
  }
}

/** SQLite keeps booleans as 0/1; everything else has the same form in both. */
function toPostgres(table: string, column: string, value: unknown): unknown {
  if (table === "guild_settings" && (column === "paused" || column === "crosspost")) return value === 1;
  return value;
}
