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

/**
 * A post of the day's local date (`YYYY-MM-DD`) as its heading shows it: "30 novembre 2026", "2026年11月30日";
 * English keeps the ISO date its headings always had.
 */
export function headingDate(localDate: string): string {
  const language = currentLanguage();
  if (language === "en") return localDate;
  const key = `${language}/heading`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    formats.set(key, format);
  }
  const [year, month, day] = localDate.split("-").map(Number);
  return format.format(new Date(Date.UTC(year!, month! - 1, day!)));
}
