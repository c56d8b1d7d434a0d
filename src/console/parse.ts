import { t } from "../i18n/translate.js";
import { boundedDistance } from "../library/search-expand.js";

/** A console line such as `/search learning rate topic:weather page:2` split into a command and its options. */
export interface ConsoleCommand {
  name: string;
  /** Words that are not `key:value` options, joined: the query or the id. */
  text: string;
  options: Record<string, string>;
}

/** What each command accepts: its options, and what its free words mean (if it takes any). */
export const CONSOLE_COMMANDS: Readonly<
  Record<string, { options: readonly string[]; words?: "query" | "id" }>
> = {
  search: { options: ["topic", "page", "query"], words: "query" },
  random: { options: ["topic"] },
  post: { options: ["id", "page"], words: "id" },
  potd: { options: ["date"] },
  onthisday: { options: ["date", "page"] },
  about: { options: [] },
  help: { options: [] },
  quit: { options: [] },
  exit: { options: [] },
};

/** Words that press a button of the last answer, or open a numbered result. */
export const BUTTON_WORDS = ["next", "prev", "another"] as const;

const OPTION_NAMES = new Set(Object.values(CONSOLE_COMMANDS).flatMap((c) => c.options));

export function parseConsoleLine(line: string): ConsoleCommand | undefined {
  const words = line.trim().replace(/^\//, "").split(/\s+/).filter(Boolean);
  const [name, ...rest] = words;
  if (!name) return undefined;
  const options: Record<string, string> = {};
  const text: string[] = [];
  for (const word of rest) {
    const option = /^([a-z]+):(.*)$/.exec(word);
    if (option && OPTION_NAMES.has(option[1]!)) options[option[1]!] = option[2]!;
    else text.push(word);
  }
  return { name: name.toLowerCase(), text: unquote(text.join(" ")), options };
}

/**
 * Why a command cannot run as typed (unknown command, an option it does not take, a value that is not valid, words it
 * would ignore), or undefined when it can. The console exits 2 for these: they are mistakes in the line itself.
 */
export function usageProblem(command: ConsoleCommand): string | undefined {
  const spec = CONSOLE_COMMANDS[command.name];
  if (!spec) {
    const near = nearestCommand(command.name);
    return near
      ? t("console.unknownNear", { command: command.name, near })
      : t("console.unknown", { command: command.name });
  }
  for (const [key, value] of Object.entries(command.options)) {
    if (!spec.options.includes(key))
      return spec.options.length > 0
        ? t("console.noOptionTakes", {
            command: command.name,
            option: key,
            options: spec.options.map((o) => `${o}:`).join(", "),
          })
        : t("console.noOption", { command: command.name, option: key });
    if (value === "") return t("console.needsValue", { option: key, example: EXAMPLES[key] ?? "…" });
  }
  if (command.text !== "" && !spec.words)
    return spec.options.includes("topic")
      ? t("console.noWordsTopic", {
          command: command.name,
          text: command.text,
          word: command.text.split(" ")[0]!,
        })
      : t("console.noWords", { command: command.name, text: command.text });
  if (spec.words === "id" && /\s/.test(command.text))
    return t("console.oneId", { command: command.name, text: command.text });
  const { page, date } = command.options;
  if (page !== undefined && !(/^\d{1,4}$/.test(page) && Number(page) >= 1))
    return t("console.badPage", { page });
  if (date !== undefined && !isCalendarDate(date))
    return /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? t("onthisday.notADay", { date })
      : t("onthisday.badDate", { typed: date });
  return undefined;
}

const EXAMPLES: Record<string, string> = {
  topic: "weather",
  page: "2",
  id: "bellard",
  query: "learning",
  date: "2026-05-12",
};

/** The command closest to a mistyped one (`serch` → `search`), if one is within two edits. */
export function nearestCommand(typed: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(CONSOLE_COMMANDS)) {
    const distance = boundedDistance(typed.toLowerCase(), name, 2);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function unquote(text: string): string {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(text);
  return quoted ? (quoted[1] ?? quoted[2] ?? "") : text;
}
