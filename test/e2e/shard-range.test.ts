import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { APP_ID, type BotProcess, startBotProcess, TOKEN } from "./bot-process.js";

// (id >> 22) % 2: the first server is on shard 0, the second on shard 1.
const ON_SHARD_0 = "400000000000000001";
const ON_SHARD_1 = "400000000004194304";
const guilds = [ON_SHARD_0, ON_SHARD_1].map((id, i) => ({
  id,
  name: `server ${i}`,
  channels: [{ id: `50000000000000000${i}`, name: "general" }],
}));

let fake: FakeDiscord | undefined;
const processes: BotProcess[] = [];

afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.stop("SIGKILL")));
  await fake?.stop();
  fake = undefined;
});

async function host(shardIds: string): Promise<BotProcess> {
  fake ??= await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    guilds,
    shards: 2,
    heartbeatIntervalMs: 1000,
  });
  const bot = startBotProcess({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_REST_URL: fake.restUrl,
    REGISTER_COMMANDS: "true",
    CURATOR_DB: ":memory:",
    SHARD_IDS: shardIds,
    SHARD_COUNT: "2",
  });
  processes.push(bot);
  await bot.waitForLog("scheduler started", 60_000);
  return bot;
}

const identified = (f: FakeDiscord) =>
  f.gatewayOps.filter((op) => op.op === 2).map((op) => (op.d as { shard: number[] }).shard);

const about = (f: FakeDiscord, guildId: string) =>
  f.sendInteraction(f.slashCommand({ name: "about", guildId })) as Promise<{ type: number }>;

describe("internal sharding: one process holds a range of shards", () => {
  it("SHARD_IDS=0-1: both shards in one process, every server answered", async () => {
    const bot = await host("0-1");
    expect(identified(fake!).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect((await about(fake!, ON_SHARD_0)).type).toBe(4);
    expect((await about(fake!, ON_SHARD_1)).type).toBe(4);
    expect((await bot.waitForLog("connected to Discord")).guilds).toBe(2);
  }, 90_000);

  it("SHARD_IDS=1 of 2: this host holds shard 1 only; another host holds shard 0", async () => {
    await host("1");
    expect(identified(fake!)).toEqual([[1, 2]]);
    expect((await about(fake!, ON_SHARD_1)).type).toBe(4);
    await expect(about(fake!, ON_SHARD_0)).rejects.toThrow(/no gateway session holds guild/);

    await host("0");
    expect(identified(fake!).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect((await about(fake!, ON_SHARD_0)).type).toBe(4);
  }, 120_000);
});
