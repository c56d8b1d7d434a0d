import type { Database } from "better-sqlite3";
import {
  type ChannelKind,
  DEFAULT_SCHEDULE,
  isChannelKind,
  isPostSource,
  PLAIN_OPTIONS,
  type PostSource,
  parseDays,
} from "./schedule-fields.js";

/**
 * One of a server's post-of-the-day schedules, keyed by (server, short name). A server's rows, once written, win
 * over the env defaults (which act as its one schedule, named `daily`, while it has none).
 */
export type GuildSettings = {
  guildId: string;
  /** The schedule's short name, unique in its server. */
  name: string;
  /** `null`: this schedule is switched off. */
  channelId: string | null;
  /** `HH:MM`, local to `timeZone`. */
  time: string;
  /** IANA zone, validated by the caller (`isValidTimeZone`). */
  timeZone: string;
  /** Canonical `mon,wed,fri` (see `parseDays`), or null for every day. */
  days: string | null;
  /** Only posts with this topic, from a deck of their own. */
  topic: string | null;
  roleId: string | null;
  paused: boolean;
  channelKind: ChannelKind;
  /** Announcement channels: publish each post to the servers that follow the channel. */
  crosspost: boolean;
  /** The heading line, with `{date}`, `{topic}`, `{title}`; null for the default. */
  template: string | null;
  /** Where each day's post comes from: the deck, or on this day in earlier years (else the deck). */
  postSource: PostSource;
  lastError: string | null;
  lastErrorAt: string | null;
  createdAt: string;
  updatedAt: string;
};

type Fields =
  | "channelId"
  | "time"
  | "timeZone"
  | "days"
  | "topic"
  | "roleId"
  | "paused"
  | "channelKind"
  | "crosspost"
  | "template"
  | "postSource";
export type SettingsPatch = Partial<Pick<GuildSettings, Fields>>;

