import { Client, GatewayIntentBits, type RESTOptions } from "discord.js";

export interface ClientOptions {
  /** Base URL of the Discord REST API without `/v10`, for REST proxies and the tests' fake Discord. */
  restUrl?: string | undefined;
  shards?: number | number[] | "auto";
  shardCount?: number;
  /** Replaces how REST requests are made: the HTTP interactions endpoint keeps interaction callbacks in-process. */
  makeRequest?: RESTOptions["makeRequest"] | undefined;
}

/** A discord.js client that needs no privileged intent and pings nobody unless a message says so. */
export function createClient(options: ClientOptions = {}): Client {
  const rest: Partial<RESTOptions> = {
    ...(options.restUrl ? { api: options.restUrl } : {}),
    ...(options.makeRequest ? { makeRequest: options.makeRequest } : {}),
  };
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest,
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
  });
}
