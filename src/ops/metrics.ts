import { Status } from "discord.js";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import {
  type CollectionLoadEvent,
  collectionEvents,
  type InteractionEvent,
  interactionEvents,
  isStoreError,
  type PotdEvent,
  potdEvents,
} from "./events.js";

/** What the metrics read when scraped: live values, not copies. */
export interface MetricsSources {
  /** Posts in the collection being served. */
  collectionSize(): number;
  /** Gateway shards as discord.js sees them (`client.ws.shards`); none before login. */
  shards(): Iterable<{ id: number; status: number; ping: number }>;
}

/** The last collection load, kept from start-up (before the metrics exist) on. */
let lastLoad: CollectionLoadEvent | undefined;
collectionEvents.subscribe((event) => {
  lastLoad = event as CollectionLoadEvent;
});

export interface Metrics {
  registry: Registry;
  storeErrors: Counter<"source">;
  close(): void;
}

/** Prometheus metrics in a registry of their own (not prom-client's global one: tests make several). */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const interactions = new Counter({
    name: "curator_interactions_total",
    help: "Interactions handled, by command (or button kind), kind and outcome (ok, unknown, failed).",
    labelNames: ["command", "kind", "outcome"] as const,
    registers,
  });
  const latency = new Histogram({
    name: "curator_interaction_duration_seconds",
    help: "Time from receiving an interaction to having answered it.",
    labelNames: ["command", "kind"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const sent = new Counter({ name: "curator_potd_sent_total", help: "Posts of the day sent.", registers });
  const failed = new Counter({
    name: "curator_potd_failed_total",
    help: "Attempts to send a post of the day that failed.",
    registers,
  });
  const retried = new Counter({
    name: "curator_potd_retried_total",
    help: "Attempts to send a post of the day after an earlier attempt for the same channel and day failed.",
    registers,
  });
  const storeErrors = new Counter({
    name: "curator_store_errors_total",
    help: "Errors of the database, by where they surfaced (interaction, potd, health).",
    labelNames: ["source"] as const,
    registers,
  });
  new Gauge({
    name: "curator_collection_posts",
    help: "Posts in the collection being served.",
    registers,
    collect() {
      this.set(sources.collectionSize());
    },
  });
  new Gauge({
    name: "curator_collection_load_seconds",
    help: "How long the collection took to load and index at start-up.",
    registers,
    collect() {
      if (lastLoad) this.set(lastLoad.seconds);
    },
  });
  new Gauge({
    name: "curator_gateway_state",
    help: "1 for the state each gateway shard is in (Ready, Connecting, Reconnecting, Resuming…), else 0.",
    labelNames: ["shard", "state"] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of sources.shards()) {
        for (const state of GATEWAY_STATES)
          this.set({ shard: String(shard.id), state }, Status[shard.status] === state ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: "curator_gateway_ping_seconds",
    help: "Heartbeat round trip of each gateway shard (absent until the first heartbeat is acknowledged).",
    labelNames: ["shard"] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of sources.shards())
        if (shard.ping >= 0) this.set({ shard: String(shard.id) }, shard.ping / 1000);
    },
  });

  /** (channel, day) pairs with a failed attempt: the next attempt for one of them is a retry. */
  const failing = new Set<string>();
  const onInteraction = (message: unknown) => {
    const event = message as InteractionEvent;
    interactions.inc({ command: event.command, kind: event.kind, outcome: event.outcome });
    latency.observe({ command: event.command, kind: event.kind }, event.seconds);
    if (isStoreError(event.error)) storeErrors.inc({ source: "interaction" });
  };
  const onPotd = (message: unknown) => {
    const event = message as PotdEvent;
    const key = `${event.channelId}/${event.localDate}`;
    if (failing.has(key)) retried.inc();
    if (event.outcome === "sent") {
      sent.inc();
      failing.delete(key);
    } else {
      failed.inc();
      failing.add(key);
      if (isStoreError(event.error)) storeErrors.inc({ source: "potd" });
    }
    if (failing.size > 10_000) failing.clear();
  };
  interactionEvents.subscribe(onInteraction);
  potdEvents.subscribe(onPotd);

  return {
    registry,
    storeErrors,
    close() {
      interactionEvents.unsubscribe(onInteraction);
      potdEvents.unsubscribe(onPotd);
    },
  };
}

const GATEWAY_STATES = Object.values(Status).filter((v): v is string => typeof v === "string");
