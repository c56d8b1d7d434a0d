import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { freshPostgresUrl } from "../postgres-schema.js";
import { APP_ID, type BotProcess, startBotProcess, TOKEN } from "./bot-process.js";

const GUILD = "400000000000000001";
const CHANNEL = "500000000000000001";

let fake: FakeDiscord | undefined;
let bots: BotProcess[] = [];
afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop("SIGKILL")));
  bots = [];
  await fake?.stop();
});

describe("DATABASE_URL: the bot on PostgreSQL", () => {
  it("two processes on one database post once; a restart the same day posts nothing more", {
    timeout: 90_000,
  }, async () => {
    fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP_ID,
      heartbeatIntervalMs: 1000,
      nonceWindowMs: 0,
      guilds: [{ id: GUILD, name: "server", channels: [{ id: CHANNEL, name: "potd" }] }],
    });
    const url = await freshPostgresUrl("e2e");
    const start = () => {
      const bot = startBotProcess({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_GUILD_ID: GUILD,
        DISCORD_REST_URL: fake!.restUrl,
        DATABASE_URL: url,
        POTD_CHANNEL_ID: CHANNEL,
        POTD_CRON: "0 0 * * *",
        POTD_TIMEZONE: "UTC",
      });
      bots.push(bot);
      return bot;
    };
    const both = [start(), start()];
    await Promise.all(both.map((b) => b.waitForLog("scheduler started", 45_000)));
    const posts = () => fake!.messages(CHANNEL).filter((m) => m.content.includes("Post of the day"));
    expect(posts()).toHaveLength(1);
    expect(await both[0]!.stop("SIGTERM")).toBe(0);
    const again = start();
    await again.waitForLog("scheduler started", 45_000);
    expect(posts()).toHaveLength(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query("SELECT status, message_id FROM deliveries")).rows;
    await client.end();
    expect(rows).toEqual([{ status: "sent", message_id: posts()[0]!.id }]);
  });
});
