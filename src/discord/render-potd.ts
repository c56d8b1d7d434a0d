import type { Post } from "../library/post.js";
import { ANYONE, renderPost } from "./render-post.js";
import { COLORS, type Reply } from "./reply.js";

/** Reads the local date back from a post of the day: how crash repair recognises an earlier send. */
const MARKER = /^(?:<@&\d+> )?\*\*Post of the day\*\* · (\d{4}-\d{2}-\d{2})/;

/**
 * The post of the day as posted in a channel: anyone may read further pages of a long post (privately), and the
 * server's role, if it chose one, is the only mention that pings.
 */
export function renderPostOfTheDay(post: Post, localDate: string, roleId: string | null): Reply {
  const reply = renderPost(post, {
    userId: ANYONE,
    color: COLORS.potd,
    heading: postOfTheDayHeading(localDate),
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

export function postOfTheDayMarker(content: string): string | undefined {
  return MARKER.exec(content)?.[1];
}
