import type { Database } from "better-sqlite3";

/** A server's post-of-the-day configuration. A row, once written, wins over the env defaults. */
export type GuildSettings = {
  guildId: string;
  /** `null`: post of the day switched off for this server. */
  channelId: string | null;
  /** `HH:MM`, local to `timeZone`. */
  time: string;
  /** IANA zone, validated by the caller (`isValidTimeZone`). */
  timeZone: string;
  roleId: string | null;
  paused: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SettingsPatch = Partial<
  Pick<GuildSettings, "channelId" | "time" | "timeZone" | "roleId" | "paused">
>;

type Row = {
  guild_id: string;
  channel_id: string | null;
  time: string;
  timezone: string;
  role_id: string | null;
  paused: number;
  last_error: string | null;
  last_error_at: string | null;
  created_at: string;
  updated_at: string;
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function settingsRepository(db: Database) {
  // The last error lives in guild_status: a server set up by POTD_CHANNEL_ID alone has no settings row to hold it.
  const columns = `s.guild_id, s.channel_id, s.time, s.timezone, s.role_id, s.paused, s.created_at, s.updated_at,
    e.last_error, e.last_error_at FROM guild_settings s LEFT JOIN guild_status e ON e.guild_id = s.guild_id`;
  const select = db.prepare<[string], Row>(`SELECT ${columns} WHERE s.guild_id = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${columns} ORDER BY s.guild_id`);
  const selectError = db.prepare<[string], { last_error: string | null; last_error_at: string | null }>(
    "SELECT last_error, last_error_at FROM guild_status WHERE guild_id = ?",
  );
  const upsert = db.prepare(`
    INSERT INTO guild_settings (guild_id, channel_id, time, timezone, role_id, paused, created_at, updated_at)
    VALUES (@guildId, @channelId, @time, @timeZone, @roleId, @paused, @now, @now)
    ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
      timezone = excluded.timezone, role_id = excluded.role_id, paused = excluded.paused, updated_at = excluded.updated_at
  `);
  const setError = db.prepare(`
    INSERT INTO guild_status (guild_id, last_error, last_error_at) VALUES (@guildId, @error, @at)
    ON CONFLICT (guild_id) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at
  `);

  function get(guildId: string): GuildSettings | undefined {
    const row = select.get(guildId);
    return row && settingsFromRow(row);
  }

  return {
    get,
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
    ): GuildSettings {
      return db.transaction(() => {
        const next = nextSettings(get(guildId), patch, defaults);
        upsert.run({ ...next, guildId, paused: next.paused ? 1 : 0, now: now.toISOString() });
        return get(guildId)!;
      })();
    },
    /** Keeps the row (so env defaults do not switch it back on) with no channel. */
    switchOff(guildId: string, now: Date, defaults: { time: string; timeZone: string }): GuildSettings {
      return this.update(guildId, { channelId: null }, now, defaults);
    },
    /** Works with or without a settings row (a server set up by the environment has none). */
    recordError(guildId: string, error: string | null, now: Date): void {
      setError.run({ guildId, error, at: error === null ? null : now.toISOString() });
    },
    lastError(guildId: string): { message: string; at: string } | null {
      const row = selectError.get(guildId);
      return row?.last_error && row.last_error_at ? { message: row.last_error, at: row.last_error_at } : null;
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;

/** A server's settings after `patch`: a new row takes its missing fields from `defaults`. Both stores use it. */
export function nextSettings(
  current: GuildSettings | undefined,
  patch: SettingsPatch,
  defaults: { channelId?: string | null; time: string; timeZone: string },
): Pick<GuildSettings, "channelId" | "time" | "timeZone" | "roleId" | "paused"> {
  const base = current ?? {
    channelId: defaults.channelId ?? null,
    time: defaults.time,
    timeZone: defaults.timeZone,
    roleId: null,
    paused: false,
  };
  const next = { ...pick(base), ...withoutUndefined(patch) };
  if (!HH_MM.test(next.time)) throw new RangeError(`time must be HH:MM (00:00-23:59), got ${next.time}`);
  return next;
}

function pick(s: Pick<GuildSettings, "channelId" | "time" | "timeZone" | "roleId" | "paused">) {
  return { channelId: s.channelId, time: s.time, timeZone: s.timeZone, roleId: s.roleId, paused: s.paused };
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type SettingsRow = Row;

export function settingsFromRow(row: Row): GuildSettings {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    timeZone: row.timezone,
    roleId: row.role_id,
    paused: row.paused === 1,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
