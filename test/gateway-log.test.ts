import { Writable } from "node:stream";
import type { Client } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../src/discord/client.js";
import { createLogger } from "../src/logger.js";
import { closeMeaning, logGatewayOutages } from "../src/ops/gateway-log.js";
import { APP_ID, TOKEN } from "./e2e/bot-process.js";
import { type FakeDiscord, startFakeDiscord } from "./fake-discord/index.js";

let fake: FakeDiscord | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  await fake?.stop();
  client = undefined;
  fake = undefined;
});

function capture() {
  const entries: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) entries.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger("info", [TOKEN], sink), entries };
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("logGatewayOutages, with a real discord.js client and the fake Discord", () => {
  it("logs a close once with its code, a summary with backoff while down, and the recovery", async () => {
    fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP_ID,
      guilds: [{ id: "400000000000000001", name: "s", channels: [{ id: "500000000000000001", name: "c" }] }],
      heartbeatIntervalMs: 1000,
    });
    const { log, entries } = capture();
    client = createClient({ restUrl: fake.restUrl });
    logGatewayOutages(client, log, { firstSummaryMs: 400 });
    await client.login(TOKEN);
    await until(() => client!.isReady(), "ready");
    const messages = () => entries.map((e) => e.msg);

    fake.closeGateway(4000);
    await until(() => messages().includes("gateway resumed"), "the resume");
    expect(entries.filter((e) => e.msg === "gateway disconnected")).toEqual([
      expect.objectContaining({ level: 40, shard: 0, code: 4000, meaning: "UnknownError" }),
    ]);
    expect(entries.find((e) => e.msg === "gateway resumed")).toMatchObject({
      level: 30,
      shard: 0,
      attempts: 1,
    });

    // Discord gone for good: one line for the change, then summaries at 0.4 s, 1.2 s, 2.8 s… not one per attempt.
    entries.length = 0;
    await fake.stop();
    fake = undefined;
    await until(
      () => messages().filter((m) => m === "gateway still disconnected").length >= 3,
      "three summaries",
    );
    expect(messages().filter((m) => m === "gateway disconnected")).toHaveLength(1);
    const summaries = entries.filter((e) => e.msg === "gateway still disconnected");
    const gaps = summaries.slice(1).map((e, i) => (e.downMs as number) - (summaries[i]!.downMs as number));
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    expect(summaries.at(-1)!.after).toMatch(/^\d+ s, \d+ attempts?$/u);
    expect(entries.length).toBeLessThan(8);
  }, 30_000);
});

describe("closeMeaning", () => {
  it("names Discord's and the WebSocket's close codes", () => {
    expect(closeMeaning(4004)).toBe("AuthenticationFailed");
    expect(closeMeaning(1006)).toBe("Abnormal (connection lost)");
    expect(closeMeaning(4999)).toBe("unknown");
  });
});
