import type { Post } from "./post.js";

/** A post written on the asked day of the year, `yearsAgo` years before it (in the asked time zone). */
export interface OnThisDayHit {
  post: Post;
  yearsAgo: number;
  /** The post's local date (YYYY-MM-DD) in the asked zone. */
  localDate: string;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) at `instant` in `timeZone`; throws a RangeError on an unknown zone. */
export function localDateIn(instant: number | Date, timeZone: string): string {
  // en-US with 2-digit month and day formats as MM/DD/YYYY: slicing it is several times cheaper than formatToParts.
  const text = formatter(timeZone).format(instant);
  const m = US_DATE.exec(text);
  if (m) return `${m[3]}-${m[1]}-${m[2]}`;
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}`;
}

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

const dayCode = (month: number, day: number) => month * 32 + day;

/** Each post's instant and UTC month-day, computed once per collection: a call then scans two typed arrays. */
type DateIndex = { times: Float64Array; utcDays: Uint16Array };
const dateIndexes = new WeakMap<readonly Post[], DateIndex>();

function dateIndex(posts: readonly Post[]): DateIndex {
  let index = dateIndexes.get(posts);
  if (!index) {
    const times = new Float64Array(posts.length);
    const utcDays = new Uint16Array(posts.length); // 0: no date
    posts.forEach((post, i) => {
      const time = post.createdAt === undefined ? Number.NaN : Date.parse(post.createdAt);
      times[i] = time;
      if (Number.isFinite(time)) {
        const d = new Date(time);
        utcDays[i] = dayCode(d.getUTCMonth() + 1, d.getUTCDate());
      }
    });
    index = { times, utcDays };
    dateIndexes.set(posts, index);
  }
  return index;
}

/** Whether Intl knows `timeZone` (an IANA name such as `Europe/Paris`, or `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Whether `date` is a real YYYY-MM-DD day of the calendar (2027-02-29 is not). */
export function isCalendarDate(date: string): boolean {
  const m = LOCAL_DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.toISOString().slice(0, 10) === date;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * "On this day": the posts whose `createdAt`, read in `timeZone`, falls on the month and day of `date`
 * (YYYY-MM-DD) in an earlier year, newest first. On 28 February of a year without a 29th, posts of a
 * 29 February are included too, so they come round every year rather than every fourth.
 * Posts without `createdAt` never match. Throws a RangeError on a malformed date or an unknown zone.
 */
export function postsOnThisDay(posts: readonly Post[], date: string, timeZone: string): OnThisDayHit[] {
  if (!isCalendarDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  formatter(timeZone); // an unknown zone fails here, even when no post has a date
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  const days = new Set([monthDay]);
  if (monthDay === "02-28" && !isLeapYear(year)) days.add("02-29");
  // A zone is at most 14 hours from UTC, so a post's local day is its UTC day or one next to it: only
  // those candidates pay for the (slow) Intl conversion.
  const near = new Set<number>();
  for (const md of days)
    for (const shift of [-1, 0, 1]) {
      const d = new Date(Date.UTC(2000, Number(md.slice(0, 2)) - 1, Number(md.slice(3)) + shift));
      near.add(dayCode(d.getUTCMonth() + 1, d.getUTCDate()));
    }
  const { times, utcDays } = dateIndex(posts);
  const hits: (OnThisDayHit & { time: number })[] = [];
  for (let i = 0; i < posts.length; i++) {
    if (!near.has(utcDays[i]!)) continue;
    const time = times[i]!;
    const local = localDateIn(time, timeZone);
    const postYear = Number(local.slice(0, 4));
    if (postYear >= year || !days.has(local.slice(5))) continue;
    hits.push({ post: posts[i]!, yearsAgo: year - postYear, localDate: local, time });
  }
  hits.sort((a, b) => b.time - a.time || (a.post.id < b.post.id ? -1 : 1));
  return hits.map(({ time: _time, ...hit }) => hit);
}

/**
 * The one post a daily schedule would show for "on this day" at `date`: the newest match not yet shown
 * (`shown`), else the newest; undefined when nothing matches, so the caller falls back to its deck.
 */
export function chooseOnThisDay(
  posts: readonly Post[],
  date: string,
  timeZone: string,
  shown: ReadonlySet<string> = new Set(),
): OnThisDayHit | undefined {
  const hits = postsOnThisDay(posts, date, timeZone);
  return hits.find((hit) => !shown.has(hit.post.id)) ?? hits[0];
}
