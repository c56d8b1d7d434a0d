import { type APIGatewayBotInfo, REST, Routes } from "discord.js";
import { config as loadDotenv } from "dotenv";
import { configOrExit } from "./config.js";
import { createLogger } from "./logger.js";

/**
 * `npm run start:sharded`: every shard in this one process (discord.js internal sharding), so the host holds one
 * copy of the collection and index however many shards. The same as `SHARD_IDS=0-(n-1) SHARD_COUNT=n npm start`,
 * with n asked of Discord when SHARD_COUNT is not set. Several hosts: give each its own SHARD_IDS range instead.
 */
loadDotenv({ quiet: true });
const config = configOrExit();
const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]).child({ component: "sharding" });

// discord.js's own "auto" asks Discord's public API directly; ask the configured one (a REST proxy) instead.
const rest = new REST(config.DISCORD_REST_URL ? { api: config.DISCORD_REST_URL } : {}).setToken(
  config.DISCORD_TOKEN!,
);
const totalShards = config.SHARD_COUNT ?? ((await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo).shards;
process.env.SHARD_COUNT = String(totalShards);
process.env.SHARD_IDS = `0-${totalShards - 1}`;
log.info({ totalShards, shards: process.env.SHARD_IDS }, "starting every shard in this process");
await import("./main.js");
