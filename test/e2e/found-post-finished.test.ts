/**
 * A post found in the channel instead of sent again still gets the steps after it, with the real bot and the fake
 * Discord: an announcement schedule's post is published, a thread schedule's post gets its thread — after a lost
 * answer (the steps never ran), and after a crash that came after them (Discord answers "already done").
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChannelType, MessageFlags, PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import type { SettingsPatch } from "../../src/store/settings.js";
import { openStore } from "../../src/store/store.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { DEFAULT_BOT_PERMISSIONS } from "../fake-discord/model.js";
import { APP_ID, type BotProcess, connectedTo, startBotProcess, TOKEN, waitUntil } from "./bot-process.js";
import { claimTodayForADeadProcess } from "./dead-claim.js";

const GUILD = "400000000000000001";
const NEWS = "500000000000000001";
const THREADS = "500000000000000002";
const PLAY = "500000000000000003";
const today = () => new Date().toISOString().slice(0, 10);

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop("SIGKILL");
  bot = undefined;
  await fake?.stop();
  fake = undefined;
});

async function fakeDiscord(): Promise<FakeDiscord> {
  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    heartbeatIntervalMs: 1000,
    // Past Discord's nonce window by the retry: only reading the channel can keep the post single.
    nonceWindowMs: 500,
    guilds: [
      {
        id: GUILD,
        name: "server",
        channels: [
          { id: NEWS, name: "news", type: ChannelType.GuildAnnouncement },
          { id: THREADS, name: "threads" },
          { id: PLAY, name: "play" },
        ],
        botPermissions: DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.CreatePublicThreads,
      },
    ],
  });
  return fake;
}

/** A database with one schedule, due at midnight UTC: always past, so the start-up catch-up sends at once. */
function database(name: string, patch: SettingsPatch): string {
  const db = join(mkdtempSync(join(tmpdir(), "curator-finish-")), "curator.db");
  const store = openStore(db);
  store.settings.update(
    GUILD,
    { time: "00:00", ...patch },
    new Date(),
    { time: "00:00", timeZone: "UTC" },
    name,
  );
  store.close();
  return db;
}

async function start(discord: FakeDiscord, db: string) {
  bot = startBotProcess({
    ...connectedTo(discord.restUrl),
    CURATOR_DB: db,
    POTD_RETRY_DELAYS: "2s,2s,2s",
  });
  await bot.waitForLog("scheduler started", 60_000);
}

function stored(db: string, name: string) {
  const store = openStore(db);
  try {
    return {
      delivery: store.deliveries.get(GUILD, today(), name),
      lastError: store.settings.lastError(GUILD, name),
    };
  } finally {
    store.close();
  }
}

const mine = (discord: FakeDiscord, channel: string) =>
  discord.messages(channel).filter((m) => m.author.id === discord.botUserId);
const requests = (discord: FakeDiscord, method: string, path: RegExp) =>
  discord.requests.filter((r) => r.method === method && path.test(r.path));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const botOutput = () => `the post; bot output:\n${bot?.output().slice(-3000)}`;

describe("a post found after a lost answer", () => {
  it("in an announcement channel with crosspost: one message, published once", {
    timeout: 90_000,
  }, async () => {
    const discord = await fakeDiscord();
    const db = database("news", { channelId: NEWS, channelKind: "announcement", crosspost: true });
    discord.loseAnswer({ method: "POST", pathMatch: new RegExp(`/channels/${NEWS}/messages$`), how: "502" });
    await start(discord, db);
    await waitUntil(() => stored(db, "news").delivery?.status === "sent", 30_000, { what: botOutput });
    await sleep(2500);
    await bot!.stop();

    const [message, ...more] = mine(discord, NEWS);
    expect(more).toHaveLength(0);
    expect(message!.content).toBe(`**Post of the day** · ${today()}`);
    expect(message!.flags! & MessageFlags.Crossposted).toBe(MessageFlags.Crossposted);
    expect(requests(discord, "POST", new RegExp(`/channels/${NEWS}/messages$`))).toHaveLength(1);
    expect(requests(discord, "POST", /\/crosspost$/).map((r) => [r.path, r.status])).toEqual([
      [`/channels/${NEWS}/messages/${message!.id}/crosspost`, 200],
    ]);
    expect(stored(db, "news").delivery).toMatchObject({ status: "sent", messageId: message!.id });
  });

  it("in a thread-per-post schedule: one message, with its thread", { timeout: 90_000 }, async () => {
    const discord = await fakeDiscord();
    const db = database("talk", { channelId: THREADS, channelKind: "thread" });
    discord.loseAnswer({
      method: "POST",
      pathMatch: new RegExp(`/channels/${THREADS}/messages$`),
      how: "502",
    });
    await start(discord, db);
    await waitUntil(() => stored(db, "talk").delivery?.status === "sent", 30_000, { what: botOutput });
    await sleep(2500);
    await bot!.stop();

    const [message, ...more] = mine(discord, THREADS);
    expect(more).toHaveLength(0);
    expect(requests(discord, "POST", new RegExp(`/channels/${THREADS}/messages$`))).toHaveLength(1);
    expect(discord.threads(THREADS).map((t) => [t.id, t.name])).toEqual([
      [message!.id, `Post of the day · ${today()}`],
    ]);
    expect(message!.flags! & MessageFlags.HasThread).toBe(MessageFlags.HasThread);
    expect(stored(db, "talk").delivery).toMatchObject({ status: "sent", messageId: message!.id });
  });
});

describe("a post found after a crash that came after its steps", () => {
  it("takes Discord's 'already crossposted' and 'thread already created' as done: no warning", {
    timeout: 120_000,
  }, async () => {
    for (const [channel, patch] of [
      [NEWS, { channelKind: "announcement", crosspost: true }],
      [THREADS, { channelKind: "thread" }],
    ] as const) {
      const discord = await fakeDiscord();
      const db = database("daily", { channelId: channel, ...patch });
      // The crashed process had claimed the day, posted, published or threaded it, and died before marking it.
      claimTodayForADeadProcess(db, GUILD, channel);
      const posted = discord.addMessage(channel, `**Post of the day** · ${today()}`, {
        id: discord.botUserId,
        username: "Curator",
      });
      const step =
        channel === NEWS
          ? { path: `messages/${posted.id}/crosspost`, body: undefined }
          : { path: `messages/${posted.id}/threads`, body: JSON.stringify({ name: "Post of the day" }) };
      const done = await fetch(`${discord.restUrl}/v10/channels/${channel}/${step.path}`, {
        method: "POST",
        headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
        ...(step.body ? { body: step.body } : {}),
      });
      expect(done.ok).toBe(true);

      await start(discord, db);
      await waitUntil(() => stored(db, "daily").delivery?.status === "sent", 30_000, { what: botOutput });
      await bot!.stop();
      expect(mine(discord, channel).map((m) => m.id)).toEqual([posted.id]);
      // The bot asked again and was told it was done: 400 with the code, taken as success.
      const again = requests(discord, "POST", new RegExp(`/channels/${channel}/${step.path}$`));
      expect(again.map((r) => r.status)).toEqual([channel === NEWS ? 200 : 201, 400]);
      expect(stored(db, "daily")).toEqual({
        delivery: expect.objectContaining({ status: "sent", messageId: posted.id }),
        lastError: null,
      });
      if (channel === THREADS) expect(discord.threads(THREADS)).toHaveLength(1);
      await discord.stop();
      fake = undefined;
    }
  });
});