type Row = {
  guild_id: string;
  schedule: string;
  channel_id: string | null;
  time: string;
  timezone: string;
  days: string | null;
  topic: string | null;
  role_id: string | null;
  paused: number;
  channel_kind: ChannelKind;
  crosspost: number;
  template: string | null;
  post_source: PostSource;
  last_error: string | null;
  last_error_at: string | null;
  created_at: string;
  updated_at: string;
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The columns both stores read (`s` the schedule, `e` its status row). */
export const SETTINGS_COLUMNS = `s.guild_id, s.schedule, s.channel_id, s.time, s.timezone, s.days, s.topic, s.role_id,
  s.paused, s.channel_kind, s.crosspost, s.template, s.post_source, s.created_at, s.updated_at, e.last_error, e.last_error_at`;
export const SETTINGS_FROM =
  "FROM guild_settings s LEFT JOIN guild_status e ON e.guild_id = s.guild_id AND e.schedule = s.schedule";

export function settingsRepository(db: Database) {
  // The last error lives in guild_status: a server set up by POTD_CHANNEL_ID alone has no settings row to hold it.
  const base = `SELECT ${SETTINGS_COLUMNS} ${SETTINGS_FROM}`;
  const select = db.prepare<[string, string], Row>(`${base} WHERE s.guild_id = ? AND s.schedule = ?`);
  const selectGuild = db.prepare<[string], Row>(`${base} WHERE s.guild_id = ? ORDER BY s.schedule`);
  const selectAll = db.prepare<[], Row>(`${base} ORDER BY s.guild_id, s.schedule`);
  const selectError = db.prepare<
    [string, string],
    { last_error: string | null; last_error_at: string | null }
  >("SELECT last_error, last_error_at FROM guild_status WHERE guild_id = ? AND schedule = ?");
  const upsert = db.prepare(`
    INSERT INTO guild_settings (guild_id, schedule, channel_id, time, timezone, days, topic, role_id, paused,
      channel_kind, crosspost, template, post_source, created_at, updated_at)
    VALUES (@guildId, @name, @channelId, @time, @timeZone, @days, @topic, @roleId, @paused, @channelKind,
      @crosspost, @template, @postSource, @now, @now)
    ON CONFLICT (guild_id, schedule) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
      timezone = excluded.timezone, days = excluded.days, topic = excluded.topic, role_id = excluded.role_id,
      paused = excluded.paused, channel_kind = excluded.channel_kind, crosspost = excluded.crosspost,
      template = excluded.template, post_source = excluded.post_source, updated_at = excluded.updated_at
  `);
  const setError = db.prepare(`
    INSERT INTO guild_status (guild_id, schedule, last_error, last_error_at) VALUES (@guildId, @name, @error, @at)
    ON CONFLICT (guild_id, schedule) DO UPDATE SET last_error = excluded.last_error,
      last_error_at = excluded.last_error_at
  `);
  const deleteRows = [
    db.prepare("DELETE FROM guild_settings WHERE guild_id = ? AND schedule = ?"),
    db.prepare("DELETE FROM guild_status WHERE guild_id = ? AND schedule = ?"),
    db.prepare("DELETE FROM decks WHERE guild_id = ? AND schedule = ?"),
  ];

  function get(guildId: string, name = DEFAULT_SCHEDULE): GuildSettings | undefined {
    const row = select.get(guildId, name);
    return row && settingsFromRow(row);
  }

  return {
    get,
    /** A server's schedules, by name. */
    list: (guildId: string): GuildSettings[] => selectGuild.all(guildId).map(settingsFromRow),
    all: (): GuildSettings[] => selectAll.all().map(settingsFromRow),
    /**
     * Changes some fields, creating the row if needed; a new row takes its missing fields from `defaults`
     * (pass the env defaults so a server's first `/schedule` inherits them).
     */
    update(
      guildId: string,
      patch: SettingsPatch,
      now: Date,
      defaults: { channelId?: string | null; time: string; timeZone: string },
      name = DEFAULT_SCHEDULE,
    ): GuildSettings {
      return db.transaction(() => {
        const next = nextSettings(get(guildId, name), patch, defaults);
        upsert.run({ ...sqlValues(next), guildId, name, now: now.toISOString() });
        return get(guildId, name)!;
      })();
    },
    /** Keeps the row (so env defaults do not switch it back on) with no channel. */
    switchOff(
      guildId: string,
      now: Date,
      defaults: { time: string; timeZone: string },
      name = DEFAULT_SCHEDULE,
    ): GuildSettings {
      return this.update(guildId, { channelId: null }, now, defaults, name);
    },
    /** Removes a schedule, its deck and its last error; its delivery log stays (it is history). True if it was there. */
    remove(guildId: string, name: string): boolean {
      return db.transaction(() => {
        const changes = deleteRows.map((statement) => statement.run(guildId, name).changes);
        return changes[0] === 1;
      })();
    },
    /** Works with or without a settings row (a server set up by the environment has none). */
    recordError(guildId: string, error: string | null, now: Date, name = DEFAULT_SCHEDULE): void {
      setError.run({ guildId, name, error, at: error === null ? null : now.toISOString() });
    },
    lastError(guildId: string, name = DEFAULT_SCHEDULE): { message: string; at: string } | null {
      const row = selectError.get(guildId, name);
      return row?.last_error && row.last_error_at ? { message: row.last_error, at: row.last_error_at } : null;
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;

type Settable = Pick<GuildSettings, Fields>;

/** A schedule after `patch`: a new row takes its missing fields from `defaults`. Both stores use it. */
export function nextSettings(
  current: GuildSettings | undefined,
  patch: SettingsPatch,
  defaults: { channelId?: string | null; time: string; timeZone: string },
): Settable {
  const base: Settable = current ?? {
    channelId: defaults.channelId ?? null,
    time: defaults.time,
    timeZone: defaults.timeZone,
    ...PLAIN_OPTIONS,
  };
  const next = { ...pick(base), ...withoutUndefined(patch) };
  if (!HH_MM.test(next.time)) throw new RangeError(`time must be HH:MM (00:00-23:59), got ${next.time}`);
  if (!isChannelKind(next.channelKind)) throw new RangeError(`not a channel kind: ${next.channelKind}`);
  if (!isPostSource(next.postSource))
    throw new RangeError(`not a post source: ${next.postSource} (deck or on-this-day)`);
  // `weekdays`, `Mon, Fri`: stored in the one spelling the scheduler reads.
  return { ...next, days: next.days === null ? null : parseDays(next.days) };
}

/** SQLite has no booleans; PostgreSQL takes these too (its columns are integers for the same reason). */
export function sqlValues(s: Settable) {
  return { ...s, paused: s.paused ? 1 : 0, crosspost: s.crosspost ? 1 : 0 };
}

function pick(s: Settable): Settable {
  return {
    channelId: s.channelId,
    time: s.time,
    timeZone: s.timeZone,
    days: s.days,
    topic: s.topic,
    roleId: s.roleId,
    paused: s.paused,
    channelKind: s.channelKind,
    crosspost: s.crosspost,
    template: s.template,
    postSource: s.postSource,
  };
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type SettingsRow = Row;

export function settingsFromRow(row: Row): GuildSettings {
  return {
    guildId: row.guild_id,
    name: row.schedule,
    channelId: row.channel_id,
    time: row.time,
    timeZone: row.timezone,
    days: row.days,
    topic: row.topic,
    roleId: row.role_id,
    paused: row.paused === 1,
    channelKind: row.channel_kind,
    crosspost: row.crosspost === 1,
    template: row.template,
    postSource: row.post_source,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
