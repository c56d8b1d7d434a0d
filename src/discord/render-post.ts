import { type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType } from "discord.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import { monthAndDay } from "../i18n/dates.js";
import { t } from "../i18n/translate.js";
import type { Media, Post } from "../library/post.js";
import { partOfPage } from "../web/post-parts.js";
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

/** Discord shows this many images of one message side by side. */
export const GALLERY_SIZE = 4;

/**
 * The post's text as pages, escaped, each within Discord's description limit. Behind a content warning
 * each page is a spoiler under the warning: the reader sees what it is about and chooses to open it.
 */
export function postPages(post: Post): string[] {
  const pages = splitText(escapePostText(post.text), POST_PAGE_CHARS);
  if (post.contentWarning === undefined) return pages;
  const warning = warningLine(post.contentWarning);
  return pages.map((page) => `${warning}\n${spoiler(page)}`);
}

/** `**CW: spiders**` — shown in the clear wherever the post's words are hidden. */
export function warningLine(warning: string): string {
  return `**CW: ${escapePostText(truncate(warning.replace(/\s+/g, " "), 200))}**`;
}

/** Markdown text as a spoiler; a `||` inside (a link may hold one) must not close it early. */
export function spoiler(markdown: string): string {
  return markdown.trim() === "" ? markdown : `||${markdown.replace(/\|(?=\|)/g, "|\u200b")}||`;
}

/** A headline for a post: its title, or its first words; never words hidden behind a content warning. */
export function postTitle(post: Post): string {
  if (post.title !== undefined) return truncate(post.title, 80);
  if (post.contentWarning !== undefined) return truncate(`CW: ${post.contentWarning}`, 80);
  return truncate(post.text.split("\n")[0] ?? post.id, 80);
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
  const gallery = showImages(post, embed);
  if (last) {
    const fields = [...postFields(post), ...mediaFields(post)];
    if (fields.length > 0) embed.fields = fields;
  }
  const buttons = pageButtons(page, pages.length, (n) =>
    encodeCustomId({ kind: "postPage", userId: view.userId, postId: post.id, page: n }),
  );
  if (web)
    buttons.components.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: t("post.readOnWeb"),
      // From a later page, straight to the part of the post that page starts in.
      url: page > 0 ? `${web}#part-${partOfPage(post, page)}` : web,
    });
  // Save on every post; on a long post it shares the row of the page buttons (Discord: 5 buttons a row, 5 rows).
  const save = saveButton(post.id);
  const reply: Reply = {
    embeds: [embed, ...gallery],
    components:
      pages.length > 1
        ? [{ ...buttons, components: [...buttons.components, save] }]
        : [{ type: ComponentType.ActionRow, components: [save] }],
    allowedMentions: NO_MENTIONS,
    ephemeral: view.ephemeral ?? false,
  };
  if (view.heading) reply.content = view.heading;
  return reply;
}

/** Saves the post for whoever presses it (each person has their own list: `/saved`). */
export function saveButton(postId: string): Reply["components"][number]["components"][number] {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: t("post.save"),
    emoji: { name: "🔖" },
    custom_id: encodeCustomId({ kind: "save", postId }),
  };
}

function footer(post: Post, page: number, pageCount: number): string {
  const parts = [`id: ${post.id}`];
  if (pageCount > 1) parts.push(t("post.page", { page: page + 1, pages: pageCount }));
  if (post.day) parts.push(t("post.everyYear", { date: monthAndDay(post.day, "short") }));
  return parts.join(" · ");
}

function postFields(post: Post): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  if (post.topics.length > 0) {
    fields.push({
      name: t("post.topics"),
      value: listWithin(
        post.topics.map((t) => `\`${t}\``),
        " ",
      ),
      inline: true,
    });
  }
  if (post.links.length > 0)
    fields.push({ name: t("post.links"), value: listWithin(post.links, "\n"), inline: false });
  return fields;
}

const images = (post: Post) => (post.media ?? []).filter((m) => m.type === "image");

/**
 * The first image in the post's embed, the next ones as a gallery: Discord shows up to four embeds that
 * share one `url` as a single post with several images. Never behind a content warning: an embed's image
 * cannot be a spoiler, so those are links in a spoiler instead (see mediaFields).
 */
function showImages(post: Post, embed: APIEmbed): APIEmbed[] {
  const shown = post.contentWarning === undefined ? images(post).slice(0, GALLERY_SIZE) : [];
  const [first, ...rest] = shown;
  if (first === undefined) return [];
  embed.image = { url: first.url };
  embed.url ??= first.url;
  const url = embed.url;
  return rest.map((image) => ({ url, image: { url: image.url } }));
}

/** Alt text of the images shown; videos, GIFs and further images as links (all in spoilers behind a CW). */
function mediaFields(post: Post): APIEmbedField[] {
  const media = post.media ?? [];
  if (media.length === 0) return [];
  const hidden = post.contentWarning !== undefined;
  const shown = new Set<Media>(hidden ? [] : images(post).slice(0, GALLERY_SIZE));
  const fields: APIEmbedField[] = [];
  const described = media
    .map((m, i) => ({ m, n: i + 1 }))
    .filter(({ m }) => m.alt !== undefined && (shown.has(m) || hidden));
  if (described.length > 0) {
    const line = ({ m, n }: { m: Media; n: number }) => {
      const alt = escapePostText(truncate(m.alt!.replace(/\s+/g, " "), 300));
      return `${n}. ${hidden ? spoiler(alt) : alt}`;
    };
    fields.push({
      name: t("post.imageDescriptions"),
      value: listWithin(described.map(line), "\n", MEDIA_FIELD),
      inline: false,
    });
  }
  const links = media
    .map((m, i) => ({ m, n: i + 1 }))
    .filter(({ m }) => !shown.has(m))
    .map(({ m, n }) => {
      const link = `[${t(MEDIA_NAMES[m.type], { n })}](${m.url.replace(/\)/g, "%29")})`;
      return hidden ? spoiler(link) : link;
    });
  if (links.length > 0)
    fields.push({ name: t("post.media"), value: listWithin(links, "\n", MEDIA_FIELD), inline: false });
  return fields;
}

/** Two media fields of this size, next to a full page, full topic and link fields, stay within the 6,000 of an embed. */
const MEDIA_FIELD = 512;

const MEDIA_NAMES = { image: "post.image", video: "post.video", gif: "post.gif" } as const satisfies Record<
  Media["type"],
  MessageKey
>;

/** Joins items until the field limit, saying how many did not fit rather than cutting one in half. */
function listWithin(
  items: readonly string[],
  separator: string,
  max: number = LIMITS.embedFieldValue,
): string {
  let out = "";
  for (const [i, item] of items.entries()) {
    const more = `${separator}${t("post.andMore", { n: items.length - i })}`;
    const next = out === "" ? item : `${out}${separator}${item}`;
    if (next.length + more.length > max) return out === "" ? truncate(item, max - 24) : out + more;
    out = next;
  }
  return out;
}
