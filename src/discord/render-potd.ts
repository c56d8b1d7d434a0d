import { headingDate, renderHeading } from "../library/heading.js";
import type { Post } from "../library/post.js";
import { ANYONE, postTitle, renderPost } from "./render-post.js";
import { COLORS, type Reply } from "./reply.js";

/** A role ping before the heading. */
const ROLE_PREFIX = /^<@&\d+> /;

/**
 * The post of the day as posted in a channel: anyone may read further pages of a long post (privately), and the
 * server's role, if it chose one, is the only mention that pings.
 */
export function renderPostOfTheDay(
  post: Post,
  localDate: string,
  roleId: string | null,
  heading: { template: string | null; topic: string | null } = { template: null, topic: null },
): Reply {
  const reply = renderPost(post, {
    userId: ANYONE,
    color: COLORS.potd,
    heading: scheduleHeading(heading.template, localDate, post, heading.topic),
  });
  if (roleId === null) return reply;
  return {
    ...reply,
    content: `<@&${roleId}> ${reply.content}`,
    allowedMentions: { parse: [], roles: [roleId] },
  };
}

/** The line above every post of the day: what `/potd` shows and what crash repair reads back (MARKER). */
export function postOfTheDayHeading(localDate: string): string {
  return `**Post of the day** · ${localDate}`;
}

/** A schedule's heading for one day's post: `{topic}` is the schedule's topic, else the post's first. */
export function scheduleHeading(
  template: string | null,
  localDate: string,
  post: Post,
  topic: string | null,
): string {
  return renderHeading(template, {
    date: localDate,
    topic: topic ?? post.topics[0] ?? "",
    title: postTitle(post),
  });
}

/** Reads the local date back from a post of the day (its first line, after a role ping): how crash repair
 * recognises an earlier send. */
export function postOfTheDayMarker(content: string, template: string | null = null): string | undefined {
  const firstLine = content.replace(ROLE_PREFIX, "").split("\n", 1)[0] ?? "";
  return headingDate(template, firstLine);
}
