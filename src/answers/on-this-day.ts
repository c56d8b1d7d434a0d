import { collectionVersion, type Library } from "../discord/context.js";
import { dayOfYear, renderOnThisDay } from "../discord/render-on-this-day.js";
import { clampPage } from "../discord/render-post-list.js";
import { errorReply, type Reply } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import { isCalendarDate, isKnownTimeZone, localDateIn, postsOnThisDay } from "../library/on-this-day.js";
import { clip } from "../library/text.js";

export interface OnThisDayRequest {
  /** YYYY-MM-DD as typed; undefined for today in `timeZone`. */
  date?: string | undefined;
  /** The server's zone, or UTC where there is no server (DMs). */
  timeZone: string;
  now: Date;
  page?: number;
  userId: string;
  ephemeral: boolean;
}

export function answerOnThisDay(library: Library, request: OnThisDayRequest): Reply {
  if (!isKnownTimeZone(request.timeZone))
    return errorReply(t("onthisday.badZone", { zone: clip(request.timeZone, 60) }));
  const typed = request.date?.trim();
  if (typed !== undefined && typed !== "" && !isCalendarDate(typed))
    return errorReply(
      /^\d{4}-\d{2}-\d{2}$/.test(typed)
        ? t("onthisday.notADay", { date: clip(typed, 20) })
        : t("onthisday.badDate", { typed: clip(typed, 40) }),
    );
  const date = typed || localDateIn(request.now, request.timeZone);
  const hits = postsOnThisDay(library.collection.posts, date, request.timeZone);
  if (hits.length === 0)
    return errorReply(
      t("onthisday.none", { day: dayOfYear(date), year: date.slice(0, 4), zone: request.timeZone }),
    );
  return renderOnThisDay({
    date,
    timeZone: request.timeZone,
    hits,
    page: clampPage(request.page ?? 0, hits.length),
    userId: request.userId,
    version: collectionVersion(library.collection),
    ephemeral: request.ephemeral,
  });
}
