import type { ChannelKind, PostSource } from "../store/schedule-fields.js";
import { DEFAULT_SCHEDULE, PLAIN_OPTIONS, postsOn } from "../store/schedule-fields.js";
import type { GuildSettings } from "../store/settings.js";
import { firstCronTime } from "./cron-time.js";
import { dueInstant } from "./next-run.js";

/** Where and when one of a server's schedules posts, from its settings row or the env defaults. */
export type PotdSchedule = {
  guildId: string;
  /** Unique in the server; `daily` for the env schedule and for every server's schedule before names. */
  name: string;
  channelId: string;
  timeZone: string;
  /** `{ time: "HH:MM" }` from /schedule, or `{ cron }` from POTD_CRON. */
  at: { time: string } | { cron: string };
  /** Canonical `mon,wed,fri`, or null for every day (a cron chooses its days itself). */
  days: string | null;
  /** Only posts with this topic. */
  topic: string | null;
  roleId: string | null;
  paused: boolean;
  channelKind: ChannelKind;
  crosspost: boolean;
  /** The heading line's template; null for the default. */
  template: string | null;
  /** Where each day's post comes from (`deck`, or `on-this-day`: else the deck). */
  postSource: PostSource;
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
 * A server's schedules in force, by name. Its rows win; the env schedule is its `daily` schedule unless a row of
 * that name exists (even one with no channel: switched off). `onlyGuild`: the guild id when the shard holds
 * exactly one guild.
 */
export function effectiveSchedules(
  guildId: string,
  rows: readonly GuildSettings[],
  env: EnvSchedule | undefined,
  onlyGuild?: string,
): PotdSchedule[] {
  const schedules = rows.flatMap((row) => (row.channelId === null ? [] : [fromRow(row, row.channelId)]));
  const envApplies = env && (env.guildId ?? onlyGuild) === guildId;
  if (envApplies && !rows.some((r) => r.name === DEFAULT_SCHEDULE)) schedules.push(fromEnv(guildId, env));
  return schedules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function fromRow(row: GuildSettings, channelId: string): PotdSchedule {
  return {
    guildId: row.guildId,
    name: row.name,
    channelId,
    timeZone: row.timeZone,
    at: { time: row.time },
    days: row.days,
    topic: row.topic,
    roleId: row.roleId,
    paused: row.paused,
    channelKind: row.channelKind,
    crosspost: row.crosspost,
    template: row.template,
    postSource: row.postSource,
    source: "settings",
  };
}

function fromEnv(guildId: string, env: EnvSchedule): PotdSchedule {
  return {
    guildId,
    name: DEFAULT_SCHEDULE,
    channelId: env.channelId,
    timeZone: env.timeZone,
    at: { cron: env.cron },
    ...PLAIN_OPTIONS,
    source: "env",
  };
}

/**
 * When the post of local date `date` is due, or null if the schedule does not post that day (not one of its
 * days of the week, or a cron that does not fire).
 */
export function dueAt(
  schedule: Pick<PotdSchedule, "at" | "timeZone"> & { days?: string | null },
  date: string,
): Date | null {
  if (schedule.days && !postsOn(schedule.days, new Date(`${date}T00:00:00Z`).getUTCDay())) return null;
  const time = "time" in schedule.at ? schedule.at.time : firstCronTime(schedule.at.cron, date);
  if (time === null) return null;
  // Every schedule asks every minute: remember the answer (a few Intl calls) for the day.
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
