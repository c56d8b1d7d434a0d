/**
 * Wall-clock arithmetic in IANA zones with Intl only. A post is due on local date D at the first instant whose
 * wall clock on D reads at least HH:MM: a time skipped by a spring-forward gap runs at the end of the gap, and
 * a time repeated by a fall-back runs at its first occurrence, once.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

type Wall = { date: string; time: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wall(instant: number, timeZone: string): Wall {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export function isValidTimeZone(timeZone: string): boolean {
  // Intl also takes offsets such as "+01:00"; a schedule needs a named zone that follows DST rules.
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling (`europe/paris` -> `Europe/Paris`), to store; throws on an invalid zone. */
export function canonicalTimeZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`not an IANA time zone: ${timeZone}`);
  return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
}

let zones: string[] | undefined;

/** Up to `limit` zones for autocomplete: "par" finds Europe/Paris, "america/new" finds America/New_York. */
export function timezoneSuggestions(prefix: string, limit = 25): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
  const q = prefix.trim().toLowerCase().replaceAll(" ", "_");
  if (q === "") return zones.slice(0, limit);
  const starts = zones.filter((z) => z.toLowerCase().startsWith(q));
  const cityStarts = zones.filter((z) => !starts.includes(z) && cityOf(z).startsWith(q));
  const contains = zones.filter(
    (z) => !starts.includes(z) && !cityStarts.includes(z) && z.toLowerCase().includes(q),
  );
  return [...starts, ...cityStarts, ...contains].slice(0, limit);
}

function cityOf(zone: string): string {
  return zone.slice(zone.lastIndexOf("/") + 1).toLowerCase();
}

export function isValidTime(time: string): boolean {
  return HH_MM.test(time);
}

/** The local date (YYYY-MM-DD) in `timeZone` at `now`. */
export function localDate(now: Date, timeZone: string): string {
  return wall(now.getTime(), timeZone).date;
}

/** The local wall-clock time (HH:MM) in `timeZone` at `now`. */
export function localTime(now: Date, timeZone: string): string {
  return wall(now.getTime(), timeZone).time;
}

/** The instant the post of local date `date` is due at `time` in `timeZone` (see the module comment). */
export function dueInstant(date: string, time: string, timeZone: string): Date {
  const d = LOCAL_DATE.exec(date);
  const t = HH_MM.exec(time);
  if (!d || !t) throw new RangeError(`expected YYYY-MM-DD and HH:MM, got ${date} ${time}`);
  // The wall clock read as if it were UTC; the real instant is that minus the zone's offset then.
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const offsets = [...new Set([-36, -12, 0, 12, 36].map((h) => offsetAt(naive + h * HOUR, timeZone)))];
  const exact = offsets
    .map((o) => naive - o)
    .filter((instant) => sameWall(wall(instant, timeZone), date, time))
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]!);
  // In a gap: between the two offsets' candidates the wall clock is monotonic, so bisect for the jump.
  let before = naive - Math.max(...offsets);
  let after = naive - Math.min(...offsets);
  while (after - before > MINUTE) {
    const mid = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
    if (atOrAfter(wall(mid, timeZone), date, time)) after = mid;
    else before = mid;
  }
  return new Date(after);
}

/** The next instant after `now` at which a daily `time` schedule in `timeZone` is due. */
export function nextRun(now: Date, time: string, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const due = dueInstant(today, time, timeZone);
  return due > now ? due : dueInstant(addDays(today, 1), time, timeZone);
}

export function addDays(date: string, days: number): string {
  const d = LOCAL_DATE.exec(date);
  if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days)).toISOString().slice(0, 10);
}

function offsetAt(instant: number, timeZone: string): number {
  const w = wall(instant, timeZone);
  const [y, mo, d] = w.date.split("-").map(Number);
  const [h, mi] = w.time.split(":").map(Number);
  const floored = Math.floor(instant / MINUTE) * MINUTE;
  return Date.UTC(y!, mo! - 1, d!, h!, mi!) - floored;
}

function sameWall(w: Wall, date: string, time: string): boolean {
  return w.date === date && w.time === time;
}

function atOrAfter(w: Wall, date: string, time: string): boolean {
  return w.date > date || (w.date === date && w.time >= time);
}
