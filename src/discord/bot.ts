import { type Client, DiscordAPIError, Events } from "discord.js";
import type { Logger } from "pino";
import { logGatewayOutages } from "../ops/gateway-log.js";
import type { Command } from "./command.js";
import type { BotContext } from "./context.js";
import { createRouter } from "./router.js";

export interface Bot {
  client: Client;
  /** Answers what is in flight, then closes the gateway; bounded by `deadlineMs` even if the gateway hangs. */
  stop(deadlineMs: number): Promise<void>;
}

/** Thrown when Discord refuses the token: the one start-up failure a person must fix by hand. */
export class BadTokenError extends Error {
  override readonly name = "BadTokenError";
}

export async function startBot<Ctx extends BotContext>(
  client: Client,
  token: string,
  commands: readonly Command<Ctx>[],
  ctx: Ctx,
  log: Logger,
): Promise<Bot> {
  const router = createRouter(commands, ctx, log);
  client.on(Events.InteractionCreate, (interaction) => void router.route(interaction));
  client.on(Events.Error, (error) => log.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn({ message }, "discord client warning"));
  logGatewayOutages(client, log);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));

  try {
    await client.login(token);
  } catch (error) {
    if (isBadToken(error)) throw new BadTokenError("Discord refused DISCORD_TOKEN (401 Unauthorized).");
    throw error;
  }
  await ready;
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "connected to Discord");

  return {
    client,
    async stop(deadlineMs) {
      const until = Date.now() + deadlineMs;
      await within(router.idle(), until - Date.now() - 1000);
      await within(client.destroy(), until - Date.now());
    },
  };
}

/** Discord refused the token: a 401 from REST, or the gateway's close 4004. */
export function isBadToken(error: unknown): boolean {
  if (error instanceof DiscordAPIError && error.status === 401) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === "TokenInvalid" || code === 4004;
}

/** Waits for `work`, but never longer than `ms`: @discordjs/ws can hang in destroy() while reconnecting. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(ms, 0));
  });
  await Promise.race([work.catch(() => undefined), timeout]);
  clearTimeout(timer);
}
