import { time as discordTime, TimestampStyles } from "discord.js";
import type { Library } from "../discord/context.js";
import { truncate } from "../discord/markdown.js";
import { COLORS, NO_MENTIONS, type Reply } from "../discord/reply.js";
import { archiveUrl } from "../discord/web-links.js";
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
    ? `${collection.dateRange.from.slice(0, 10)} to ${collection.dateRange.to.slice(0, 10)}`
    : "no dates in this collection";
  const web = archiveUrl();
  const commands =
    "Search the collection with `/search`, draw a post with `/random`, see today's pick with `/potd`.";
  return {
    embeds: [
      {
        color: COLORS.post,
        title: "About Curator",
        ...(web ? { url: web } : {}),
        description: web ? `${commands}\nRead and share every post on the web: ${web}` : commands,
        fields: [
          { name: "Posts", value: String(collection.posts.length), inline: true },
          { name: "Topics", value: String(collection.topics.length), inline: true },
          { name: "Dates", value: range, inline: true },
          { name: "Topic list", value: truncate(topics || "none", 1024) },
          {
            name: "Collection",
            value: truncate(`\`${collection.source}\`, loaded ${discordDateTime(collection.loadedAt)}`, 1024),
          },
          { name: "Version", value: `Curator ${request.version}`, inline: true },
          {
            name: "Uptime",
            value: `${formatDuration(request.now.getTime() - request.startedAt.getTime())}, since ${discordTime(request.startedAt, TimestampStyles.ShortDateTime)}`,
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
