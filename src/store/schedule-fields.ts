/**
 * What a server's schedule may say beyond where and when: its short name, the days of the week, a topic, the kind
 * of channel it posts to, and the heading line. Pure parsing and checks, shared by both stores and the commands.
 */

export { isPostSource, POST_SOURCES, type PostSource } from "../library/post-source.js";

/** The schedule every server had before several schedules: old databases' schedule is migrated to this name. */
export const DEFAULT_SCHEDULE = "daily";

const NAME = /^[a-z0-9][a-z0-9_-]{0,23}$/;

/** `daily`, `news-fr`: lower-case letters, digits, `-` and `_`, 1-24 characters. */
export function scheduleNameError(name: string): string | undefined {
  return NAME.test(name)
    ? undefined
    : `\`${name.slice(0, 30)}\` is not a schedule name: use 1-24 lower-case letters, digits, - or _, e.g. \`daily\` or \`news-fr\`.`;
}

export const CHANNEL_KINDS = ["text", "announcement", "forum", "thread"] as const;
/** `thread`: a text channel in which each post opens a thread of its own. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A schedule's own options when nobody chose them: every day, every post, no ping, a plain text channel, the deck. */
export const PLAIN_OPTIONS = {
  days: null,
  topic: null,
  roleId: null,
  paused: false,
  channelKind: "text",
  crosspost: false,
  template: null,
  postSource: "deck",
} as const;

export function isChannelKind(kind: string): kind is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(kind);
}

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const ALIASES: Record<string, readonly number[]> = {
  weekdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
};

/**
 * `every day` (or `daily`, empty) -> null; `weekdays`, `weekends`, `mon,wed,fri` (also `monday`, spaces) -> the
 * canonical `mon,wed,fri`. Throws a RangeError naming the word it does not know.
 */
export function parseDays(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== "");
  if (
    words.length === 0 ||
    (words.length <= 2 && ["every day", "everyday", "daily"].includes(words.join(" ")))
  )
    return null;
  const days = new Set<number>();
  for (const word of words) {
    const alias = ALIASES[word];
    const index = DAY_NAMES.findIndex((d) => word.length >= 3 && d === word.slice(0, 3) && dayWord(d, word));
    if (alias) for (const d of alias) days.add(d);
    else if (index >= 0) days.add(index);
    else throw new DaysError(word.slice(0, 20));
  }
  if (days.size === 7) return null;
  return [1, 2, 3, 4, 5, 6, 0]
    .filter((d) => days.has(d))
    .map((d) => DAY_NAMES[d])
    .join(",");
}

/** A word `parseDays` does not know (`word`), so that a reply can name it in the reader's language. */
export class DaysError extends RangeError {
  constructor(readonly word: string) {
    super(
      `\`${word}\` is not a day: use \`weekdays\`, \`weekends\`, \`every day\` or days such as \`mon,wed,fri\`.`,
    );
    this.name = "DaysError";
  }
}

const FULL = {
  sun: "sunday",
  mon: "monday",
  tue: "tuesday",
  wed: "wednesday",
  thu: "thursday",
  fri: "friday",
  sat: "saturday",
};

function dayWord(short: keyof typeof FULL, word: string): boolean {
  return FULL[short].startsWith(word);
}

/** Whether a schedule with `days` (canonical, or null for every day) posts on weekday `weekday` (0 = Sunday). */
export function postsOn(days: string | null, weekday: number): boolean {
  return days === null || days.split(",").includes(DAY_NAMES[weekday]!);
}
