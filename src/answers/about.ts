import { time as discordTime, TimestampStyles } from "discord.js";
import type { Library } from "../discord/context.js";
import { truncate } from "../discord/markdown.js";
import { COLORS, NO_MENTIONS, type Reply } from "../discord/reply.js";
import { archiveUrl } from "../discord/web-links.js";
import { t } from "../i18n/translate.js";
import { discordDateTime } from "./schedule-input.js";

export interface AboutRequest {
  version: string;
  startedAt: Date;
  now: Date;
}

export function answerAbout(library: Library, request: AboutRequest): Reply {
  const { collection } = library;
  const topics = collection.topics.map((t) => `\`${t.name}\` (${t.count})`).join(", ");
  const range = collection.dateRange
    ? t("about.dateRange", {
        from: collection.dateRange.from.slice(0, 10),
        to: collection.dateRange.to.slice(0, 10),
      })
    : t("about.noDates");
  const web = archiveUrl();
  const commands = t("about.commands");
  return {
    embeds: [
      {
        color: COLORS.post,
        title: t("about.title"),
        ...(web ? { url: web } : {}),
        description: web ? `${commands}\n${t("about.web", { url: web })}` : commands,
        fields: [
          { name: t("about.posts"), value: String(collection.posts.length), inline: true },
          { name: t("about.topics"), value: String(collection.topics.length), inline: true },
          { name: t("about.dates"), value: range, inline: true },
          { name: t("about.topicList"), value: truncate(topics || t("about.none"), 1024) },
          {
            name: t("about.collection"),
            value: truncate(
              t("about.loaded", { source: collection.source, when: discordDateTime(collection.loadedAt) }),
              1024,
            ),
          },
          { name: t("about.version"), value: `Curator ${request.version}`, inline: true },
          {
            name: t("about.uptime"),
            value: t("about.since", {
              duration: formatDuration(request.now.getTime() - request.startedAt.getTime()),
              when: discordTime(request.startedAt, TimestampStyles.ShortDateTime),
            }),
            inline: true,
          },
        ],
      },
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
    ephemeral: false,
  };
}

export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(ms, 0) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days > 0 ? `${days}d` : "", hours > 0 ? `${hours}h` : "", `${minutes % 60}m`];
  return parts.filter(Boolean).join(" ");
}
