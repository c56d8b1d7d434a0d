/**
 * The post of the day stays exactly once in the events production sees: lost answers, two processes on one
 * database, busy channels, supervisors' signals, shutdowns mid-send, revoked tokens and locked databases. Every
 * test runs the real bot process against the fake Discord and counts the posts in the fake's channel.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import {
  APP_ID,
  type BotProcess,
  connectedTo,
  ROOT,
  startBotProcess,
  TOKEN,
  waitUntil,
} from "./bot-process.js";
import { claimTodayForADeadProcess } from "./dead-claim.js";

const GUILD = "400000000000000001";
const CHANNEL = "500000000000000001";
const READ_ONLY = "500000000000000002";
const PLAY = "500000000000000003";
const POTD_PATH = new RegExp(`/channels/${CHANNEL}/messages$`);
const today = () => new Date().toISOString().slice(0, 10);
/** Due at midnight UTC: always past, so the start-up catch-up sends at once. */
const MIDNIGHT = { POTD_CHANNEL_ID: CHANNEL, POTD_CRON: "0 0 * * *", POTD_TIMEZONE: "UTC" };
const FAST_RETRY = { POTD_RETRY_DELAYS: "2s,2s,2s" };

const posted = (fake: FakeDiscord, channel = CHANNEL) =>
  fake
    .messages(channel)
    .filter((m) => m.author.id === fake.botUserId && m.content.includes("Post of the day"));
const tempDb = () => join(mkdtempSync(join(tmpdir(), "curator-once-")), "curator.db");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let fake: FakeDiscord | undefined;
let bots: BotProcess[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop("SIGKILL")));
  bots = [];
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await fake?.stop();
  fake = undefined;
});

async function fakeDiscord(options: { nonceWindowMs?: number } = {}) {
  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    heartbeatIntervalMs: 1000,
    ...options,
    guilds: [
      {
        id: GUILD,
        name: "server",
        channels: [
          { id: CHANNEL, name: "potd" },
          {
            id: READ_ONLY,
            name: "read-only",
            permissionOverwrites: [{ id: GUILD, type: "role", deny: PermissionFlagsBits.SendMessages }],
          },
          { id: PLAY, name: "play" },
        ],
      },
    ],
  });
  return fake;
}

function startBot(discord: FakeDiscord, db: string, env: Record<string, string> = {}) {
  const bot = startBotProcess({
    ...connectedTo(discord.restUrl),
    CURATOR_DB: db,
    ...MIDNIGHT,
    ...FAST_RETRY,
    ...env,
  });
  bots.push(bot);
  return bot;
}

function sentToday(db: string) {
  const store = openStore(db);
  try {
    return store.deliveries.get(GUILD, today());
  } finally {
    store.close();
  }
}

describe("a lost answer", () => {
  it.each(["502", "hang"] as const)(
    "(%s) is found in the channel by the retry, past Discord's nonce window: one post",
    { timeout: 60_000 },
    async (how) => {
      const discord = await fakeDiscord({ nonceWindowMs: 500 });
      discord.loseAnswer({ method: "POST", pathMatch: POTD_PATH, how });
      const db = tempDb();
      const bot = startBot(discord, db);
      await bot.waitForLog("post of the day failed", 30_000);
      expect(posted(discord)).toHaveLength(1);
      await bot.waitForLog("post of the day", 15_000);
      await waitUntil(() => sentToday(db)?.status === "sent", 15_000, { what: "the day marked sent" });
      await sleep(2500);
      expect(posted(discord)).toHaveLength(1);
      expect(sentToday(db)).toMatchObject({ status: "sent", messageId: posted(discord)[0]!.id });
      const sends = discord.requests.filter((r) => r.method === "POST" && POTD_PATH.test(r.path));
      expect(sends).toHaveLength(1);
    },
  );

  it("within the nonce window, a resend is answered with the first message by Discord itself", async () => {
    const discord = await fakeDiscord();
    const first = await fetch(`${discord.restUrl}/v10/channels/${CHANNEL}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "hello", nonce: "n1", enforce_nonce: true }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const again = await fetch(`${discord.restUrl}/v10/channels/${CHANNEL}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "hello", nonce: "n1", enforce_nonce: true }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    expect(again.id).toBe(first.id);
    expect(discord.messages(CHANNEL)).toHaveLength(1);
  });
});

