import {
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { t } from "../i18n/translate.js";

/**
 * Where a command can be used, as Discord's `integration_types` and `contexts`:
 * - "anywhere": installed to a server or by a member for themselves (user install), and used in servers, in the
 *   bot's DMs and in other DMs and group DMs;
 * - "server": only where a server installed Curator, only in that server (what needs a server's settings).
 */
export const REACH: Record<
  "anywhere" | "server",
  { integrationTypes: ApplicationIntegrationType[]; contexts: InteractionContextType[] }
> = {
  anywhere: {
    integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
  },
  server: {
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
  },
};

type Declared = Pick<
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  "name" | "contexts" | "integration_types"
>;

/**
 * Why a command may not run where it arrived, or undefined when it may. Discord hides a command where it is not
 * declared, but a stale client, a guild-registered copy or a forged request can still send it.
 */
export function reachRefusal(
  command: Declared,
  interaction: Pick<ChatInputCommandInteraction, "context" | "guildId" | "authorizingIntegrationOwners">,
): string | undefined {
  const contexts = command.contexts ?? [InteractionContextType.Guild, InteractionContextType.BotDM];
  const context =
    interaction.context ??
    (interaction.guildId ? InteractionContextType.Guild : InteractionContextType.BotDM);
  const serverOnly = !contexts.includes(InteractionContextType.BotDM);
  const wrongPlace = !contexts.includes(context);
  const installs = command.integration_types ?? [ApplicationIntegrationType.GuildInstall];
  // A user install in a server that did not add Curator: no server install authorizes this interaction
  // (in a DM with the bot a server install is owned by "0", which is no server either).
  const owner = interaction.authorizingIntegrationOwners.guildId;
  const serverInstalled = owner !== null && owner !== "0";
  const notInstalled = !installs.includes(ApplicationIntegrationType.UserInstall) && !serverInstalled;
  if (!wrongPlace && !notInstalled) return undefined;
  return t(serverOnly ? "reach.serverOnly" : "reach.notHere", { command: command.name });
}
