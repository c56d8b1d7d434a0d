import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { CHOICE_TEXT, COMMAND_TEXT, type CommandText } from "./command-text.js";
import { DISCORD_LOCALES } from "./languages.js";

type Localizable = {
  name: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  options?: readonly unknown[];
  choices?: readonly Choice[];
};

type Choice = { name: string; value: string | number; name_localizations?: Record<string, string> | null };

/** The text of a command or option at `path` in a language: its own, else a shared option's. */
export function commandText(
  texts: Record<string, CommandText>,
  path: readonly string[],
): CommandText | undefined {
  if (texts[path.join(".")]) return texts[path.join(".")];
  if (path.length < 2) return undefined;
  // An option every subcommand of a command shares (`schedule.*.time`), then one several commands share (`*.hide`).
  return (path.length === 3 ? texts[`${path[0]}.*.${path[2]}`] : undefined) ?? texts[`*.${path.at(-1)}`];
}

/** The label of the choice `value` of the option at `path` in a language, by the same keys as `commandText`. */
export function choiceText(
  texts: Record<string, string>,
  path: readonly string[],
  value: string | number,
): string | undefined {
  const keys = [path.join("."), path.length === 3 ? `${path[0]}.*.${path[2]}` : "", `*.${path.at(-1)}`];
  for (const key of keys) if (key && texts[`${key}=${value}`]) return texts[`${key}=${value}`];
  return undefined;
}

function localizeChoice(choice: Choice, path: readonly string[]): Choice {
  const names: Record<string, string> = {};
  for (const [language, texts] of Object.entries(CHOICE_TEXT)) {
    const label = choiceText(texts, path, choice.value);
    if (!label) continue;
    for (const locale of DISCORD_LOCALES[language as keyof typeof DISCORD_LOCALES]) names[locale] = label;
  }
  return { ...choice, name_localizations: { ...choice.name_localizations, ...names } };
}

/**
 * The command as registered, with `name_localizations` and `description_localizations` for every language of
 * COMMAND_TEXT, on the command, its subcommands and options: Discord shows each member the names and help in their
 * client's language, and the bot still receives the English names.
 */
export function localizeCommand(
  command: RESTPostAPIChatInputApplicationCommandsJSONBody,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const walk = <T extends Localizable>(node: T, path: string[]): T => {
    const names: Record<string, string> = {};
    const descriptions: Record<string, string> = {};
    for (const [language, texts] of Object.entries(COMMAND_TEXT)) {
      const text = commandText(texts, path);
      if (!text) continue;
      for (const locale of DISCORD_LOCALES[language as keyof typeof DISCORD_LOCALES]) {
        names[locale] = text.name;
        descriptions[locale] = text.description;
      }
    }
    const options = node.options as Localizable[] | undefined;
    return {
      ...node,
      name_localizations: { ...node.name_localizations, ...names },
      description_localizations: { ...node.description_localizations, ...descriptions },
      ...(options ? { options: options.map((o) => walk(o, [...path, o.name])) } : {}),
      ...(node.choices ? { choices: node.choices.map((c) => localizeChoice(c, path)) } : {}),
    };
  };
  return walk(command as RESTPostAPIChatInputApplicationCommandsJSONBody & Localizable, [command.name]);
}