describe("two plain processes on one database", () => {
  it("never take over each other's live claim: one post", { timeout: 60_000 }, async () => {
    const discord = await fakeDiscord({ nonceWindowMs: 0 });
    const db = tempDb();
    // The first process's send is held at Discord while the second starts and runs its catch-up.
    const held = discord.delayNext({ method: "POST", pathMatch: POTD_PATH, ms: 6000 });
    const first = startBot(discord, db);
    await held;
    const second = startBot(discord, db, { REGISTER_COMMANDS: "false" });
    await second.waitForLog("scheduler started", 30_000);
    await first.waitForLog("scheduler started", 30_000);
    await sleep(1000);
    expect(posted(discord)).toHaveLength(1);
    const owners = [first, second].map((b) => b.output().match(/"owner":"([^"]+)"/)?.[1]);
    expect(new Set(owners).size).toBe(2);
    expect(sentToday(db)?.claimOwner).toBe(owners[0]);
  });
});

describe("a busy channel", () => {
  it("after a crash, the first post is found behind 150 people's messages (two pages): one post", {
    timeout: 60_000,
  }, async () => {
    const discord = await fakeDiscord();
    const db = tempDb();
    claimTodayForADeadProcess(db, GUILD, CHANNEL);
    discord.addMessage(CHANNEL, `**Post of the day** · ${today()}`, {
      id: discord.botUserId,
      username: "Curator",
    });
    for (let i = 0; i < 150; i++) discord.addMessage(CHANNEL, `chatter ${i}`);
    const bot = startBot(discord, db);
    await bot.waitForLog("scheduler started", 30_000);
    expect(posted(discord)).toHaveLength(1);
    expect(sentToday(db)).toMatchObject({ status: "sent", messageId: posted(discord)[0]!.id });
    const reads = discord.requests.filter((r) => r.method === "GET" && POTD_PATH.test(r.path));
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.query.after && r.query.limit === "100")).toBe(true);
  });
});

describe("signals", () => {
  it("SIGTERM during the start-up catch-up exits within 5 s; the next start finds the cancelled send", {
    timeout: 60_000,
  }, async () => {
    const discord = await fakeDiscord({ nonceWindowMs: 0 });
    const db = tempDb();
    // Discord is slow to answer: the send is at Discord (it will create the message) when the signal comes.
    const held = discord.delayNext({ method: "POST", pathMatch: POTD_PATH, ms: 8000 });
    const bot = startBot(discord, db);
    await held;
    const signalled = Date.now();
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(bot.output()).toContain('"msg":"shutting down"');
    const after = discord.requests.filter((r) => r.time > signalled + 100 && r.method === "POST");
    expect(after).toEqual([]);
    expect(sentToday(db)?.status).toBe("claimed");
    // Discord finishes the request it was given.
    await waitUntil(() => posted(discord).length === 1, 10_000, {
      what: "Discord to create the held message",
    });
    const next = startBot(discord, db);
    await next.waitForLog("scheduler started", 30_000);
    expect(posted(discord)).toHaveLength(1);
    expect(sentToday(db)).toMatchObject({ status: "sent", messageId: posted(discord)[0]!.id });
  });
});

describe("a revoked token", () => {
  it("gateway close 4004 mid-run: one fatal line that says what to do, and exit 1", {
    timeout: 60_000,
  }, async () => {
    const discord = await fakeDiscord();
    const bot = startBot(discord, tempDb(), { POTD_CHANNEL_ID: "" });
    await bot.waitForLog("scheduler started", 30_000);
    discord.revokeToken();
    expect(await bot.exited).toBe(1);
    const fatal = bot
      .output()
      .split("\n")
      .filter((l) => l.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/DISCORD_TOKEN/);
    expect(bot.output()).not.toContain(TOKEN);
  });

  it("a 401 on the post of the day: exit 1, and no error recorded against the day", {
    timeout: 60_000,
  }, async () => {
    const discord = await fakeDiscord();
    const db = tempDb();
    // Only REST refuses the token (the gateway session lives on): the send gets a 401.
    discord.failNext({ method: "POST", pathMatch: POTD_PATH, status: 401 });
    const bot = startBot(discord, db);
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/"level":60.*DISCORD_TOKEN/);
    expect(bot.output()).not.toContain("Expected token to be set");
    expect(sentToday(db)).toMatchObject({ status: "claimed", error: null });
    // With a good token again, the next start finds nothing was posted and posts once.
    const next = startBot(discord, db);
    await next.waitForLog("scheduler started", 30_000);
    expect(posted(discord)).toHaveLength(1);
  });
});

