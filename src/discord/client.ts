import { Client, GatewayIntentBits, type RESTOptions } from "discord.js";

export interface ClientOptions {
  /** Base URL of the Discord REST API without `/v10`, for REST proxies and the tests' fake Discord. */
  restUrl?: string | undefined;
  shards?: number | number[] | "auto";
  shardCount?: number;
}

/** A discord.js client that needs no privileged intent and pings nobody unless a message says so. */
export function createClient(options: ClientOptions = {}): Client {
  const rest: Partial<RESTOptions> = options.restUrl ? { api: options.restUrl } : {};
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest,
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
  });
}
