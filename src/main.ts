import type { Client } from "discord.js";
import { config as loadDotenv } from "dotenv";
import type { Logger } from "pino";
import { commands } from "../commands/index.js";
import { type Config, configOrExit } from "./config.js";
import { runConsole } from "./console/run.js";
import { BadTokenError, isBadToken, startBot } from "./discord/bot.js";
import { createClient } from "./discord/client.js";
import type { BotContext, Library } from "./discord/context.js";
import { createPotdTransport } from "./discord/potd-transport.js";
import { registerCommands } from "./discord/register.js";
import { CollectionError } from "./library/load.js";
import { createRandomPicker } from "./library/random.js";
import { loadLibrary } from "./load-library.js";
import { createLogger, redact } from "./logger.js";
import { watchCollection } from "./reload/watch-collection.js";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.js";
import { openStore, type Store } from "./store/store.js";
import { VERSION } from "./version.js";

const NO_TOKEN_HINT =
  "No DISCORD_TOKEN: to connect to Discord, copy .env.example to .env and set DISCORD_TOKEN and DISCORD_CLIENT_ID (see README, 'Connect to Discord').";
const SHUTDOWN_MS = 4500;

loadDotenv({ quiet: true });

async function main(): Promise<number> {
  if (!process.env.DISCORD_TOKEN) {
    console.error(NO_TOKEN_HINT);
    if (!process.stdin.isTTY) return 1;
    return runConsole([], { collectionPath: process.env.COLLECTION_PATH ?? "data/posts.json" });
  }
  const config = configOrExit();
  return serve(config, createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]));
}

async function serve(config: Config, log: Logger): Promise<number> {
  process.on("unhandledRejection", (reason) =>
    log.error({ err: reason }, "unhandled rejection (the bot keeps running)"),
  );
  process.on("uncaughtException", (error) =>
    log.error({ err: error }, "uncaught exception (the bot keeps running)"),
  );

  const cacheProblem = (problem: string) =>
    log.warn({ problem }, "search index cache not used; index built instead");
  let library: Library;
  try {
    library = await loadLibrary(config.COLLECTION_PATH, undefined, cacheProblem);
  } catch (error) {
    if (!(error instanceof CollectionError)) throw error;
    log.fatal({ problems: error.problems }, "the collection is not valid");
    console.error(error.message);
    return 1;
  }
  log.info({ posts: library.collection.posts.length, source: config.COLLECTION_PATH }, "collection loaded");
  // Hot reload: a valid new file replaces the pair in one assignment (a search in flight keeps the old pair);
  // an invalid one is logged in full and the last good collection stays.
  const watcher = watchCollection(config.COLLECTION_PATH, {
    onLoad(loaded) {
      const { collection } = loaded.library;
      if (collection.hash === library.collection.hash) return;
      if (loaded.cacheProblem) cacheProblem(loaded.cacheProblem);
      library = loaded.library;
      log.info({ posts: collection.posts.length, hash: collection.hash.slice(0, 12) }, "collection reloaded");
    },
    onReject(problems) {
      log.error({ problems }, "the changed collection is not valid: still serving the last good one");
    },
  });
  const store = openStore(config.CURATOR_DB);

  const client = createClient({ restUrl: config.DISCORD_REST_URL });
  const shard = client.shard?.ids[0];
  const token = config.DISCORD_TOKEN!;
  if (config.REGISTER_COMMANDS && (shard ?? 0) === 0) {
    try {
      const count = await registerCommands(commands, {
        token,
        clientId: config.DISCORD_CLIENT_ID!,
        guildId: config.DISCORD_GUILD_ID,
        restUrl: config.DISCORD_REST_URL,
      });
      log.info({ count, guild: config.DISCORD_GUILD_ID ?? "global" }, "commands registered");
    } catch (error) {
      if (!isBadToken(error)) throw error;
      return refusedToken(new BadTokenError("Discord refused DISCORD_TOKEN (401 Unauthorized)."));
    }
  }

  /** The one start-up failure a person must fix by hand: say how, and stop. */
  async function refusedToken(error: BadTokenError): Promise<number> {
    watcher.close();
    store.close();
    log.fatal(error.message);
    console.error(`${error.message} Copy the token again from the Developer Portal's Bot page into .env.`);
    await client.destroy().catch(() => undefined);
    return 1;
  }

  const scheduler = createPostOfTheDay(config, client, store, () => library, log);
  const ctx: BotContext = {
    library: () => library,
    random: createRandomPicker(),
    startedAt: new Date(),
    version: VERSION,
    now: () => new Date(),
    scheduler,
    store,
  };
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot(client, token, commands, ctx, log);
  } catch (error) {
    if (error instanceof BadTokenError) return refusedToken(error);
    throw error;
  }
  // Signals are handled before the start-up catch-up, which may take minutes for thousands of servers.
  const stopped = new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      log.info({ signal }, "shutting down");
      void scheduler
        .stop()
        .then(() => bot.stop(SHUTDOWN_MS))
        .finally(() => {
          watcher.close();
          store.close();
          resolve(0);
        });
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });
  const ticks = await scheduler.start();
  log.info({ delivered: ticks.length }, "scheduler started");
  return stopped;
}

/** The scheduler for the guilds this process (or shard) holds, posting through discord.js. */
function createPostOfTheDay(
  config: Config,
  client: Client,
  store: Store,
  library: () => Library,
  log: Logger,
): Scheduler {
  const channelId = config.POTD_CHANNEL_ID;
  return createScheduler({
    store,
    now: () => new Date(),
    listGuilds: () => client.guilds.cache.keys(),
    collection: () => library().collection,
    ...createPotdTransport(client),
    log: log.child({ component: "scheduler" }),
    owner: `shard-${client.shard?.ids.join("-") ?? 0}`,
    ...(channelId
      ? {
          env: {
            channelId,
            cron: config.POTD_CRON,
            timeZone: config.POTD_TIMEZONE,
            ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
          },
        }
      : {}),
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      "Curator stopped:",
      redact(error instanceof Error ? error.message : String(error), [process.env.DISCORD_TOKEN]),
    );
    process.exit(1);
  },
);
