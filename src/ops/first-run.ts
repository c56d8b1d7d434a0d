import { type ApplicationCommand, type Client, Events } from "discord.js";
import type { Logger } from "pino";
import type { Command } from "../discord/command.js";
import { commandBody } from "../discord/register.js";

/** View Channels 1024 + Send Messages 2048 + Embed Links 16384 + Read Message History 65536 (see README). */
export const INVITE_PERMISSIONS = 84992;

/** The URL that adds the bot to a server with the scopes and the least permissions it needs. */
export function inviteUrl(clientId: string): string {
  const query = new URLSearchParams({
    client_id: clientId,
    scope: "bot applications.commands",
    permissions: String(INVITE_PERMISSIONS),
  });
  return `https://discord.com/oauth2/authorize?${query}`;
}

export interface CommandDrift {
  /** In commands/ but not registered: users do not see them. */
  missing: string[];
  /** Registered, but with other options or descriptions than commands/ has. */
  changed: string[];
  /** Registered but no longer in commands/: users see a command that answers "not known". */
  extra: string[];
}

/** How the commands registered with Discord differ from commands/ (discord.js's own `equals` compares them). */
export function commandDrift(
  registered: Iterable<ApplicationCommand>,
  local: readonly Pick<Command<never>, "data">[],
): CommandDrift {
  const byName = new Map([...registered].map((c) => [c.name, c]));
  const localNames = new Set(local.map((c) => c.data.name));
  const drift: CommandDrift = { missing: [], changed: [], extra: [] };
  for (const command of local) {
    const existing = byName.get(command.data.name);
    if (!existing) drift.missing.push(command.data.name);
    // As sent to Discord: the builder's JSON has keys set to undefined (`nsfw`), which `equals` reads as a change.
    else if (!existing.equals(JSON.parse(JSON.stringify(commandBody(command)))))
      drift.changed.push(command.data.name);
  }
  for (const name of byName.keys()) if (!localNames.has(name)) drift.extra.push(name);
  return drift;
}

/**
 * First-run guidance once connected: the invite URL, and — unless the commands were just registered — a warning with
 * the fix when the commands Discord shows differ from commands/ (a new bot otherwise says only "connected").
 */
export function guideFirstRun(
  client: Client,
  commands: readonly Pick<Command<never>, "data">[],
  options: { clientId: string; guildId?: string | undefined; justRegistered: boolean },
  log: Logger,
): void {
  client.once(Events.ClientReady, async (ready) => {
    const url = inviteUrl(options.clientId);
    if (ready.guilds.cache.size === 0)
      log.warn({ url }, "the bot is in no server yet: open the invite URL to add it");
    else log.info({ url, servers: ready.guilds.cache.size }, "invite URL");
    if (options.justRegistered) return;
    try {
      const registered = options.guildId
        ? await ready.application.commands.fetch({ guildId: options.guildId })
        : await ready.application.commands.fetch();
      const drift = commandDrift(registered.values(), commands);
      if (drift.missing.length + drift.changed.length + drift.extra.length === 0) {
        log.info({ count: commands.length }, "the registered slash commands match commands/");
        return;
      }
      log.warn(
        { ...drift, where: options.guildId ? `server ${options.guildId}` : "global" },
        "the slash commands registered with Discord differ from commands/: run `npm run deploy-commands` " +
          "(or start once with REGISTER_COMMANDS=true)",
      );
    } catch (error) {
      log.warn({ err: error }, "could not compare the registered slash commands with commands/");
    }
  });
}
