import { ChannelType } from "discord.js";
import { headingTemplateError } from "../library/heading.js";
import { clip } from "../library/text.js";
import { isValidTime, isValidTimeZone } from "../scheduler/next-run.js";
import type { PotdSchedule } from "../scheduler/schedule.js";
import { type ChannelKind, describeDays, type PostSource, parseDays } from "../store/schedule-fields.js";
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
    if (!isValidTime(time))
      return {
        error: `\`${clip(time, 20)}\` is not a time: use HH:MM, 24-hour, e.g. \`09:00\` or \`18:30\`.`,
      };
    patch.time = time;
  }
  if (options.timezone !== undefined) {
    const zone = options.timezone.trim();
    if (!isValidTimeZone(zone))
      return {
        error: `\`${clip(zone, 50)}\` is not a time zone. Start typing a city and pick one, e.g. \`Europe/Paris\`.`,
      };
    patch.timeZone = zone;
  }
  if (options.days !== undefined) {
    try {
      patch.days = parseDays(options.days);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  if (options.topic !== undefined) {
    const topic = options.topic.trim().replace(/^#/, "").toLowerCase();
    if (topic === "none") patch.topic = null;
    else if (!topics.has(topic))
      return { error: `No post has the topic \`${clip(topic, 50)}\`. Pick one from the list, or \`none\`.` };
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
    if (options.crosspost && kind !== "announcement")
      return {
        error:
          "Only a post in an announcement channel can be published to the servers that follow it: leave `crosspost` out, or pick an announcement channel.",
      };
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
    if (options.threads)
      return { error: "A forum channel already makes each post its own thread: leave `threads` out." };
    return "forum";
  }
  const fromChannel: ChannelKind | undefined =
    type === ChannelType.GuildAnnouncement ? "announcement" : type === undefined ? undefined : "text";
  if (options.threads === true) return "thread";
  if (options.threads === false && current === "thread") return fromChannel ?? "text";
  return fromChannel ?? current ?? "text";
}

/** `<#c> at 09:00 Europe/Paris, weekdays, topic cats, pinging @role, a thread per post`: one schedule in words. */
export function describeScheduleLine(schedule: PotdSchedule): string {
  const when = "time" in schedule.at ? schedule.at.time : `cron \`${schedule.at.cron}\``;
  const parts = [`<#${schedule.channelId}> at ${when} ${schedule.timeZone}`];
  if (schedule.days) parts.push(describeDays(schedule.days));
  if (schedule.topic) parts.push(`topic \`${schedule.topic}\``);
  if (schedule.roleId) parts.push(`pinging <@&${schedule.roleId}>`);
  if (schedule.channelKind === "forum") parts.push("a forum post a day");
  if (schedule.channelKind === "thread") parts.push("a thread per post");
  if (schedule.crosspost) parts.push("published to followers");
  if (schedule.template) parts.push(`heading \`${clip(schedule.template, 60)}\``);
  const source = describePostSource(schedule);
  if (source) parts.push(source);
  return `${parts.join(", ")}${schedule.paused ? " (paused)" : ""}`;
}
