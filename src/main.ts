import { type APIUser, type Client, Events, REST, RESTEvents, Routes } from "discord.js";
import { config as loadDotenv } from "dotenv";
import type { Logger } from "pino";
import { commands } from "../commands/index.js";
import { type Config, configOrExit, failureSettings, rolesOf } from "./config.js";
import { runConsole } from "./console/run.js";
import { BadTokenError, isBadToken, startBot } from "./discord/bot.js";
import { createClient } from "./discord/client.js";
import type { BotContext, Library } from "./discord/context.js";
import { createGuildLanguages } from "./discord/guild-languages.js";
import { createPotdTransport } from "./discord/potd-transport.js";
import { registerCommands } from "./discord/register.js";
import { setPublicUrl } from "./discord/web-links.js";
import { createInteractionsEndpoint } from "./http/interactions-endpoint.js";
import { CollectionError } from "./library/load.js";
import { createRandomPicker } from "./library/random.js";
import { loadLibrary } from "./load-library.js";
import { createLogger, logDestination, redact } from "./logger.js";
import { explainFailure } from "./ops/explain-failure.js";
import { guideFirstRun } from "./ops/first-run.js";
import { startMonitoring } from "./ops/monitor.js";
import { watchCollection } from "./reload/watch-collection.js";
import { DEFAULT_RETRY } from "./scheduler/deliver.js";
import { processOwner } from "./scheduler/owner.js";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.js";
import { openPostStore } from "./store/open-post-store.js";
import type { PostStore } from "./store/post-store.js";
import { VERSION } from "./version.js";

const NO_TOKEN_HINT =
  "No DISCORD_TOKEN: to connect to Discord, copy .env.example to .env and set DISCORD_TOKEN and DISCORD_CLIENT_ID (see README, 'Connect to Discord').";
/** Replies and posts in flight get this long at shutdown; the process is gone by HARD_EXIT_MS whatever hangs. */
const SHUTDOWN_MS = 4300;
const HARD_EXIT_MS = 4800;
const TOKEN_REFUSED =
  "Discord refused DISCORD_TOKEN while running (it was reset or revoked): copy the new token from the Developer " +
  "Portal's Bot page into DISCORD_TOKEN and start Curator again.";

loadDotenv({ quiet: true });

async function main(): Promise<number> {
  if (!process.env.DISCORD_TOKEN) {
    console.error(NO_TOKEN_HINT);
    const offline = configOrExit(process.env, { requireToken: false });
    if (!process.stdin.isTTY) return 1;
    return runConsole([], { collectionPath: offline.COLLECTION_PATH });
  }
  const config = configOrExit();
  return serve(
    config,
    createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN], logDestination(config.LOG_FORMAT)),
  );
}

