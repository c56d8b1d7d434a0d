/** A console line such as `/search learning rate topic:weather page:2` split into a command and its options. */
export interface ConsoleCommand {
  name: string;
  /** Words that are not `key:value` options, joined: the query or the id. */
  text: string;
  options: Record<string, string>;
}

const OPTION_NAMES = new Set(["topic", "page", "hide", "id", "query", "date"]);

export function parseConsoleLine(line: string): ConsoleCommand | undefined {
  const words = line.trim().replace(/^\//, "").split(/\s+/).filter(Boolean);
  const [name, ...rest] = words;
  if (!name) return undefined;
  const options: Record<string, string> = {};
  const text: string[] = [];
  for (const word of rest) {
    const option = /^([a-z]+):(.+)$/.exec(word);
    if (option && OPTION_NAMES.has(option[1]!)) options[option[1]!] = option[2]!;
    else text.push(word);
  }
  return { name: name.toLowerCase(), text: unquote(text.join(" ")), options };
}

function unquote(text: string): string {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(text);
  return quoted ? (quoted[1] ?? quoted[2] ?? "") : text;
}
