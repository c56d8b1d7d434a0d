import { type Client, Status } from "discord.js";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Library } from "../discord/context.js";
import type { PostStore } from "../store/post-store.js";
import { type HealthCheck, startOpsServer } from "./health-server.js";
import { createMetrics } from "./metrics.js";

export interface Monitored {
  library(): Library | undefined;
  store: PostStore;
  client: Client;
  /** Whether this process holds gateway shards (CURATOR_ROLES); an HTTP-only replica has none to wait for. */
  gateway: boolean;
  /** Whether the HTTP interactions endpoint is listening; undefined when this process does not serve one. */
  httpListening?: () => boolean;
}

/**
 * With METRICS_PORT set: /healthz (the collection loaded, the store answering, every gateway shard ready) and
 * /metrics on METRICS_HOST:METRICS_PORT, for every shard this process holds. Off by default.
 */
export async function startMonitoring(
  config: Pick<Config, "METRICS_PORT" | "METRICS_HOST">,
  bot: Monitored,
  log: Logger,
): Promise<{ url: string; close(): Promise<void> } | undefined> {
  if (!config.METRICS_PORT) return undefined;
  const shards = () => bot.client.ws.shards.values();
  const metrics = createMetrics({
    collectionSize: () => bot.library()?.collection.posts.length ?? 0,
    shards,
  });
  // The store answers asynchronously (PostgreSQL): /healthz reports the last ping, taken every few seconds.
  let storeProblem: string | undefined;
  const pingStore = async () => {
    try {
      await bot.store.ping();
      storeProblem = undefined;
    } catch (error) {
      metrics.storeErrors.inc({ source: "health" });
      storeProblem = `the store does not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  await pingStore();
  setInterval(() => void pingStore(), 5000).unref();
  const checks: HealthCheck[] = [
    () => (bot.library()?.collection ? undefined : "the collection is not loaded"),
    () => storeProblem,
    () =>
      bot.httpListening && !bot.httpListening()
        ? "the interactions endpoint is not listening yet"
        : undefined,
    () => {
      if (!bot.gateway) return undefined;
      if (!bot.client.isReady()) return "the gateway is not connected yet";
      const waiting = [...shards()].filter((s) => s.status !== Status.Ready);
      return waiting.length === 0
        ? undefined
        : `gateway ${waiting.map((s) => `shard ${s.id} is ${Status[s.status]}`).join(", ")}`;
    },
  ];
  const server = await startOpsServer({
    port: config.METRICS_PORT,
    host: config.METRICS_HOST,
    checks,
    registry: metrics.registry,
  });
  log.info({ url: server.url }, "health and metrics listening (/healthz, /metrics)");
  return {
    url: server.url,
    async close() {
      metrics.close();
      await server.close();
    },
  };
}