async function serve(config: Config, log: Logger): Promise<number> {
  setPublicUrl(config.PUBLIC_URL);
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
  const store = await openPostStore(config);

  // CURATOR_ROLES: which of the gateway, the HTTP interactions endpoint and the scheduler this process runs.
  const roles = rolesOf(config);
  const endpoint = roles.has("http") ? createInteractionsEndpoint() : undefined;
  const client = createClient({
    restUrl: config.DISCORD_REST_URL,
    makeRequest: endpoint?.makeRequest,
    ...(config.SHARD_IDS?.length ? { shards: config.SHARD_IDS, shardCount: config.SHARD_COUNT! } : {}),
  });
  let httpListening = false;
  await startMonitoring(
    config,
    {
      library: () => library,
      store,
      client,
      gateway: roles.has("gateway"),
      ...(endpoint ? { httpListening: () => httpListening } : {}),
    },
    log,
  );
  const shard = client.shard?.ids[0] ?? config.SHARD_IDS?.[0];
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
    await store.close();
    log.fatal(error.message);
    console.error(`${error.message} Copy the token again from the Developer Portal's Bot page into .env.`);
    await client.destroy().catch(() => undefined);
    return 1;
  }

  const scheduler = createPostOfTheDay(config, client, store, () => library, log, roles.has("gateway"));
  // One archive per deployment: with sharding, shard 0 serves it. Loaded only when on: the bot starts no slower.
  if (config.WEB_PORT !== undefined && (shard ?? 0) === 0) {
    const { defaultPostsOfTheDay, startArchive } = await import("./web/start.js");
    await startArchive(
      config,
      () => library,
      defaultPostsOfTheDay(config, () => library, scheduler, store),
      VERSION,
      log,
    );
  }
  const ctx: BotContext = {
    library: () => library,
    random: createRandomPicker(),
    startedAt: new Date(),
    version: VERSION,
    now: () => new Date(),
    scheduler,
    store,
  };
  guideFirstRun(
    client,
    commands,
    {
      clientId: config.DISCORD_CLIENT_ID!,
      guildId: config.DISCORD_GUILD_ID,
      justRegistered: config.REGISTER_COMMANDS,
    },
    log,
  );
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  try {
    if (roles.has("gateway")) bot = await startBot(client, token, commands, ctx, log);
    else client.rest.setToken(token);
  } catch (error) {
    if (error instanceof BadTokenError) return refusedToken(error);
    throw error;
  }
  const http = await endpoint?.listen({
    client,
    commands,
    ctx,
    port: config.INTERACTIONS_PORT!,
    host: config.INTERACTIONS_HOST ?? "0.0.0.0",
    publicKey: config.DISCORD_PUBLIC_KEY!,
    log,
  });
  httpListening = http !== undefined;
  // Signals are handled before the start-up catch-up, which may take minutes for thousands of servers.
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (why: Record<string, unknown>, code: number) => {
      if (stopping) return;
      stopping = true;
      log.info(why, "shutting down");
      // Whatever hangs (a gateway mid-reconnect, a database wait), the process is gone in under 5 s.
      setTimeout(() => process.exit(code), HARD_EXIT_MS).unref();
      void Promise.all([
        scheduler.stop(SHUTDOWN_MS - 1000),
        http?.close(SHUTDOWN_MS),
        bot?.stop(SHUTDOWN_MS),
      ]).finally(() => {
        watcher.close();
        void store.close().finally(() => resolve(code));
      });
    };
    process.once("SIGINT", () => shutdown({ signal: "SIGINT" }, 0));
    process.once("SIGTERM", () => shutdown({ signal: "SIGTERM" }, 0));
    // A token reset while running: discord.js neither reconnects (4004) nor recovers (401 drops the token).
    const tokenRefused = (where: string) => {
      if (stopping) return;
      log.fatal({ where }, TOKEN_REFUSED);
      shutdown({ reason: "token refused" }, 1);
    };
    client.on(Events.ShardDisconnect, (event) => {
      if (event.code === 4004) tokenRefused("gateway closed with 4004");
    });
    for (const rest of [client.rest, scheduler.rest]) {
      rest.on(RESTEvents.Response, (request, response) => {
        if (response.status === 401 && request.data.auth !== false)
          tokenRefused(`REST ${request.method.toUpperCase()} ${request.route} answered 401`);
      });
    }
  });
  if (!roles.has("scheduler")) {
    log.info({ roles: [...roles] }, "ready (no scheduler in this process)");
    return stopped;
  }
  const ticks = await scheduler.start();
  log.info({ delivered: ticks.length, owner: scheduler.owner.id }, "scheduler started");
  return stopped;
}

/**
 * The post-of-the-day scheduler. With the gateway role it posts to the servers this process's shards hold;
 * without it (a scheduler of its own), to every server the store has a schedule for, plus the environment's
 * default server. On a shared PostgreSQL store one scheduler is elected to send (`isLeader`).
 */
function createPostOfTheDay(
  config: Config,
  client: Client,
  store: PostStore,
  library: () => Library,
  log: Logger,
  gateway: boolean,
): Scheduler & { rest: REST; owner: ReturnType<typeof processOwner> } {
  const channelId = config.POTD_CHANNEL_ID;
  // Its own REST client, which never retries on its own (see createPotdTransport); the token is checked above.
  const rest = new REST({
    retries: 0,
    timeout: 15_000,
    ...(config.DISCORD_REST_URL ? { api: config.DISCORD_REST_URL } : {}),
  }).setToken(config.DISCORD_TOKEN!);
  const owner = processOwner();
  // Without the gateway there is no client.user: ask Discord once who the bot is (to find its own posts).
  let botUser: Promise<string> | undefined;
  const botUserId = (): string | Promise<string> => {
    if (client.user) return client.user.id;
    botUser ??= fetchBotUserId(rest);
    return botUser;
  };
  const scheduler = createScheduler({
    store,
    now: () => new Date(),
    listGuilds: gateway ? () => client.guilds.cache.keys() : () => scheduledGuilds(store, config),
    collection: () => library().collection,
    ...createPotdTransport(rest, botUserId, createGuildLanguages({ client, rest })),
    leadership: { isLeader: () => store.isLeader() },
    log: log.child({ component: "scheduler" }),
    owner,
    retry: { ...DEFAULT_RETRY, delaysMs: config.POTD_RETRY_DELAYS },
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
  return Object.assign(scheduler, { rest, owner });
}

/** Servers with a schedule in the store, and the environment's default server. */
async function scheduledGuilds(store: PostStore, config: Config): Promise<string[]> {
  const withSchedule = (await store.settings.all()).filter((s) => s.channelId).map((s) => s.guildId);
  const envGuild = config.POTD_CHANNEL_ID ? config.DISCORD_GUILD_ID : undefined;
  return [...new Set([...withSchedule, ...(envGuild ? [envGuild] : [])])];
}

async function fetchBotUserId(rest: REST): Promise<string> {
  return ((await rest.get(Routes.user())) as APIUser).id;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      "Curator stopped:",
      redact(explainFailure(error, failureSettings()), [process.env.DISCORD_TOKEN]),
    );
    process.exit(1);
  },
);
