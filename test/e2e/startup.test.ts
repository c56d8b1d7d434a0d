import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { APP_ID, type BotProcess, startBotProcess, TOKEN } from "./bot-process.js";

const GUILD = "400000000000000001";
let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

async function fakeDiscord() {
  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: [{ id: GUILD, name: "Test server", channels: [{ id: "500000000000000001", name: "general" }] }],
    heartbeatIntervalMs: 1000,
  });
  return fake;
}

describe("starting and stopping", () => {
  it("exits 1 with a clear message, and without echoing it, when Discord refuses the token", async () => {
    const discord = await fakeDiscord();
    const wrong = "wrong-token.0123456789abcdefghijklmnop";
    bot = startBotProcess({
      DISCORD_TOKEN: wrong,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_REST_URL: discord.restUrl,
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain("Discord refused DISCORD_TOKEN (401 Unauthorized)");
    expect(bot.output()).not.toContain(wrong);
  });

  it("lists every configuration problem at once and exits 1", async () => {
    bot = startBotProcess({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: "not-a-number",
      DISCORD_REST_URL: "not a url",
      POTD_TIMEZONE: "Mars/Olympus",
    });
    expect(await bot.exited).toBe(1);
    const output = bot.output();
    expect(output).toContain("DISCORD_CLIENT_ID");
    expect(output).toContain("DISCORD_REST_URL");
    expect(output).not.toContain(TOKEN);
  });

  it("refuses to start on an invalid collection, naming the file, the post and the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-"));
    const file = join(dir, "posts.json");
    writeFileSync(file, JSON.stringify([{ id: "a", text: "", topics: [], links: [], mentions: [] }]));
    bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, COLLECTION_PATH: file });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(`${file}: post #1 (id "a"): text: must not be empty`);
  });

  it("exits 0 within 5 seconds on SIGTERM even while the gateway is reconnecting", async () => {
    const discord = await fakeDiscord();
    bot = startBotProcess({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_REST_URL: discord.restUrl,
    });
    await bot.waitForLog("connected to Discord");
    await discord.stop();
    fake = undefined;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    expect(await bot.stop("SIGTERM")).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
