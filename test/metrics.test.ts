import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { publishInteraction, publishPotd } from "../src/ops/events.js";
import { checkHealth } from "../src/ops/health-server.js";
import { createMetrics, type Metrics } from "../src/ops/metrics.js";

let metrics: Metrics | undefined;
afterEach(() => metrics?.close());

async function value(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = (await metrics!.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const found = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return found?.value;
}

/** A real better-sqlite3 error, as the store throws them. */
function sqliteError(): unknown {
  const db = new Database(":memory:");
  try {
    db.prepare("SELECT * FROM no_such_table").get();
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error("expected an error");
}

describe("metrics from the events the bot publishes", () => {
  it("counts posts of the day sent and failed, and an attempt after a failure as a retry", async () => {
    metrics = createMetrics({ collectionSize: () => 3, shards: () => [] });
    const day = { localDate: "2026-11-30" };
    publishPotd({ outcome: "failed", channelId: "1", ...day });
    publishPotd({ outcome: "failed", channelId: "1", ...day });
    publishPotd({ outcome: "sent", channelId: "1", ...day });
    publishPotd({ outcome: "sent", channelId: "2", ...day });
    // A new day for channel 1 is a first attempt again.
    publishPotd({ outcome: "sent", channelId: "1", localDate: "2026-12-01" });
    expect(await value("curator_potd_sent_total")).toBe(3);
    expect(await value("curator_potd_failed_total")).toBe(2);
    expect(await value("curator_potd_retried_total")).toBe(2);
  });

  it("counts an interaction that failed in the store as a store error too", async () => {
    metrics = createMetrics({ collectionSize: () => 3, shards: () => [] });
    publishInteraction({
      command: "schedule",
      kind: "command",
      outcome: "failed",
      seconds: 0.01,
      error: sqliteError(),
    });
    publishInteraction({
      command: "post",
      kind: "command",
      outcome: "failed",
      seconds: 0.01,
      error: new Error("x"),
    });
    expect(await value("curator_store_errors_total", { source: "interaction" })).toBe(1);
    expect(await value("curator_interactions_total", { command: "schedule", outcome: "failed" })).toBe(1);
  });

  it("reads the collection and the gateway when scraped", async () => {
    let size = 3;
    metrics = createMetrics({
      collectionSize: () => size,
      shards: () => [
        { id: 0, status: 0, ping: 42 },
        { id: 1, status: 2, ping: -1 },
      ],
    });
    size = 5;
    expect(await value("curator_collection_posts")).toBe(5);
    expect(await value("curator_gateway_state", { shard: "0", state: "Ready" })).toBe(1);
    expect(await value("curator_gateway_state", { shard: "1", state: "Reconnecting" })).toBe(1);
    expect(await value("curator_gateway_state", { shard: "1", state: "Ready" })).toBe(0);
    expect(await value("curator_gateway_ping_seconds", { shard: "0" })).toBe(0.042);
    expect(await value("curator_gateway_ping_seconds", { shard: "1" })).toBeUndefined();
  });

  it("stops counting once closed", async () => {
    metrics = createMetrics({ collectionSize: () => 3, shards: () => [] });
    metrics.close();
    publishPotd({ outcome: "sent", channelId: "1", localDate: "2026-11-30" });
    expect(await value("curator_potd_sent_total")).toBe(0);
  });
});

describe("checkHealth", () => {
  it("lists every failing check, including one that throws", () => {
    expect(
      checkHealth([
        () => undefined,
        () => "the store does not answer",
        () => {
          throw new Error("boom");
        },
      ]),
    ).toEqual({ ok: false, problems: ["the store does not answer", "boom"] });
    expect(checkHealth([() => undefined])).toEqual({ ok: true, problems: [] });
  });
});
