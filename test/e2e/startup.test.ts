import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { APP_ID, type BotProcess, connectedTo, startBotProcess, TOKEN } from "./bot-process.js";

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

  it("finishes a reply in flight before it exits on SIGTERM", async () => {
    const discord = await fakeDiscord();
    bot = startBotProcess({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_REST_URL: discord.restUrl,
    });
    await bot.waitForLog("scheduler started");
    const arrived = discord.delayNext({ method: "POST", pathMatch: /\/callback$/, ms: 1500 });
    const answered = discord.sendInteraction(discord.slashCommand({ name: "about" }), { timeoutMs: 5000 });
    await arrived;
    bot.child.kill("SIGTERM");
    const exitedAt = bot.exited.then((code) => ({ code, at: Date.now() }));
    const body = await answered;
    expect(body.type).toBe(4);
    const exit = await exitedAt;
    expect(exit.code).toBe(0);
    // The bot waited for the answer to its reply (held back 1.5 s after it arrived) before closing.
    const callback = discord.requests.find((r) => r.path.endsWith("/callback"))!;
    expect(callback.status).toBe(204);
    expect(exit.at).toBeGreaterThanOrEqual(callback.time + 1500);
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

describe("surviving restarts and bad events", () => {
  it("keeps search buttons working after a restart: their state is in the custom_id", async () => {
    const discord = await fakeDiscord();
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_REST_URL: discord.restUrl,
    };
    bot = startBotProcess({ ...env, REGISTER_COMMANDS: "true" });
    await bot.waitForLog("connected to Discord");
    const search = discord.slashCommand({ name: "search", options: { query: "learning" } });
    await discord.sendInteraction(search);
    const message = discord.originalResponse(search.token)!;
    expect(await bot.stop("SIGTERM")).toBe(0);

    bot = startBotProcess(env);
    await bot.waitForLog("connected to Discord");
    const next = (message.components![1] as { components: { custom_id: string }[] }).components[1]!.custom_id;
    const turned = (await discord.sendInteraction(discord.button({ customId: next, message }))) as {
      type: number;
      data?: any;
    };
    expect(turned.type).toBe(7);
    expect(turned.data.embeds[0].footer.text).toMatch(/page 2\//);
  });

  it("logs a malformed interaction and goes on answering", async () => {
    const discord = await fakeDiscord();
    bot = startBotProcess({
      ...connectedTo(discord.restUrl),
    });
    await bot.waitForLog("connected to Discord");
    const good = discord.slashCommand({ name: "about" });
    const {
      entitlements: _e,
      authorizing_integration_owners: _a,
      member: _m,
      user: _u,
      ...broken
    } = good as Record<string, unknown>;
    discord.dispatch(
      "INTERACTION_CREATE",
      { ...broken, id: "900000000000000001", token: "broken-token" },
      GUILD,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const logged = await bot.waitForLog("unhandled rejection (the bot keeps running)");
    expect((logged.err as { message: string }).message).toMatch(/Cannot read properties of undefined/);
    const body = await discord.sendInteraction(discord.slashCommand({ name: "about" }));
    expect(body.type).toBe(4);
    expect(bot.child.exitCode).toBeNull();
  });

  it("registers the commands with npm run deploy-commands, to one server", async () => {
    const discord = await fakeDiscord();
    bot = startBotProcess(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_GUILD_ID: GUILD,
        DISCORD_REST_URL: discord.restUrl,
      },
      "src/discord/deploy-commands.ts",
    );
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain(`Registered 8 commands for server ${GUILD}.`);
    expect(discord.commands(GUILD).map((c) => c.name)).toEqual([
      "search",
      "random",
      "post",
      "onthisday",
      "saved",
      "potd",
      "about",
      "schedule",
    ]);
    expect(discord.commands()).toEqual([]);
  });
});
