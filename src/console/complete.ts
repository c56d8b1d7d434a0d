import type { Collection } from "../library/collection.js";
import { BUTTON_WORDS, CONSOLE_COMMANDS } from "./parse.js";

/**
 * readline's `completer`: the command at the start of a line, `topic:<name>` from the collection's topics, a post id
 * after `/post` or `id:`, and the options a command takes. Returns the candidates and the word they complete.
 */
export function completeLine(line: string, collection: Collection): [string[], string] {
  const words = line.split(/\s+/);
  const word = words.at(-1) ?? "";
  const command = (words[0] ?? "").replace(/^\//, "").toLowerCase();
  if (words.length === 1) {
    const slash = line.startsWith("/");
    const names = Object.keys(CONSOLE_COMMANDS)
      .filter((n) => n !== "exit")
      .map((n) => `/${n}`);
    const all = slash ? names : [...names.map((n) => n.slice(1)), ...BUTTON_WORDS];
    return [startingWith(all, word), word];
  }
  if (word.startsWith("topic:"))
    return [
      startingWith(
        collection.topics.map((t) => `topic:${t.name}`),
        word,
      ),
      word,
    ];
  if (word.startsWith("id:"))
    return [
      startingWith(
        ids(collection).map((id) => `id:${id}`),
        word,
      ),
      word,
    ];
  const spec = CONSOLE_COMMANDS[command];
  const optionWords = (spec?.options ?? []).map((o) => `${o}:`);
  if (command === "post" && words.length === 2)
    return [startingWith([...ids(collection), ...optionWords], word), word];
  return [word === "" ? [] : startingWith(optionWords, word), word];
}

function ids(collection: Collection): string[] {
  return collection.posts.map((p) => p.id);
}

function startingWith(candidates: readonly string[], typed: string): string[] {
  const lower = typed.toLowerCase();
  return candidates.filter((c) => c.toLowerCase().startsWith(lower));
}
