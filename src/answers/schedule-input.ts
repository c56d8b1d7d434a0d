import { getAllCountries } from "countries-and-timezones";
import { time as discordTime, TimestampStyles } from "discord.js";
import { LIMITS } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import { fold } from "../library/text.js";
import { localDate, timezoneSuggestions } from "../scheduler/next-run.js";
import type { PotdSchedule } from "../scheduler/schedule.js";
import type { Choice } from "./autocomplete.js";

/** `9:00`, `9.00` or `9h00` as `09:00`; anything else unchanged (and refused by the caller's check). */
export function normalizeTime(text: string): string {
  const match = /^(\d{1,2})[:.h](\d{2})$/u.exec(text.trim());
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : text.trim();
}

/**
 * Abbreviations people type for a zone, and the zones they mean (cities whose rules include summer time; the
 * abbreviation itself would be a fixed offset or not a zone at all).
 */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  UTC: ["UTC"],
  GMT: ["Europe/London", "UTC"],
  BST: ["Europe/London"],
  WET: ["Europe/Lisbon"],
  CET: ["Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Warsaw"],
  CEST: [
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Warsaw",
  ],
  EET: ["Europe/Athens", "Europe/Helsinki", "Europe/Bucharest", "Africa/Cairo"],
  EEST: ["Europe/Athens", "Europe/Helsinki", "Europe/Bucharest"],
  MSK: ["Europe/Moscow"],
  IST: ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"],
  PKT: ["Asia/Karachi"],
  ICT: ["Asia/Bangkok", "Asia/Ho_Chi_Minh"],
  WIB: ["Asia/Jakarta"],
  SGT: ["Asia/Singapore"],
  HKT: ["Asia/Hong_Kong"],
  PHT: ["Asia/Manila"],
  JST: ["Asia/Tokyo"],
  KST: ["Asia/Seoul"],
  AWST: ["Australia/Perth"],
  ACST: ["Australia/Adelaide", "Australia/Darwin"],
  AEST: ["Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane"],
  AEDT: ["Australia/Sydney", "Australia/Melbourne"],
  NZST: ["Pacific/Auckland"],
  NZDT: ["Pacific/Auckland"],
  HST: ["Pacific/Honolulu"],
  AKST: ["America/Anchorage"],
  PST: ["America/Los_Angeles", "America/Vancouver", "America/Tijuana"],
  PDT: ["America/Los_Angeles", "America/Vancouver"],
  MST: ["America/Denver", "America/Phoenix", "America/Edmonton"],
  MDT: ["America/Denver", "America/Edmonton"],
  CST: ["America/Chicago", "America/Mexico_City", "Asia/Shanghai"],
  CDT: ["America/Chicago"],
  EST: ["America/New_York", "America/Toronto"],
  EDT: ["America/New_York", "America/Toronto"],
  AST: ["America/Halifax", "Asia/Riyadh"],
  BRT: ["America/Sao_Paulo"],
  ART: ["America/Argentina/Buenos_Aires"],
  SAST: ["Africa/Johannesburg"],
  WAT: ["Africa/Lagos"],
  CAT: ["Africa/Maputo"],
  EAT: ["Africa/Nairobi"],
};

let countries: { name: string; folded: string; id: string; zones: string[] }[] | undefined;

/**
 * Zones for the `timezone` option: an abbreviation (`CET`, `PST`), a country (`India`, `japan`, `IN`), or the start
 * of a zone or city (`europe/pa`, `paris`). Each choice says why it is offered: "Asia/Kolkata (India)".
 */
export function suggestZones(typed: string): Choice[] {
  const query = typed.trim();
  const q = fold(query);
  const choices = new Map<string, string>();
  const add = (zone: string, why?: string) => {
    if (!choices.has(zone)) choices.set(zone, why ? `${zone} (${why})` : zone);
  };
  for (const zone of ABBREVIATIONS[query.toUpperCase()] ?? []) add(zone, query.toUpperCase());
  if (q.length >= 2) {
    countries ??= Object.values(getAllCountries()).map((c) => ({
      name: c.name,
      folded: fold(c.name),
      id: c.id.toLowerCase(),
      zones: [...c.timezones],
    }));
    for (const country of countries.filter((c) => c.id === q || c.folded.startsWith(q)))
      for (const zone of country.zones) add(zone, country.name);
  }
  for (const zone of timezoneSuggestions(query)) add(zone);
  return [...choices]
    .filter(([zone]) => isKnownZone(zone))
    .slice(0, LIMITS.autocompleteChoices)
    .map(([value, name]) => ({ name, value }));
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A time every reader sees in their own zone: "Monday 30 November 2026 09:00 (in 3 hours)" in Discord. */
export function discordDateTime(instant: Date): string {
  return `${discordTime(instant, TimestampStyles.ShortDateTime)} (${discordTime(instant, TimestampStyles.RelativeTime)})`;
}

/**
 * When the next post goes out, said plainly: "today at 10:01 (in a minute), because 09:00 has passed" when the
 * time was set after it passed today (the scheduler catches up at its next minute), else the Discord timestamp.
 */
export function describeNextRun(nextRun: Date, schedule: PotdSchedule, now: Date): string {
  if (nextRun.getTime() > now.getTime() + 60_000) return discordDateTime(nextRun);
  const tick = new Date(Math.ceil((now.getTime() + 1) / 60_000) * 60_000);
  const passed = "time" in schedule.at ? schedule.at.time : t("schedule.itsTime");
  const day = localDate(now, schedule.timeZone) === localDate(tick, schedule.timeZone) ? "today" : "now";
  return t("schedule.nextRunSoon", {
    day,
    time: discordTime(tick, TimestampStyles.ShortTime),
    relative: discordTime(tick, TimestampStyles.RelativeTime),
    passed,
  });
}