describe("a locked database", () => {
  it("does not hold up replies while another process holds the write lock at the due minute", {
    timeout: 60_000,
  }, async () => {
    const discord = await fakeDiscord();
    const db = tempDb();
    openStore(db).close();
    // Held until the replies are checked; then the locker dies, as a crashed tool would, and the lock with it.
    const locker = holdWriteLock(db);
    children.push(locker.child);
    await locker.locked;
    const bot = startBot(discord, db);
    await bot.waitForLog("connected to Discord", 30_000);
    // Discord's 3-second deadline (sendInteraction's default) for every one of them.
    const interactions = Array.from({ length: 6 }, (_, i) =>
      discord.sendInteraction(
        discord.slashCommand(
          i % 2
            ? { name: "about", channelId: PLAY }
            : { name: "search", options: { query: "bellard" }, channelId: PLAY },
        ),
      ),
    );
    for (const body of await Promise.all(interactions)) expect(body.type).toBe(4);
    // The lock was held the whole time: the replies did not wait for it.
    expect(locker.child.exitCode).toBeNull();
    expect(bot.output()).not.toContain('"msg":"scheduler started"');
    locker.child.kill("SIGKILL");
    await bot.waitForLog("scheduler started", 30_000);
    expect(posted(discord)).toHaveLength(1);
  });
});

describe("/schedule status", () => {
  it("shows the last error for a server set up by POTD_CHANNEL_ID alone", { timeout: 60_000 }, async () => {
    const discord = await fakeDiscord();
    const bot = startBot(discord, tempDb(), { POTD_CHANNEL_ID: READ_ONLY });
    await bot.waitForLog("post of the day failed", 30_000);
    const status = (await discord.sendInteraction(
      discord.slashCommand({
        name: "schedule",
        subcommand: "status",
        permissions: PermissionFlagsBits.Administrator,
        channelId: PLAY,
      }),
    )) as unknown as { data: { embeds: { fields: { name: string; value: string }[] }[] } };
    const fields = Object.fromEntries(status.data.embeds[0]!.fields.map((f) => [f.name, f.value]));
    expect(fields["Last error"]).toMatch(/50013/);
    expect(posted(discord, READ_ONLY)).toHaveLength(0);
  });
});

describe("echoed input", () => {
  it("is never cut inside an emoji", { timeout: 60_000 }, async () => {
    const discord = await fakeDiscord();
    const bot = startBot(discord, tempDb(), { POTD_CHANNEL_ID: "" });
    await bot.waitForLog("scheduler started", 30_000);
    for (const [name, options] of [
      ["post", { id: `${"x".repeat(63)}😀😀` }],
      ["search", { query: `${"y".repeat(99)}🦖` }],
    ] as const) {
      const reply = (await discord.sendInteraction(
        discord.slashCommand({ name, options, channelId: PLAY }),
      )) as {
        data: unknown;
      };
      const text = JSON.stringify(reply.data);
      expect(text).toMatch(/x{63}|y{99}/);
      // JSON.stringify writes a lone surrogate as a \ud83d-style escape; a whole emoji stays itself.
      expect(text).not.toMatch(/\\ud[89ab][0-9a-f]{2}/i);
    }
  });
});

/** Another process holding SQLite's write lock on `db` until it is killed. */
function holdWriteLock(db: string): { child: ChildProcess; locked: Promise<void> } {
  const script = `
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(${JSON.stringify(db)});
    db.exec("BEGIN IMMEDIATE");
    db.exec("CREATE TABLE IF NOT EXISTS lock_holder (x)");
    process.stdout.write("locked\\n");
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const locked = new Promise<void>((resolve) =>
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve()),
  );
  return { child, locked };
}
