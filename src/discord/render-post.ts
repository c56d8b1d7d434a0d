import { type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType } from "discord.js";
import type { Post } from "../library/post.js";
import { encodeCustomId } from "./custom-id.js";
import { escapePostText, truncate } from "./markdown.js";
import { pageButtons } from "./page-buttons.js";
import { COLORS, LIMITS, NO_MENTIONS, POST_PAGE_CHARS, type Reply } from "./reply.js";
import { splitText } from "./split-text.js";
import { permalink } from "./web-links.js";

/** A `userId` for posts everyone sees (the post of the day): each reader turns the pages privately. */
export const ANYONE = "0";

export interface PostView {
  /** Who may turn the pages (the person the post was shown to), or ANYONE. */
  userId: string;
  page?: number;
  ephemeral?: boolean;
  color?: number;
  /** A line above the post, e.g. "Post of the day · 2026-11-27". */
  heading?: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The post's text as pages, escaped, each within Discord's description limit. */
export function postPages(post: Post): string[] {
  return splitText(escapePostText(post.text), POST_PAGE_CHARS);
}

/** A headline for a post: its title, or its first words. */
export function postTitle(post: Post): string {
  return truncate(post.title ?? post.text.split("\n")[0] ?? post.id, 80);
}

/** One post as an embed; long posts are paged with Previous/Next buttons that only `view.userId` may use. */
export function renderPost(post: Post, view: PostView): Reply {
  const pages = postPages(post);
  const page = Math.min(Math.max(view.page ?? 0, 0), pages.length - 1);
  const last = page === pages.length - 1;
  const embed: APIEmbed = {
    color: view.color ?? COLORS.post,
    title: truncate(postTitle(post), LIMITS.embedTitle),
    description: pages[page],
    footer: { text: footer(post, page, pages.length) },
  };
  // With a web archive the title opens the post's page there; the source stays one click away on the author.
  const web = permalink(post.id);
  if (web ?? post.url) embed.url = web ?? post.url;
  if (post.author)
    embed.author = {
      name: truncate(post.author, LIMITS.embedTitle),
      ...(web && post.url ? { url: post.url } : {}),
    };
  if (post.createdAt) embed.timestamp = new Date(post.createdAt).toISOString();
  if (last) {
    const fields = postFields(post);
    if (fields.length > 0) embed.fields = fields;
  }
  const buttons = pageButtons(page, pages.length, (n) =>
    encodeCustomId({ kind: "postPage", userId: view.userId, postId: post.id, page: n }),
  );
  if (web)
    buttons.components.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: "Read on the web",
      url: web,
    });
  const reply: Reply = {
    embeds: [embed],
    components: pages.length > 1 ? [buttons] : [],
    allowedMentions: NO_MENTIONS,
    ephemeral: view.ephemeral ?? false,
  };
  if (view.heading) reply.content = view.heading;
  return reply;
}

function footer(post: Post, page: number, pageCount: number): string {
  const parts = [`id: ${post.id}`];
  if (pageCount > 1) parts.push(`page ${page + 1}/${pageCount}`);
  if (post.day) parts.push(`every ${Number(post.day.slice(3))} ${MONTHS[Number(post.day.slice(0, 2)) - 1]}`);
  return parts.join(" · ");
}

function postFields(post: Post): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  if (post.topics.length > 0) {
    fields.push({
      name: "Topics",
      value: listWithin(
        post.topics.map((t) => `\`${t}\``),
        " ",
      ),
      inline: true,
    });
  }
  if (post.links.length > 0)
    fields.push({ name: "Links", value: listWithin(post.links, "\n"), inline: false });
  return fields;
}

/** Joins items until the field limit, saying how many did not fit rather than cutting one in half. */
function listWithin(items: readonly string[], separator: string): string {
  let out = "";
  for (const [i, item] of items.entries()) {
    const more = `${separator}… and ${items.length - i} more`;
    const next = out === "" ? item : `${out}${separator}${item}`;
    if (next.length + more.length > LIMITS.embedFieldValue)
      return out === "" ? truncate(item, 1000) : out + more;
    out = next;
  }
  return out;
}
