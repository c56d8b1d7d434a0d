import { ComponentType } from "discord.js";
import { t } from "../i18n/translate.js";
import type { Post } from "../library/post.js";
import { encodeCustomId } from "./custom-id.js";
import { escapePostText, truncate } from "./markdown.js";
import { postTitle, spoiler, warningLine } from "./render-post.js";
import { LIMITS, type Reply } from "./reply.js";

/** Posts per page of a list (on this day, saved posts): as many as a search page, and as many buttons as fit a row. */
export const POSTS_PER_PAGE = 5;
const SNIPPET_CHARS = 200;

export interface ListedPost {
  /** Undefined when the post is no longer in the collection (a saved post removed since). */
  post: Post | undefined;
  postId: string;
  /** A short line after the title: "3 years ago · 2023-11-30". */
  note: string;
}

export function listPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
}

/** A page number within the list's pages (a forged or stale button may ask for any). */
export function clampPage(page: number, total: number): number {
  return Math.min(Math.max(page, 0), listPageCount(total) - 1);
}

/** Numbered titles, notes and the start of each text; behind a content warning the text is a spoiler. */
export function listDescription(items: readonly ListedPost[], first: number): string {
  return items
    .map((item, i) => {
      const number = first + i + 1;
      if (!item.post) return `**${number}. \`${item.postId}\`** · ${item.note}\n*${t("list.gone")}*`;
      const title = escapePostText(postTitle(item.post));
      const text = escapePostText(truncate(item.post.text.replace(/\s+/g, " ").trim(), SNIPPET_CHARS));
      const warning = item.post.contentWarning;
      const snippet = warning === undefined ? text : `${warningLine(warning)} ${spoiler(text)}`;
      return `**${number}. ${title}** · ${item.note}\n${snippet}`;
    })
    .join("\n\n");
}

/** A menu that opens one of the listed posts in full, privately (the search's menu: the values are post ids). */
export function openMenu(
  items: readonly ListedPost[],
  first: number,
  version: string,
): Reply["components"][number] | undefined {
  const present = items.flatMap((item, i) => (item.post ? [{ post: item.post, number: first + i + 1 }] : []));
  if (present.length === 0) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: encodeCustomId({ kind: "searchOpen", version }),
        placeholder: t("list.openMenu"),
        options: present.map(({ post, number }) => ({
          label: truncate(`${number}. ${postTitle(post)}`, LIMITS.selectOptionLabel),
          value: post.id,
        })),
      },
    ],
  };
}
