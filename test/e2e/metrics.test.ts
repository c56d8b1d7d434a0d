import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../free-port.js";
import { type BotAgainstFake, PLAY_CHANNEL, POTD_CHANNEL, startBotAgainstFake } from "./bot-process.js";

const dir = mkdtempSync(join(tmpdir(), "curator-metrics-"));
let run: BotAgainstFake;
let base: string;

async function scrape(): Promise<string> {
  const response = await fetch(`${base}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/u);
  return response.text();
}

/** The value of one sample, e.g. `curator_potd_sent_total` or `curator_collection_posts`, with its labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  run = await startBotAgainstFake({
    env: {
      METRICS_PORT: String(port),
      CURATOR_DB: join(dir, "curator.db"),
      // Midnight has passed: today's post goes out at start.
      POTD_CHANNEL_ID: POTD_CHANNEL,
      POTD_CRON: "0 0 * * *",
      POTD_TIMEZONE: "UTC",
    },
  });
}, 90_000);

afterAll(async () => {
  await run?.bot.stop("SIGKILL");
  await run?.fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("METRICS_PORT during an end-to-end run", () => {
  it("logs where it listens, and /healthz is 200 once connected", async () => {
    expect(await run.bot.waitForLog("health and metrics listening (/healthz, /metrics)")).toMatchObject({
      url: base,
    });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
  });

  it("counts interactions by command and outcome, with their latency", async () => {
    const { fake } = run;
    await fake.sendInteraction(fake.slashCommand({ name: "about", channelId: PLAY_CHANNEL }));
    await fake.sendInteraction(fake.slashCommand({ name: "about", channelId: PLAY_CHANNEL }));
    await fake.sendInteraction(
      fake.autocomplete({ name: "search", options: { query: "bell" }, focused: "query" }),
    );
    const message = fake.addMessage(PLAY_CHANNEL, "a message with a button we never made");
    await fake.sendInteraction(
      fake.button({ customId: "zz|forged", message: message.id, channelId: PLAY_CHANNEL }),
    );

    const text = await scrape();
    expect(sample(text, 'curator_interactions_total{command="about",kind="command",outcome="ok"}')).toBe(2);
    expect(
      sample(text, 'curator_interactions_total{command="search",kind="autocomplete",outcome="ok"}'),
    ).toBe(1);
    expect(
      sample(text, 'curator_interactions_total{command="unknown",kind="component",outcome="unknown"}'),
    ).toBe(1);
    expect(sample(text, 'curator_interaction_duration_seconds_count{command="about",kind="command"}')).toBe(
      2,
    );
    const sum = sample(text, 'curator_interaction_duration_seconds_sum{command="about",kind="command"}');
    expect(sum).toBeGreaterThan(0);
    expect(
      sample(text, 'curator_interaction_duration_seconds_bucket{le="+Inf",command="about",kind="command"}'),
    ).toBe(2);
  });

  it("reports the post of the day sent, the collection, the store and the gateway", async () => {
    const { fake } = run;
    expect(fake.messages(POTD_CHANNEL).filter((m) => m.content.includes("Post of the day"))).toHaveLength(1);
    const text = await scrape();
    expect(sample(text, "curator_potd_sent_total")).toBe(1);
    expect(sample(text, "curator_potd_failed_total")).toBe(0);
    expect(sample(text, "curator_potd_retried_total")).toBe(0);
    expect(sample(text, "curator_collection_posts")).toBe(18);
    expect(sample(text, "curator_collection_load_seconds")).toBeGreaterThan(0);
    expect(text).toContain("# TYPE curator_store_errors_total counter");
    expect(sample(text, 'curator_gateway_state{shard="0",state="Ready"}')).toBe(1);
    expect(sample(text, 'curator_gateway_state{shard="0",state="Reconnecting"}')).toBe(0);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    // The ping is known after the first heartbeat is acknowledged (the fake asks for one a second).
    const ping = await until(
      async () => sample(await scrape(), 'curator_gateway_ping_seconds{shard="0"}'),
      "a ping",
    );
    expect(ping).toBeGreaterThanOrEqual(0);
    expect(ping).toBeLessThan(5);
  });

  it("logs a failed reply without the interaction's token or body, and counts it", async () => {
    const { fake, bot } = run;
    fake.failNext({ method: "POST", pathMatch: /\/interactions\/.*\/callback/u, status: 404, times: 2 });
    const payload = fake.slashCommand({ name: "post", options: { id: "bellard" }, channelId: PLAY_CHANNEL });
    await fake.sendInteraction(payload, { timeoutMs: 1500 }).catch(() => undefined);
    const failed = await bot.waitForLog("interaction failed");
    expect(failed.err).toMatchObject({ status: 404, method: "POST" });
    expect(String((failed.err as { url: string }).url)).toContain("/[redacted]/callback");
    expect(bot.output()).not.toContain(payload.token);
    expect(bot.output()).not.toContain("Fabrice Bellard, the quiet engineer");
    const text = await scrape();
    expect(sample(text, 'curator_interactions_total{command="post",kind="command",outcome="failed"}')).toBe(
      1,
    );
  });

  it("/healthz turns 503 with the reason when the gateway is gone", async () => {
    await run.fake.stop();
    const body = await until(async () => {
      const response = await fetch(`${base}/healthz`);
      return response.status === 503
        ? ((await response.json()) as { status: string; problems: string[] })
        : undefined;
    }, "a 503");
    expect(body.status).toBe("unavailable");
    expect(body.problems).toEqual([expect.stringMatching(/^gateway shard 0 is (?!Ready)[A-Za-z]+$/u)]);
    const text = await scrape();
    expect(sample(text, 'curator_gateway_state{shard="0",state="Ready"}')).toBe(0);
  });
});

describe("METRICS_PORT with npm run start:sharded", () => {
  it("serves every shard the one process holds on METRICS_PORT", async () => {
    const { startFakeDiscord } = await import("../fake-discord/index.js");
    const { APP_ID, TOKEN, startBotProcess, defaultGuilds } = await import("./bot-process.js");
    const port = await freePort();
    const fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP_ID,
      guilds: defaultGuilds(),
      shards: 2,
      heartbeatIntervalMs: 1000,
    });
    const manager = startBotProcess(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_REST_URL: fake.restUrl,
        CURATOR_DB: join(dir, "sharded.db"),
        SHARD_COUNT: "2",
        METRICS_PORT: String(port),
      },
      "src/sharded.ts",
    );
    try {
      await manager.waitForLog("scheduler started", 60_000);
      const url = `http://127.0.0.1:${port}`;
      const health = await until(async () => {
        const response = await fetch(`${url}/healthz`).catch(() => undefined);
        return response?.status === 200 ? response.json() : undefined;
      }, "/healthz");
      expect(health).toEqual({ status: "ok" });
      const text = await (await fetch(`${url}/metrics`)).text();
      for (const shard of [0, 1])
        expect(sample(text, `curator_gateway_state{shard="${shard}",state="Ready"}`)).toBe(1);
    } finally {
      await manager.stop("SIGKILL");
      await fake.stop();
    }
  }, 90_000);
});
