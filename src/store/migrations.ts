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
  // Several schedules per server: every table keyed by (server, schedule name). Each server's one schedule, its
  // deck, its delivery log and its last error become the schedule `daily`, so the day already sent stays sent.
  (db) =>
    db.exec(`
      CREATE TABLE guild_settings_v3 (
        guild_id     TEXT NOT NULL,
        schedule     TEXT NOT NULL,
        channel_id   TEXT,
        time         TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        timezone     TEXT NOT NULL,
        days         TEXT,
        topic        TEXT,
        role_id      TEXT,
        paused       INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        channel_kind TEXT NOT NULL DEFAULT 'text'
          CHECK (channel_kind IN ('text', 'announcement', 'forum', 'thread')),
        crosspost    INTEGER NOT NULL DEFAULT 0 CHECK (crosspost IN (0, 1)),
        template     TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (guild_id, schedule)
      ) STRICT;
      INSERT INTO guild_settings_v3 (guild_id, schedule, channel_id, time, timezone, role_id, paused, created_at,
          updated_at)
        SELECT guild_id, 'daily', channel_id, time, timezone, role_id, paused, created_at, updated_at
        FROM guild_settings;
      DROP TABLE guild_settings;
      ALTER TABLE guild_settings_v3 RENAME TO guild_settings;

      CREATE TABLE guild_status_v3 (
        guild_id      TEXT NOT NULL,
        schedule      TEXT NOT NULL,
        last_error    TEXT,
        last_error_at TEXT,
        PRIMARY KEY (guild_id, schedule)
      ) STRICT;
      INSERT INTO guild_status_v3 SELECT guild_id, 'daily', last_error, last_error_at FROM guild_status;
      DROP TABLE guild_status;
      ALTER TABLE guild_status_v3 RENAME TO guild_status;

      CREATE TABLE decks_v3 (
        guild_id TEXT NOT NULL,
        schedule TEXT NOT NULL,
        seed     TEXT NOT NULL,
        cycle    INTEGER NOT NULL CHECK (cycle >= 0),
        shown    TEXT NOT NULL CHECK (json_valid(shown)),
        PRIMARY KEY (guild_id, schedule)
      ) STRICT;
      INSERT INTO decks_v3 SELECT guild_id, 'daily', seed, cycle, shown FROM decks;
      DROP TABLE decks;
      ALTER TABLE decks_v3 RENAME TO decks;

      CREATE TABLE deliveries_v3 (
        guild_id         TEXT NOT NULL,
        schedule         TEXT NOT NULL,
        local_date       TEXT NOT NULL,
        post_id          TEXT,
        status           TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
        claimed_at       TEXT,
        first_claimed_at TEXT,
        claim_owner      TEXT,
        claim_host       TEXT,
        claim_pid        INTEGER,
        lease_until      TEXT,
        sent_at          TEXT,
        message_id       TEXT,
        channel_id       TEXT,
        error            TEXT,
        retry_at         TEXT,
        attempts         INTEGER NOT NULL DEFAULT 0,
        UNIQUE (guild_id, schedule, local_date)
      ) STRICT;
      INSERT INTO deliveries_v3 (guild_id, schedule, local_date, post_id, status, claimed_at, first_claimed_at,
          claim_owner, claim_host, claim_pid, lease_until, sent_at, message_id, channel_id, error, retry_at, attempts)
        SELECT guild_id, 'daily', local_date, post_id, status, claimed_at, first_claimed_at, claim_owner, claim_host,
          claim_pid, lease_until, sent_at, message_id, channel_id, error, retry_at, attempts
        FROM deliveries;
      DROP TABLE deliveries;
      ALTER TABLE deliveries_v3 RENAME TO deliveries;
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
  // Where a schedule's post comes from: its deck (every schedule so far) or "on this day" in earlier years.
  (db) =>
    db.exec(`
      ALTER TABLE guild_settings ADD COLUMN post_source TEXT NOT NULL DEFAULT 'deck'
        CHECK (post_source IN ('deck', 'on-this-day'));
    `),
];
