import { t } from "../i18n/translate.js";
import type { OnThisDayHit } from "../library/on-this-day.js";
import type { PotdSchedule } from "../scheduler/schedule.js";

/** How `/schedule list` and `status` name a schedule's source: nothing for the deck (every schedule's default). */
export function describePostSource(schedule: Pick<PotdSchedule, "postSource">): string | undefined {
  return schedule.postSource === "on-this-day" ? t("schedule.sourceOnThisDay") : undefined;
}

/**
 * `/schedule preview` of an "on this day" schedule: which earlier year the post is from, or that no post was
 * written on that day and the deck gave it. Nothing for a deck schedule.
 */
export function previewSourceNote(
  schedule: Pick<PotdSchedule, "postSource"> | undefined,
  next: { localDate: string; onThisDay?: OnThisDayHit },
): string | undefined {
  if (schedule?.postSource !== "on-this-day") return undefined;
  const hit = next.onThisDay;
  return hit
    ? t("schedule.previewOnThisDay", { date: hit.localDate, years: hit.yearsAgo })
    : t("schedule.previewFromDeck", { date: next.localDate });
}
