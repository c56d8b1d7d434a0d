import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
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

/** A database of its own on the test server: a fresh schema, chosen through the URL's search_path. */
async function freshDatabaseUrl(): Promise<string> {
  const schema = `e2e_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("postgresUrl") });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(inject("postgresUrl"));
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

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
    const url = await freshDatabaseUrl();
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
