import { ButtonStyle, ComponentType, TimestampStyles, time } from "discord.js";
import { t } from "../i18n/translate.js";
import type { Post } from "../library/post.js";
import type { SavedPost } from "../store/saved-posts.js";
import { encodeCustomId } from "./custom-id.js";
import { pageButtons } from "./page-buttons.js";
import { listDescription, listPageCount, openMenu, POSTS_PER_PAGE } from "./render-post-list.js";
import { COLORS, NO_MENTIONS, type Reply } from "./reply.js";

export interface SavedView {
  saved: readonly SavedPost[];
  /** The collection's post for an id, if it still has it. */
  postOf(id: string): Post | undefined;
  page: number;
  cap: number;
  userId: string;
  version: string;
}

/** A page of a person's saved posts, only for them: open one in full, remove one, turn the page. */
export function renderSaved(view: SavedView): Reply {
  const first = view.page * POSTS_PER_PAGE;
  const shown = view.saved.slice(first, first + POSTS_PER_PAGE);
  const items = shown.map((s) => ({
    post: view.postOf(s.postId),
    postId: s.postId,
    note: t("saved.note", { date: time(new Date(s.savedAt), TimestampStyles.ShortDate) }),
  }));
  const pages = listPageCount(view.saved.length);
  const menu = openMenu(items, first, view.version);
  const remove: Reply["components"][number] = {
    type: ComponentType.ActionRow,
    components: shown.map((s, i) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Danger,
      label: t("saved.remove", { n: first + i + 1 }),
      custom_id: encodeCustomId({
        kind: "savedRemove",
        userId: view.userId,
        page: view.page,
        postId: s.postId,
      }),
    })),
  };
  return {
    embeds: [
      {
        color: COLORS.post,
        title: t("saved.title"),
        description: listDescription(items, first),
        footer: {
          text: t("saved.footer", {
            count: view.saved.length,
            cap: view.cap,
            page: view.page + 1,
            pages,
          }),
        },
      },
    ],
    components: [
      ...(menu ? [menu] : []),
      remove,
      ...(pages > 1
        ? [
            pageButtons(view.page, pages, (page) =>
              encodeCustomId({ kind: "savedPage", userId: view.userId, page }),
            ),
          ]
        : []),
    ],
    allowedMentions: NO_MENTIONS,
    ephemeral: true,
  };
}

/** What an empty list says: how to fill it. */
export function noSavedPosts(): Reply {
  return {
    embeds: [
      {
        color: COLORS.post,
        title: t("saved.title"),
        description: t("saved.empty"),
      },
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
    ephemeral: true,
  };
}
