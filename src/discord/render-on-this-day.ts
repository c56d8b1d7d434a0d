import { monthAndDay } from "../i18n/dates.js";
import { t } from "../i18n/translate.js";
import type { OnThisDayHit } from "../library/on-this-day.js";
import { encodeCustomId } from "./custom-id.js";
import { pageButtons } from "./page-buttons.js";
import { listDescription, listPageCount, openMenu, POSTS_PER_PAGE } from "./render-post-list.js";
import { COLORS, NO_MENTIONS, type Reply } from "./reply.js";

export interface OnThisDayView {
  /** YYYY-MM-DD: the day asked about. */
  date: string;
  timeZone: string;
  /** Every match (newest first); the view shows page `page` of them. */
  hits: readonly OnThisDayHit[];
  page: number;
  userId: string;
  version: string;
  ephemeral: boolean;
}

/** "30 November" for 2026-11-30. */
export function dayOfYear(date: string): string {
  return monthAndDay(date.slice(5, 10));
}

/** A page of "on this day": the posts of that day in earlier years, newest first, with how long ago. */
export function renderOnThisDay(view: OnThisDayView): Reply {
  const first = view.page * POSTS_PER_PAGE;
  const items = view.hits.slice(first, first + POSTS_PER_PAGE).map((hit) => ({
    post: hit.post,
    postId: hit.post.id,
    note: `${t("onthisday.yearsAgo", { years: hit.yearsAgo })} · ${hit.localDate}`,
  }));
  const pages = listPageCount(view.hits.length);
  const menu = openMenu(items, first, view.version);
  return {
    embeds: [
      {
        color: COLORS.post,
        title: t("onthisday.title", { day: dayOfYear(view.date) }),
        description: listDescription(items, first),
        footer: {
          text: t("onthisday.footer", {
            total: view.hits.length,
            page: view.page + 1,
            pages,
            zone: view.timeZone,
          }),
        },
      },
    ],
    components: [
      ...(menu ? [menu] : []),
      pageButtons(view.page, pages, (page) =>
        encodeCustomId({
          kind: "onThisDay",
          userId: view.userId,
          page,
          date: view.date,
          timeZone: view.timeZone,
        }),
      ),
    ],
    allowedMentions: NO_MENTIONS,
    ephemeral: view.ephemeral,
  };
}
