import type { APIEmbedField } from "discord.js";
import { postTitle } from "../discord/render-post.js";
import { COLORS, NO_MENTIONS, type Reply } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import type { Post } from "../library/post.js";
import { clip } from "../library/text.js";
import { localDate, localTime } from "../scheduler/next-run.js";
import type { PotdSchedule } from "../scheduler/schedule.js";
import type { ScheduleStatus } from "../scheduler/scheduler.js";
import type { GuildSettings } from "../store/settings.js";
import { describeNextRun, discordDateTime } from "./schedule-input.js";
import { describeScheduleLine } from "./schedule-options.js";

/** A private confirmation or explanation for an admin. */
export function scheduleNotice(description: string): Reply {
  return {
    embeds: [{ color: COLORS.potd, description }],
    components: [],
    allowedMentions: NO_MENTIONS,
    ephemeral: true,
  };
}

/** "2026-11-28 09:00 Europe/Paris (08:00 UTC)": the server's local time first, UTC for comparison. */
export function formatInstant(instant: Date, timeZone: string): string {
  const local = `${localDate(instant, timeZone)} ${localTime(instant, timeZone)} ${timeZone}`;
  if (timeZone === "UTC") return local;
  return `${local} (${localDate(instant, "UTC")} ${localTime(instant, "UTC")} UTC)`;
}

export function describeSchedule(schedule: PotdSchedule): string {
  return describeScheduleLine(schedule);
}

/** `/schedule list`: each schedule by name, on or off, in one embed. */
export function renderScheduleList(on: readonly PotdSchedule[], rows: readonly GuildSettings[]): Reply {
  const off = rows.filter((r) => r.channelId === null && !on.some((s) => s.name === r.name));
  if (on.length === 0 && off.length === 0) return scheduleNotice(t("schedule.listEmpty"));
  const lines = [
    ...on.map((s) => `**${s.name}**: ${describeScheduleLine(s)}`),
    ...off.map((r) => `**${r.name}**: ${t("schedule.off")}`),
  ];
  return {
    embeds: [
      { color: COLORS.potd, title: t("schedule.listTitle"), description: clip(lines.join("\n"), 4000) },
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
    ephemeral: true,
  };
}

export interface StatusView {
  status: ScheduleStatus;
  guildId: string;
  /** The collection's posts by id, to name the last post sent (when it is still there). */
  posts: ReadonlyMap<string, Post>;
  now?: Date;
}

/** `/schedule status`: where and when, the next run in local time and UTC, the last post, the last error. */
export function renderScheduleStatus({ status, guildId, posts, now = new Date() }: StatusView): Reply {
  const { schedule } = status;
  if (!schedule) {
    return scheduleNotice(t("schedule.statusOff"));
  }
  const lastSent = status.recent.find((d) => d.status === "sent" && d.messageId);
  const lastPost = lastSent?.postId ? posts.get(lastSent.postId) : undefined;
  const fields: APIEmbedField[] = [
    { name: t("schedule.whereAndWhen"), value: describeSchedule(schedule) },
    {
      name: t("schedule.nextPost"),
      value: status.nextRun
        ? `${describeNextRun(status.nextRun, schedule, now)}; ${formatInstant(status.nextRun, schedule.timeZone)}`
        : schedule.paused
          ? t("schedule.isPaused")
          : t("schedule.nonePlanned"),
    },
    {
      name: t("schedule.lastPost"),
      value: lastSent
        ? `${lastSent.localDate}: ${lastPost ? postTitle(lastPost) : lastSent.postId} — https://discord.com/channels/${guildId}/${lastSent.channelId}/${lastSent.messageId}`
        : t("schedule.noneYet"),
    },
    {
      // The error itself is Discord's (or the network's) words, as logged: not translated.
      name: t("schedule.lastError"),
      value: status.lastError
        ? `${discordDateTime(new Date(status.lastError.at))}: ${status.lastError.message}`
        : t("schedule.none"),
    },
    { name: t("schedule.leftInCycle"), value: String(status.remainingInCycle), inline: true },
    {
      name: t("schedule.today"),
      value: `${status.localDate}: ${t("schedule.dayStatus", { status: status.today?.status ?? "none" })}`,
      inline: true,
    },
  ];
  return {
    embeds: [
      {
        color: COLORS.potd,
        title: t("schedule.statusTitle", { name: status.name }),
        fields: fields.map((f) => ({ ...f, value: clip(f.value, 1024) })),
      },
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
    ephemeral: true,
  };
}
