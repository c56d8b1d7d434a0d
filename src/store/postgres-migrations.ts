/**
 * The PostgreSQL schema, numbered like SQLite's (src/store/migrations.ts): step i brings the version from i to
 * i + 1, and both stores are at the same version after the same steps. Timestamps are ISO 8601 text, as in
 * SQLite, so both compare them the same way. Append only; never edit a step that has shipped.
 */
export const postgresMigrations: readonly string[] = [
  `
  CREATE TABLE guild_settings (
    guild_id   TEXT PRIMARY KEY,
    channel_id TEXT,
    time       TEXT NOT NULL CHECK (time ~ '^[0-2][0-9]:[0-5][0-9]$'),
    timezone   TEXT NOT NULL,
    role_id    TEXT,
    paused     BOOLEAN NOT NULL DEFAULT false,
    last_error    TEXT,
    last_error_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE decks (
    guild_id TEXT PRIMARY KEY,
    seed     TEXT NOT NULL,
    cycle    INTEGER NOT NULL CHECK (cycle >= 0),
    shown    JSONB NOT NULL
  );
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
    retry_at    TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (guild_id, local_date)
  );
  `,
  `
  ALTER TABLE deliveries ADD COLUMN first_claimed_at TEXT;
  ALTER TABLE deliveries ADD COLUMN lease_until TEXT;
  ALTER TABLE deliveries ADD COLUMN claim_host TEXT;
  ALTER TABLE deliveries ADD COLUMN claim_pid INTEGER;
  UPDATE deliveries SET first_claimed_at = claimed_at;
  CREATE TABLE guild_status (
    guild_id      TEXT PRIMARY KEY,
    last_error    TEXT,
    last_error_at TEXT
  );
  INSERT INTO guild_status (guild_id, last_error, last_error_at)
    SELECT guild_id, last_error, last_error_at FROM guild_settings WHERE last_error IS NOT NULL;
  `,
  `
  ALTER TABLE guild_settings ADD COLUMN schedule TEXT NOT NULL DEFAULT 'daily';
  ALTER TABLE guild_settings ALTER COLUMN schedule DROP DEFAULT;
  ALTER TABLE guild_settings ADD COLUMN days TEXT;
  ALTER TABLE guild_settings ADD COLUMN topic TEXT;
  ALTER TABLE guild_settings ADD COLUMN channel_kind TEXT NOT NULL DEFAULT 'text'
    CHECK (channel_kind IN ('text', 'announcement', 'forum', 'thread'));
  ALTER TABLE guild_settings ADD COLUMN crosspost BOOLEAN NOT NULL DEFAULT false;
  ALTER TABLE guild_settings ADD COLUMN template TEXT;
  ALTER TABLE guild_settings DROP COLUMN last_error;
  ALTER TABLE guild_settings DROP COLUMN last_error_at;
  ALTER TABLE guild_settings DROP CONSTRAINT guild_settings_pkey;
  ALTER TABLE guild_settings ADD PRIMARY KEY (guild_id, schedule);

  ALTER TABLE guild_status ADD COLUMN schedule TEXT NOT NULL DEFAULT 'daily';
  ALTER TABLE guild_status ALTER COLUMN schedule DROP DEFAULT;
  ALTER TABLE guild_status DROP CONSTRAINT guild_status_pkey;
  ALTER TABLE guild_status ADD PRIMARY KEY (guild_id, schedule);

  ALTER TABLE decks ADD COLUMN schedule TEXT NOT NULL DEFAULT 'daily';
  ALTER TABLE decks ALTER COLUMN schedule DROP DEFAULT;
  ALTER TABLE decks DROP CONSTRAINT decks_pkey;
  ALTER TABLE decks ADD PRIMARY KEY (guild_id, schedule);

  ALTER TABLE deliveries ADD COLUMN schedule TEXT NOT NULL DEFAULT 'daily';
  ALTER TABLE deliveries ALTER COLUMN schedule DROP DEFAULT;
  ALTER TABLE deliveries DROP CONSTRAINT deliveries_guild_id_local_date_key;
  ALTER TABLE deliveries ADD CONSTRAINT deliveries_guild_schedule_date_key UNIQUE (guild_id, schedule, local_date);
  `,
  `
  CREATE TABLE saved_posts (
    user_id  TEXT NOT NULL,
    post_id  TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (user_id, post_id)
  );
  `,
  `
  ALTER TABLE guild_settings ADD COLUMN post_source TEXT NOT NULL DEFAULT 'deck'
    CHECK (post_source IN ('deck', 'on-this-day'));
  `,
];
