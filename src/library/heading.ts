/**
 * A schedule's heading line: the line above each post of the day, from a template with `{date}`, `{topic}` and
 * `{title}`. It is also how a post is recognised in the channel after a crash, so it must carry `{date}`.
 */

export const DEFAULT_HEADING = "**Post of the day** · {date}";
const PLACEHOLDERS = ["date", "topic", "title"] as const;
const MAX_LENGTH = 200;
const PLACEHOLDER = /\{([^{}]*)\}/g;

export type HeadingValues = { date: string; topic: string; title: string };

/** What is wrong with a template (the answer layer says it in the reader's language). */
export type HeadingProblem =
  | { problem: "oneLine" | "empty" | "strayBrace" | "noDate" }
  | { problem: "tooLong"; length: number; max: number }
  | { problem: "unknownPlaceholder"; placeholder: string };

/** Why a template cannot be used (which placeholder, which rule), or undefined if it can. */
export function headingProblem(template: string): HeadingProblem | undefined {
  if (/[\r\n]/.test(template)) return { problem: "oneLine" };
  if (template.trim() === "") return { problem: "empty" };
  if (template.length > MAX_LENGTH) return { problem: "tooLong", length: template.length, max: MAX_LENGTH };
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name!))
      return { problem: "unknownPlaceholder", placeholder: name!.slice(0, 20) };
  }
  if (/[{}]/.test(template.replace(PLACEHOLDER, ""))) return { problem: "strayBrace" };
  if (!template.includes("{date}")) return { problem: "noDate" };
  return undefined;
}

/** The heading for one day's post; `null` template: the default. */
export function renderHeading(template: string | null, values: HeadingValues): string {
  return (template ?? DEFAULT_HEADING).replace(PLACEHOLDER, (_, name: keyof HeadingValues) => values[name]);
}

/**
 * The local date a heading line (or a forum post's name: `plainHeading`) was made for, if `line` starts like
 * `template`'s heading for some day up to its `{date}` (whatever the title and topic were), else undefined.
 */
export function headingDate(template: string | null, line: string, plain = false): string | undefined {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const full = plain ? plainHeading(template ?? DEFAULT_HEADING) : (template ?? DEFAULT_HEADING);
  // Up to {date} only: a forum post's name is cut at 100 characters, after the date (see plainHeading).
  const upToDate = full.slice(0, full.indexOf("{date}") + "{date}".length);
  // split with a capture group alternates literal text and placeholder names.
  const source = upToDate
    .split(PLACEHOLDER)
    .map((part, i) =>
      i % 2 === 0 ? literal(part) : part === "date" ? "(?<date>\\d{4}-\\d{2}-\\d{2})" : ".*?",
    )
    .join("");
  return new RegExp(`^${source}`, "su").exec(line)?.groups?.date;
}

/** A heading without Markdown, at most 100 characters: a forum post's name (Discord's limit). */
export function plainHeading(heading: string): string {
  const plain = heading.replace(/[*_~`|]/g, "").trim();
  return plain.length <= 100 ? plain : `${plain.slice(0, 99)}…`;
}
