import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import {
  APP_ID,
  type BotProcess,
  connectedTo,
  defaultGuilds,
  startBotProcess,
  TOKEN,
} from "./bot-process.js";

/** `npm start` as a person runs it: npm, the launcher, the compiled bot (built first if dist/ is stale). */
let fake: FakeDiscord;
let npm: BotProcess;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID, guilds: defaultGuilds() });
  npm = startBotProcess(
    {
      ...connectedTo(fake.restUrl),
      CURATOR_DB: ":memory:",
    },
    "",
    ["npm", ["start", "--silent"]],
  );
  // A stale dist/ is rebuilt with tsc first, which takes a while on a busy machine.
  await npm.waitForLog("scheduler started", 170_000);
}, 180_000);

afterAll(async () => {
  await npm?.stop("SIGKILL");
  await fake?.stop();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start runs the compiled bot", () => {
  it("runs dist/ with node and no TypeScript runtime, and answers", async () => {
    const { pid } = await npm.waitForLog("scheduler started");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    // Plain node with no loader: it could not run a .ts file, so what answers is dist/.
    expect(cmdline.slice(1)).toEqual(["scripts/start.mjs"]);
    const about = (await fake.sendInteraction(fake.slashCommand({ name: "about" }))) as { type: number };
    expect(about.type).toBe(4);
  });

  it("stops the bot when npm gets SIGTERM: the bot is the process the signal reaches, none is left behind", async () => {
    const { pid } = await npm.waitForLog("scheduler started");
    expect(pid).not.toBe(npm.child.pid);
    expect(await npm.stop("SIGTERM")).toBe(0);
    const until = Date.now() + 5000;
    while (alive(pid as number) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid as number)).toBe(false);
    expect(npm.output()).toContain('"msg":"shutting down"');
  });
});
