import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { inviteUrl } from "../../src/ops/first-run.js";
import { APP_ID, type BotAgainstFake, GUILD, ROOT, startBotAgainstFake, TOKEN } from "./bot-process.js";

const run = promisify(execFile);
const COMMANDS = ["search", "random", "post", "onthisday", "saved", "potd", "about", "schedule"];
const DRIFT =
  "the slash commands registered with Discord differ from commands/: run `npm run deploy-commands` (or start once with REGISTER_COMMANDS=true)";
let bots: BotAgainstFake[] = [];

afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  bots = [];
});

describe("first run", () => {
  it("gives the invite URL with scopes and permissions 84992", () => {
    expect(inviteUrl(APP_ID)).toBe(
      `https://discord.com/oauth2/authorize?client_id=${APP_ID}&scope=bot+applications.commands&permissions=84992`,
    );
  });

  it("warns, with the fix, when no command is registered; after deploy-commands it says they match", async () => {
    const first = await startBotAgainstFake({ env: { REGISTER_COMMANDS: "false" } });
    bots.push(first);
    const warning = await first.bot.waitForLog(DRIFT);
    expect(warning).toMatchObject({
      level: 40,
      missing: COMMANDS,
      changed: [],
      extra: [],
      where: `server ${GUILD}`,
    });
    expect(await first.bot.waitForLog("invite URL")).toMatchObject({ url: inviteUrl(APP_ID), servers: 1 });

    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/discord/deploy-commands.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_GUILD_ID: GUILD,
        DISCORD_REST_URL: first.fake.restUrl,
      },
    });
    expect(stdout).toBe(`Registered 8 commands for server ${GUILD}.\n`);
    expect(first.fake.commands(GUILD).map((c) => c.name)).toEqual(COMMANDS);
    first.bot.child.kill("SIGTERM");
    await first.bot.exited;

    // The same Discord, now with the commands: a restart finds them equal to commands/.
    const { startBotProcess } = await import("./bot-process.js");
    const again = startBotProcess({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_REST_URL: first.fake.restUrl,
      CURATOR_DB: ":memory:",
    });
    try {
      expect(await again.waitForLog("the registered slash commands match commands/")).toMatchObject({
        count: 8,
      });
      expect(again.output()).not.toContain(DRIFT);
    } finally {
      await again.stop("SIGKILL");
    }
  }, 90_000);

  it("says nothing about drift right after registering the commands itself", async () => {
    const started = await startBotAgainstFake();
    bots.push(started);
    await started.bot.waitForLog("invite URL");
    expect(started.bot.output()).not.toContain(DRIFT);
    expect(started.bot.output()).not.toContain("the registered slash commands match");
  });
});
