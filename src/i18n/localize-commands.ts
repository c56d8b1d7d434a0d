import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { COMMAND_TEXT, type CommandText } from "./command-text.js";
import { DISCORD_LOCALES } from "./languages.js";

type Localizable = {
  name: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  options?: readonly unknown[];
};

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
    };
  };
  return walk(command as RESTPostAPIChatInputApplicationCommandsJSONBody & Localizable, [command.name]);
}
