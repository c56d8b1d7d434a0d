import type { Database } from "better-sqlite3";

/**
 * The schema, as numbered steps: step i brings `PRAGMA user_version` from i to i + 1.
 * Append only; never edit a step that has shipped.
 */
export const migrations: readonly ((db: Database) => void)[] = [
  (db) =>
    db.exec(`
      CREATE TABLE guild_settings (
        guild_id   TEXT PRIMARY KEY,
        -- NULL channel = post of the day switched off (a row still overrides the env default)
        channel_id TEXT,
        time       TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        timezone   TEXT NOT NULL,
        role_id    TEXT,
        paused     INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        last_error    TEXT,
        last_error_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE decks (
        guild_id TEXT PRIMARY KEY,
        seed     TEXT NOT NULL,
        cycle    INTEGER NOT NULL CHECK (cycle >= 0),
        shown    TEXT NOT NULL CHECK (json_valid(shown))
      ) STRICT;

      CREATE TABLE deliveries (
        guild_id    TEXT NOT NULL,
        local_date  TEXT NOT NULL,
        post_id     TEXT,
        status      TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
        claimed_at  TEXT,
        claim_owner TEXT,
        sent_at     TEXT,
        message_id  TEXT,
        channel_id  TEXT,
        error       TEXT,
        -- set on a retryable failure: when the same day's delivery may be tried again
        retry_at    TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        UNIQUE (guild_id, local_date)
      ) STRICT;
    `),
  // Leases and process identities (exactly once across processes), the first claim time (where the channel's
  // history is read from after a lost answer), and a status row for servers set up by the environment alone.
  (db) =>
    db.exec(`
      ALTER TABLE deliveries ADD COLUMN first_claimed_at TEXT;
      ALTER TABLE deliveries ADD COLUMN lease_until TEXT;
      ALTER TABLE deliveries ADD COLUMN claim_host TEXT;
      ALTER TABLE deliveries ADD COLUMN claim_pid INTEGER;
      UPDATE deliveries SET first_claimed_at = claimed_at;

      CREATE TABLE guild_status (
        guild_id      TEXT PRIMARY KEY,
        last_error    TEXT,
        last_error_at TEXT
      ) STRICT;
      INSERT INTO guild_status (guild_id, last_error, last_error_at)
        SELECT guild_id, last_error, last_error_at FROM guild_settings WHERE last_error IS NOT NULL;
    `),
  // Saved posts (/saved): the person's id and the post's id only, and when; the key serves "a person's posts".
  (db) =>
    db.exec(`
      CREATE TABLE saved_posts (
        user_id  TEXT NOT NULL,
        post_id  TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (user_id, post_id)
      ) STRICT;
    `),
];
