import type { GuildSettings } from "../store/settings.js";
import { firstCronTime } from "./cron-time.js";
import { dueInstant } from "./next-run.js";

/** Where and when a server gets its post of the day, from its settings row or the env defaults. */
export type PotdSchedule = {
  guildId: string;
  channelId: string;
  timeZone: string;
  /** `{ time: "HH:MM" }` from /schedule, or `{ cron }` from POTD_CRON. */
  at: { time: string } | { cron: string };
  roleId: string | null;
  paused: boolean;
  source: "settings" | "env";
};

/** The one-server setup from the environment: POTD_CHANNEL_ID, POTD_CRON, POTD_TIMEZONE. */
export type EnvSchedule = {
  channelId: string;
  /** node-cron, five fields; default `0 9 * * *`. */
  cron: string;
  /** IANA zone; default `UTC`. */
  timeZone: string;
  /** The guild the channel belongs to; if omitted the env schedule applies when the bot is in exactly one guild. */
  guildId?: string;
};

/**
 * A settings row wins over the env defaults, even a row with no channel (switched off).
 * `onlyGuild`: the guild id when the shard holds exactly one guild.
 */
export function effectiveSchedule(
  guildId: string,
  settings: GuildSettings | undefined,
  env: EnvSchedule | undefined,
  onlyGuild?: string,
): PotdSchedule | undefined {
  if (settings) {
    if (settings.channelId === null) return undefined;
    return {
      guildId,
      channelId: settings.channelId,
      timeZone: settings.timeZone,
      at: { time: settings.time },
      roleId: settings.roleId,
      paused: settings.paused,
      source: "settings",
    };
  }
  if (!env || (env.guildId ?? onlyGuild) !== guildId) return undefined;
  return {
    guildId,
    channelId: env.channelId,
    timeZone: env.timeZone,
    at: { cron: env.cron },
    roleId: null,
    paused: false,
    source: "env",
  };
}

/** When the post of local date `date` is due, or null if a cron schedule does not fire that day. */
export function dueAt(schedule: Pick<PotdSchedule, "at" | "timeZone">, date: string): Date | null {
  const time = "time" in schedule.at ? schedule.at.time : firstCronTime(schedule.at.cron, date);
  if (time === null) return null;
  // Every guild asks every minute: remember the answer (a few Intl calls) for the day.
  const key = `${date} ${time} ${schedule.timeZone}`;
  let due = dueCache.get(key);
  if (due === undefined) {
    if (dueCache.size > 10_000) dueCache.clear();
    due = dueInstant(date, time, schedule.timeZone).getTime();
    dueCache.set(key, due);
  }
  return new Date(due);
}

const dueCache = new Map<string, number>();
