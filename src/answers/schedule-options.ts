import { ChannelType } from "discord.js";
import { currentLanguage, t } from "../i18n/translate.js";
import { headingProblem } from "../library/heading.js";
import { clip } from "../library/text.js";
import { isValidTime, isValidTimeZone } from "../scheduler/next-run.js";
import type { PotdSchedule } from "../scheduler/schedule.js";
import { type ChannelKind, DaysError, type PostSource, parseDays } from "../store/schedule-fields.js";
import type { SettingsPatch } from "../store/settings.js";
import { describePostSource } from "./post-source.js";
import { normalizeTime } from "./schedule-input.js";

/** What `/schedule add|edit` was given, as read from the interaction (absent options undefined). */
export type ScheduleOptions = {
  channel?: { id: string; type: ChannelType };
  time?: string;
  timezone?: string;
  days?: string;
  /** `none` clears it. */
  topic?: string;
  roleId?: string;
  /** Open a thread for each post (text and announcement channels). */
  threads?: boolean;
  crosspost?: boolean;
  /** `default` clears it. */
  template?: string;
  /** A choice of the command: Discord sends only `deck` or `on-this-day`. */
  source?: PostSource;
};

/**
 * The settings `/schedule add|edit` asks for, or the first thing wrong with them (which option, what to type).
 * `current`: the schedule being edited, whose channel kind the options change. `topics`: the collection's.
 */
export function schedulePatch(
  options: ScheduleOptions,
  current: Pick<PotdSchedule, "channelKind"> | undefined,
  topics: ReadonlySet<string>,
): { patch: SettingsPatch } | { error: string } {
  const patch: SettingsPatch = {};
  if (options.time !== undefined) {
    const time = normalizeTime(options.time);
    if (!isValidTime(time)) return { error: t("schedule.badTime", { time: clip(time, 20) }) };
    patch.time = time;
  }
  if (options.timezone !== undefined) {
    const zone = options.timezone.trim();
    if (!isValidTimeZone(zone)) return { error: t("schedule.badZone", { zone: clip(zone, 50) }) };
    patch.timeZone = zone;
  }
  if (options.days !== undefined) {
    try {
      patch.days = parseDays(options.days);
    } catch (error) {
      if (error instanceof DaysError) return { error: t("schedule.badDay", { word: error.word }) };
      throw error;
    }
  }
  if (options.topic !== undefined) {
    const topic = options.topic.trim().replace(/^#/, "").toLowerCase();
    if (topic === "none") patch.topic = null;
    else if (!topics.has(topic)) return { error: t("schedule.noTopic", { topic: clip(topic, 50) }) };
    else patch.topic = topic;
  }
  if (options.roleId !== undefined) patch.roleId = options.roleId;
  if (options.template !== undefined) {
    const template = options.template.trim();
    if (template.toLowerCase() === "default") patch.template = null;
    else {
      const error = headingTemplateError(template);
      if (error) return { error };
      patch.template = template;
    }
  }
  if (options.source !== undefined) patch.postSource = options.source;
  const kind = channelKind(options, current?.channelKind);
  if (typeof kind === "object") return kind;
  if (kind !== current?.channelKind) patch.channelKind = kind;
  if (options.channel) patch.channelId = options.channel.id;
  if (options.crosspost !== undefined) {
    if (options.crosspost && kind !== "announcement") return { error: t("schedule.crosspostElsewhere") };
    patch.crosspost = options.crosspost;
  } else if (kind !== "announcement" && current?.channelKind === "announcement") patch.crosspost = false;
  return { patch };
}

/** The kind of channel the options make: a forum channel posts forum posts; `threads` opens one per post. */
function channelKind(
  options: ScheduleOptions,
  current: ChannelKind | undefined,
): ChannelKind | { error: string } {
  const type = options.channel?.type;
  if (type === ChannelType.GuildForum) {
    if (options.threads) return { error: t("schedule.forumThreads") };
    return "forum";
  }
  const fromChannel: ChannelKind | undefined =
    type === ChannelType.GuildAnnouncement ? "announcement" : type === undefined ? undefined : "text";
  if (options.threads === true) return "thread";
  if (options.threads === false && current === "thread") return fromChannel ?? "text";
  return fromChannel ?? current ?? "text";
}

/** Why a heading template cannot be used, in the reader's language; undefined if it can. */
export function headingTemplateError(template: string): string | undefined {
  const found = headingProblem(template);
  if (!found) return undefined;
  const names = { date: "`{date}`", topic: "`{topic}`", title: "`{title}`" };
  switch (found.problem) {
    case "oneLine":
      return t("heading.oneLine");
    case "empty":
      return t("heading.empty");
    case "tooLong":
      return t("heading.tooLong", { length: found.length, max: found.max });
    case "unknownPlaceholder":
      return t("heading.unknownPlaceholder", { ...names, placeholder: `\`{${found.placeholder}}\`` });
    case "strayBrace":
      return t("heading.strayBrace", { ...names, open: "`{`", close: "`}`" });
    case "noDate":
      return t("heading.noDate", { date: names.date });
  }
}

/** `every day`, `weekdays`, or the days in the reader's language (`lun., mer., ven.`). */
export function describeDays(days: string | null): string {
  if (days === null) return t("days.everyDay");
  if (days === "mon,tue,wed,thu,fri") return t("days.weekdays");
  if (days === "sat,sun") return t("days.weekends");
  // English reads back what `days:` takes.
  if (currentLanguage() === "en") return days;
  return days
    .split(",")
    .map((day) => t("days.day", { day }))
    .join(", ");
}

/** `<#c> at 09:00 Europe/Paris, weekdays, topic cats, pinging @role, a thread per post`: one schedule in words. */
export function describeScheduleLine(schedule: PotdSchedule): string {
  const when = "time" in schedule.at ? schedule.at.time : t("schedule.lineCron", { cron: schedule.at.cron });
  const parts = [t("schedule.line", { channel: schedule.channelId, time: when, zone: schedule.timeZone })];
  if (schedule.days) parts.push(describeDays(schedule.days));
  if (schedule.topic) parts.push(t("schedule.lineTopic", { topic: schedule.topic }));
  if (schedule.roleId) parts.push(t("schedule.linePing", { role: schedule.roleId }));
  if (schedule.channelKind === "forum") parts.push(t("schedule.lineForum"));
  if (schedule.channelKind === "thread") parts.push(t("schedule.lineThread"));
  if (schedule.crosspost) parts.push(t("schedule.lineCrosspost"));
  if (schedule.template) parts.push(t("schedule.lineHeading", { heading: clip(schedule.template, 60) }));
  const source = describePostSource(schedule);
  if (source) parts.push(source);
  const line = parts.join(", ");
  return schedule.paused ? t("schedule.linePaused", { line }) : line;
}
