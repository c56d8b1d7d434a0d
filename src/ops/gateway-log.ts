import { type Client, Events, GatewayCloseCodes } from "discord.js";
import type { Logger } from "pino";

export interface GatewayLogOptions {
  /** When the first "still disconnected" summary comes; each next one comes twice as late, up to an hour. */
  firstSummaryMs?: number;
  now?: () => number;
}

interface Outage {
  since: number;
  attempts: number;
  lastCode?: number;
  lastError?: string;
  nextSummaryAt: number;
  summaryEveryMs: number;
}

const HOUR = 3_600_000;

/**
 * Logs a gateway outage the way an operator wants to read it: the change of state once, with the close code or the
 * error, then a summary with backoff ("still disconnected after 5 min, 42 attempts"), then the recovery — instead of
 * discord.js's reconnect attempt every 500 ms (170,000 lines a day).
 */
export function logGatewayOutages(client: Client, log: Logger, options: GatewayLogOptions = {}): () => void {
  const now = options.now ?? Date.now;
  const firstSummaryMs = options.firstSummaryMs ?? 60_000;
  const outages = new Map<number, Outage>();
  const watched = new WeakSet<object>();

  const begin = (shard: number, cause: { code?: number; error?: string }) => {
    let outage = outages.get(shard);
    if (!outage) {
      outage = {
        since: now(),
        attempts: 0,
        nextSummaryAt: now() + firstSummaryMs,
        summaryEveryMs: firstSummaryMs,
      };
      outages.set(shard, outage);
      log.warn(
        {
          shard,
          ...(cause.code === undefined ? {} : { code: cause.code, meaning: closeMeaning(cause.code) }),
          ...(cause.error ? { error: cause.error } : {}),
        },
        "gateway disconnected",
      );
    }
    if (cause.code !== undefined) outage.lastCode = cause.code;
    if (cause.error) outage.lastError = cause.error;
    return outage;
  };

  const recovered = (shard: number) => {
    const outage = outages.get(shard);
    if (!outage) return;
    outages.delete(shard);
    log.info(
      { shard, after: summary(outage, now()), downMs: now() - outage.since, attempts: outage.attempts },
      "gateway resumed",
    );
  };

  /** discord.js's own shard objects carry the close code; the client's events do not. */
  const watchShards = () => {
    for (const shard of client.ws.shards.values()) {
      if (watched.has(shard)) continue;
      watched.add(shard);
      shard.on("close", (event) => begin(shard.id, { code: event.code }));
    }
  };

  const onReconnecting = (shard: number) => {
    watchShards();
    begin(shard, {}).attempts++;
  };
  const onError = (error: Error, shard: number) => begin(shard, { error: error.message });
  const onBack = (shard: number) => {
    watchShards();
    recovered(shard);
  };
  client.on(Events.ShardReconnecting, onReconnecting);
  client.on(Events.ShardError, onError);
  client.on(Events.ShardReady, onBack);
  client.on(Events.ShardResume, onBack);
  client.on(Events.ClientReady, watchShards);

  const timer = setInterval(
    () => {
      for (const [shard, outage] of outages) {
        if (now() < outage.nextSummaryAt) continue;
        outage.summaryEveryMs = Math.min(outage.summaryEveryMs * 2, HOUR);
        outage.nextSummaryAt = now() + outage.summaryEveryMs;
        log.warn(
          {
            shard,
            after: summary(outage, now()),
            downMs: now() - outage.since,
            attempts: outage.attempts,
            ...(outage.lastCode === undefined
              ? {}
              : { code: outage.lastCode, meaning: closeMeaning(outage.lastCode) }),
            ...(outage.lastError ? { error: outage.lastError } : {}),
          },
          "gateway still disconnected",
        );
      }
    },
    Math.min(firstSummaryMs, 10_000),
  );
  timer.unref();

  return () => {
    clearInterval(timer);
    client.off(Events.ShardReconnecting, onReconnecting);
    client.off(Events.ShardError, onError);
    client.off(Events.ShardReady, onBack);
    client.off(Events.ShardResume, onBack);
    client.off(Events.ClientReady, watchShards);
  };
}

/** A close code's name: Discord's (4000-4014, e.g. `InvalidShard`) or the WebSocket's (1000 `Normal`…). */
export function closeMeaning(code: number): string {
  const discord = (GatewayCloseCodes as Record<number, string>)[code];
  if (discord) return discord;
  return WEBSOCKET_CLOSE[code] ?? "unknown";
}

const WEBSOCKET_CLOSE: Record<number, string> = {
  1000: "Normal",
  1001: "GoingAway",
  1005: "NoStatus",
  1006: "Abnormal (connection lost)",
  1011: "ServerError",
  1012: "Restart",
  1014: "BadGateway",
};

/** "5 min, 42 attempts": how long and how hard, for a person reading the log. */
function summary(outage: Outage, at: number): string {
  return `${duration(at - outage.since)}, ${plural(outage.attempts, "attempt")}`;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
