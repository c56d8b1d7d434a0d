import { REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from "discord.js";
import { localizeCommand } from "../i18n/localize-commands.js";
import type { Command } from "./command.js";

export interface RegisterOptions {
  token: string;
  clientId: string;
  /** Register to one server instead of globally (both take effect within seconds; an open client may need a reload). */
  guildId?: string | undefined;
  restUrl?: string | undefined;
}

/** A command as registered with Discord: its builder's JSON with every language's names and help. */
export function commandBody(
  command: Pick<Command<never>, "data">,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return localizeCommand(command.data.toJSON());
}

/** Replaces the application's commands with the given list (a PUT: removed commands disappear too). */
export async function registerCommands(
  commands: readonly Command<never>[],
  options: RegisterOptions,
): Promise<number> {
  const rest = new REST(options.restUrl ? { api: options.restUrl } : {}).setToken(options.token);
  const body = commands.map(commandBody);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.clientId, options.guildId)
    : Routes.applicationCommands(options.clientId);
  const result = (await rest.put(route, { body })) as unknown[];
  return result.length;
}
