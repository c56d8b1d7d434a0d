import { type APIGatewayBotInfo, REST, Routes, ShardingManager } from "discord.js";
import { config as loadDotenv } from "dotenv";
import { configOrExit } from "./config.js";
import { createLogger } from "./logger.js";

/**
 * `npm run start:sharded`: one process per shard, each running src/main.ts for the guilds it holds. All shards
 * share the SQLite database; the delivery log's unique key keeps the post of the day exactly-once across them.
 */
loadDotenv({ quiet: true });
const config = configOrExit();
const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]).child({ component: "sharding" });

// discord.js's own "auto" asks Discord's public API directly; ask the configured one (a REST proxy) instead.
const rest = new REST(config.DISCORD_REST_URL ? { api: config.DISCORD_REST_URL } : {}).setToken(
  config.DISCORD_TOKEN!,
);
const totalShards = config.SHARD_COUNT ?? ((await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo).shards;

const manager = new ShardingManager(new URL("./main.ts", import.meta.url).pathname, {
  token: config.DISCORD_TOKEN!,
  totalShards,
  execArgv: ["--import", "tsx"],
  respawn: true,
});
manager.on("shardCreate", (shard) => log.info({ shard: shard.id, totalShards }, "shard started"));
await manager.spawn({ timeout: 60_000 });
log.info({ totalShards }, "all shards ready");

/** Passes the signal on: each shard answers what is in flight and exits (within 5 s), then the manager exits. */
function stop(signal: NodeJS.Signals): void {
  log.info({ signal }, "stopping shards");
  manager.respawn = false;
  const exits = [...manager.shards.values()].map(
    (shard) =>
      new Promise<void>((resolve) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  );
  const deadline = new Promise((resolve) => setTimeout(resolve, 5000));
  void Promise.race([Promise.all(exits), deadline]).then(() => process.exit(0));
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
