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
  const select = db.prepare<[string], Row>("SELECT * FROM guild_settings WHERE guild_id = ?");
  const selectAll = db.prepare<[], Row>("SELECT * FROM guild_settings ORDER BY guild_id");
  const upsert = db.prepare(`
    INSERT INTO guild_settings (guild_id, channel_id, time, timezone, role_id, paused, created_at, updated_at)
    VALUES (@guildId, @channelId, @time, @timeZone, @roleId, @paused, @now, @now)
    ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
      timezone = excluded.timezone, role_id = excluded.role_id, paused = excluded.paused, updated_at = excluded.updated_at
  `);
  const setError = db.prepare(
    "UPDATE guild_settings SET last_error = ?, last_error_at = ? WHERE guild_id = ?",
  );

  function get(guildId: string): GuildSettings | undefined {
    const row = select.get(guildId);
    return row && fromRow(row);
  }

  return {
    get,
    all: (): GuildSettings[] => selectAll.all().map(fromRow),
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
        const current = get(guildId);
        const base = current ?? {
          channelId: defaults.channelId ?? null,
          time: defaults.time,
          timeZone: defaults.timeZone,
          roleId: null,
          paused: false,
        };
        const next = { ...base, ...withoutUndefined(patch) };
        if (!HH_MM.test(next.time))
          throw new RangeError(`time must be HH:MM (00:00-23:59), got ${next.time}`);
        upsert.run({ ...next, guildId, paused: next.paused ? 1 : 0, now: now.toISOString() });
        return get(guildId)!;
      })();
    },
    /** Keeps the row (so env defaults do not switch it back on) with no channel. */
    switchOff(guildId: string, now: Date, defaults: { time: string; timeZone: string }): GuildSettings {
      return this.update(guildId, { channelId: null }, now, defaults);
    },
    recordError(guildId: string, error: string | null, now: Date): void {
      setError.run(error, error === null ? null : now.toISOString(), guildId);
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function fromRow(row: Row): GuildSettings {
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
