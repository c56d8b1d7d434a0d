import { currentLanguage } from "./translate.js";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A day of the year (`MM-DD`) as the reader's language writes it: "12 May" (or "12 Mar" with `short`), "12 mai",
 * "12. Mai", "5月12日". English uses British order, as Curator always has.
 */
export function monthAndDay(monthDay: string, month: "long" | "short" = "long"): string {
  const language = currentLanguage();
  const key = `${language}/${month}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === "en" ? "en-GB" : language, {
      day: "numeric",
      month,
      timeZone: "UTC",
    });
    formats.set(key, format);
  }
  return format.format(new Date(Date.UTC(2000, Number(monthDay.slice(0, 2)) - 1, Number(monthDay.slice(3)))));
}
