import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres-store.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { freshPostgresUrl } from "../postgres-schema.js";
import { APP_ID, type BotProcess, startBotProcess, TOKEN } from "./bot-process.js";

const SERVERS = 1000;
const ADMIN = PermissionFlagsBits.Administrator;
const guildId = (i: number) => `4${String(i).padStart(17, "0")}`;
const channelId = (i: number) => `5${String(i).padStart(17, "0")}`;

let fake: FakeDiscord | undefined;
let bots: BotProcess[] = [];
afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop("SIGKILL")));
  bots = [];
  await fake?.stop();
});

describe("CURATOR_ROLES=scheduler on PostgreSQL", () => {
  it("elects one sender; when it dies halfway, the standby finishes: one post per server, replicas answering", {
    timeout: 180_000,
  }, async () => {
    const servers = Array.from({ length: SERVERS }, (_, i) => ({
      guild: guildId(i + 1),
      channel: channelId(i + 1),
    }));
    fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP_ID,
      heartbeatIntervalMs: 1000,
      nonceWindowMs: 0,
      guilds: servers.map((s) => ({
        id: s.guild,
        name: s.guild,
        channels: [{ id: s.channel, name: "potd" }],
      })),
    });
    // Discord's global limit (50 requests/s): the day's posts take about 20 s, so the leader dies mid-way.
    fake.rateLimit({ perSecond: 50 });
    const url = await freshPostgresUrl("failover");
    const setup = await openPostgresStore(url);
    for (const s of servers)
      await setup.settings.update(s.guild, { channelId: s.channel }, new Date(), {
        time: "00:00",
        timeZone: "UTC",
      });
    await setup.close();

    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_REST_URL: fake.restUrl,
      DATABASE_URL: url,
    };
    const start = (roleEnv: Record<string, string>) => {
      const bot = startBotProcess({ ...env, ...roleEnv });
      bots.push(bot);
      return bot;
    };
    const replicas = Array.from({ length: 3 }, () =>
      start({
        CURATOR_ROLES: "http",
        INTERACTIONS_PORT: "0",
        INTERACTIONS_HOST: "127.0.0.1",
        DISCORD_PUBLIC_KEY: fake!.publicKey,
      }),
    );
    const [a, b] = [start({ CURATOR_ROLES: "scheduler" }), start({ CURATOR_ROLES: "scheduler" })];
    const leader = await Promise.race(
      [a, b].map((bot) => bot.waitForLog("leading the post of the day", 60_000).then(() => bot)),
    );
    const standby = leader === a ? b : a;
    const posts = (channel: string) =>
      fake!.messages(channel).filter((m) => m.content.includes("Post of the day")).length;
    const total = () => servers.reduce((sum, s) => sum + posts(s.channel), 0);
    await until(() => total() >= SERVERS / 3, 60_000);
    await leader.stop("SIGKILL");
    const killedAt = total();
    expect(killedAt).toBeLessThan(SERVERS);
    await standby.waitForLog("leading the post of the day", 30_000);
    await until(() => total() >= SERVERS, 90_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(servers.map((s) => posts(s.channel))).toEqual(servers.map(() => 1));

    // The replicas read the same store: /schedule status on each says today's post is out.
    const ready = await Promise.all(
      replicas.map((r) => r.waitForLog("interactions endpoint listening", 60_000)),
    );
    fake.setInteractionUrls(ready.map((entry) => `http://127.0.0.1:${entry.port}/interactions`));
    for (const s of servers.slice(0, 3)) {
      const status = (await fake.postInteraction(
        fake.slashCommand({ name: "schedule", subcommand: "status", guildId: s.guild, permissions: ADMIN }),
      )) as unknown as { data: { embeds: { fields: { name: string; value: string }[] }[] } };
      const today = status.data.embeds[0]!.fields.find((f) => f.name === "Today");
      expect(today?.value).toMatch(/: sent$/);
    }
  });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
