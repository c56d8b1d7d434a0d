import type { APIMessage } from "discord.js";
import { headingDate as localizedDate } from "../i18n/dates.js";
import { t } from "../i18n/translate.js";
import { headingDate, renderHeading } from "../library/heading.js";
import type { Post } from "../library/post.js";
import { decodeCustomId, encodeCustomId } from "./custom-id.js";
import { ANYONE, postTitle, renderPost } from "./render-post.js";
import { COLORS, type Reply } from "./reply.js";

/** A role ping before the heading. */
const ROLE_PREFIX = /^<@&\d+> /;

/**
 * The post of the day as posted in a channel, in the language being spoken (the server's, see `withLanguage`):
 * anyone may read further pages of a long post (privately), and the server's role, if it chose one, is the only
 * mention that pings. Its Save button carries the local date: the marker crash repair reads back, whatever the
 * language of the heading.
 */
export function renderPostOfTheDay(
  post: Post,
  localDate: string,
  roleId: string | null,
  heading: { template: string | null; topic: string | null } = { template: null, topic: null },
): Reply {
  const rendered = renderPost(post, {
    userId: ANYONE,
    color: COLORS.potd,
    heading: scheduleHeading(heading.template, localDate, post, heading.topic),
  });
  const reply = { ...rendered, components: markSaveButton(rendered.components, post.id, localDate) };
  if (roleId === null) return reply;
  return {
    ...reply,
    content: `<@&${roleId}> ${reply.content}`,
    allowedMentions: { parse: [], roles: [roleId] },
  };
}

function markSaveButton(rows: Reply["components"], postId: string, day: string): Reply["components"] {
  const plain = encodeCustomId({ kind: "save", postId });
  const marked = encodeCustomId({ kind: "save", postId, day });
  return rows.map((row) => ({
    ...row,
    components: row.components.map((c) =>
      "custom_id" in c && c.custom_id === plain ? { ...c, custom_id: marked } : c,
    ),
  }));
}

/** The line above today's post (`/potd`), in the reader's language. */
export function postOfTheDayHeading(localDate: string): string {
  return t("potd.heading", { date: localizedDate(localDate) });
}

/**
 * A schedule's heading for one day's post: `{topic}` is the schedule's topic, else the post's first; the default
 * heading and `{date}` are in the language being spoken (English keeps the ISO date).
 */
export function scheduleHeading(
  template: string | null,
  localDate: string,
  post: Post,
  topic: string | null,
): string {
  if (template === null) return postOfTheDayHeading(localDate);
  return renderHeading(template, {
    date: localizedDate(localDate),
    topic: topic ?? post.topics[0] ?? "",
    title: postTitle(post),
  });
}

/** Reads the local date back from an English post of the day's first line (after a role ping). */
export function postOfTheDayMarker(content: string, template: string | null = null): string | undefined {
  const firstLine = content.replace(ROLE_PREFIX, "").split("\n", 1)[0] ?? "";
  return headingDate(template, firstLine);
}

/**
 * The local date a message of the bot was posted for: from its Save button's custom_id (any language, any
 * heading), else from an English heading with an ISO date (posts from before the Save button carried it).
 */
export function messageMarker(
  message: Pick<APIMessage, "content" | "components">,
  template: string | null = null,
): string | undefined {
  for (const row of message.components ?? [])
    for (const component of "components" in row ? row.components : [])
      if ("custom_id" in component) {
        const id = decodeCustomId(component.custom_id);
        if (id?.kind === "save" && id.day) return id.day;
      }
  return postOfTheDayMarker(message.content ?? "", template);
}
