/**
 * Several schedules per server with the real bot and the fake Discord: two channels on different days, weekdays in
 * the server's zone, a forum post and a thread per post (and a forum post found again after a lost answer). The
 * bot's clock is set per run (test/e2e/clock.mjs), and runs restart on the same database, as days go by.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChannelType, PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { DEFAULT_BOT_PERMISSIONS } from "../fake-discord/model.js";
import {
  APP_ID,
  type BotProcess,
  connectedTo,
  ROOT,
  startBotProcess,
  TOKEN,
  waitUntil,
} from "./bot-process.js";

const GUILD = "400000000000000001";
const MONDAYS = "500000000000000001";
const TUESDAYS = "500000000000000002";
const FORUM = "500000000000000003";
const THREADS = "500000000000000004";
const PLAY = "500000000000000005";

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
    guilds: [
      {
        id: GUILD,
        name: "server",
        channels: [
          { id: MONDAYS, name: "mondays" },
          { id: TUESDAYS, name: "tuesdays" },
          { id: FORUM, name: "forum", type: ChannelType.GuildForum },
          { id: THREADS, name: "threads" },
          { id: PLAY, name: "play" },
        ],
        botPermissions: DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.CreatePublicThreads,
      },
    ],
  });
  return fake;
}

/** Runs the bot with its clock at `clock` until its start-up catch-up is done, then stops it. */
async function runAt(discord: FakeDiscord, db: string, clock?: string, env: Record<string, string> = {}) {
  bot = startBotProcess({
    ...connectedTo(discord.restUrl),
    CURATOR_DB: db,
    NODE_OPTIONS: `--import ${join(ROOT, "test/e2e/clock.mjs")}`,
    ...(clock ? { CURATOR_TEST_CLOCK: clock } : {}),
    ...env,
  });
  await bot.waitForLog("scheduler started", 60_000);
  return bot;
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), "curator-schedules-")), "curator.db");
const posts = (discord: FakeDiscord, channel: string) =>
  discord.messages(channel).filter((m) => m.author.id === discord.botUserId);

function seed(db: string, write: (store: ReturnType<typeof openStore>) => void) {
  const store = openStore(db);
  try {
    write(store);
  } finally {
    store.close();
  }
}

const defaults = { time: "09:00", timeZone: "UTC" };

describe("several schedules in one server", () => {
  it("posts two schedules to two channels on their own days, once each", { timeout: 180_000 }, async () => {
    const discord = await fakeDiscord();
    const db = tempDb();
    // Monday 2026-11-23: the bot is told over /schedule, as an admin would.
    await runAt(discord, db, "2026-11-23T12:00:00Z");
    const admin = { permissions: PermissionFlagsBits.Administrator, channelId: PLAY };
    for (const [name, channel, days] of [
      ["mondays", MONDAYS, "mon"],
      ["tuesdays", TUESDAYS, "tue"],
    ] as const) {
      const answer = (await discord.sendInteraction(
        discord.slashCommand({
          name: "schedule",
          subcommand: "add",
          options: { name, channel, time: "00:05", timezone: "UTC", days },
          ...admin,
        }),
      )) as unknown as { data: { embeds: { description: string }[] } };
      expect(answer.data.embeds[0]!.description).toContain(
        `Added \`${name}\`: <#${channel}> at 00:05 UTC, ${days}`,
      );
    }
    const ambiguous = (await discord.sendInteraction(
      discord.slashCommand({ name: "schedule", subcommand: "status", ...admin }),
    )) as unknown as { data: { embeds: { description: string }[] } };
    expect(ambiguous.data.embeds[0]!.description).toContain("2 schedules: `mondays`, `tuesdays`");
    await waitUntil(() => posts(discord, MONDAYS).length === 1, 70_000, { what: botOutput });
    expect(posts(discord, TUESDAYS)).toHaveLength(0);
    await bot!.stop();

    // Tuesday: the Tuesday schedule posts; Monday's does not post again.
    await runAt(discord, db, "2026-11-24T12:00:00Z");
    await waitUntil(() => posts(discord, TUESDAYS).length === 1, 30_000, { what: botOutput });
    await bot!.stop();
    await runAt(discord, db, "2026-11-24T12:30:00Z");
    await bot!.stop();
    expect(posts(discord, MONDAYS).map((m) => m.content)).toEqual(["**Post of the day** · 2026-11-23"]);
    expect(posts(discord, TUESDAYS).map((m) => m.content)).toEqual(["**Post of the day** · 2026-11-24"]);
  });

  it("skips Saturday and Sunday in the server's zone, not UTC's", { timeout: 180_000 }, async () => {
    const discord = await fakeDiscord();
    const db = tempDb();
    seed(db, (store) =>
      store.settings.update(
        GUILD,
        { channelId: MONDAYS, time: "00:00", timeZone: "America/New_York", days: "weekdays" },
        new Date(),
        defaults,
      ),
    );
    // Saturday 03:00 UTC is Friday 22:00 in New York: Friday's post goes out.
    await runAt(discord, db, "2026-11-28T03:00:00Z");
    await waitUntil(() => posts(discord, MONDAYS).length === 1, 30_000, { what: botOutput });
    await bot!.stop();
    // Saturday and Sunday in New York (Sunday and Monday 03:00 UTC): nothing.
    for (const clock of ["2026-11-28T20:00:00Z", "2026-11-30T03:00:00Z"]) {
      await runAt(discord, db, clock);
      await bot!.stop();
    }
    expect(posts(discord, MONDAYS).map((m) => m.content)).toEqual(["**Post of the day** · 2026-11-27"]);
    // Monday in New York: Monday's post.
    await runAt(discord, db, "2026-11-30T06:00:00Z");
    await waitUntil(() => posts(discord, MONDAYS).length === 2, 30_000, { what: botOutput });
    await bot!.stop();
    expect(posts(discord, MONDAYS)[1]!.content).toBe("**Post of the day** · 2026-11-30");
  });

  it("makes a forum post a day and a thread per post, finding the forum post again after a lost answer", {
    timeout: 180_000,
  }, async () => {
    const discord = await fakeDiscord();
    const db = tempDb();
    seed(db, (store) => {
      store.settings.update(
        GUILD,
        { channelId: FORUM, time: "00:00", channelKind: "forum", template: "Quote of {date}: {title}" },
        new Date(),
        defaults,
        "forum",
      );
      store.settings.update(
        GUILD,
        { channelId: THREADS, time: "00:00", channelKind: "thread", roleId: "700000000000000001" },
        new Date(),
        defaults,
        "threads",
      );
    });
    // The forum post is made, but its answer is lost: the retry must find it, not post a second one.
    discord.loseAnswer({ method: "POST", pathMatch: new RegExp(`/channels/${FORUM}/threads$`), how: "502" });
    await runAt(discord, db, undefined, { POTD_RETRY_DELAYS: "2s,2s,2s" });
    const today = new Date().toISOString().slice(0, 10);
    await waitUntil(() => deliveryOf(db, "forum", today)?.status === "sent", 30_000, { what: botOutput });
    await waitUntil(() => discord.threads(THREADS).length === 1, 30_000, { what: botOutput });
    await sleep(2500);
    await bot!.stop();

    const forumPosts = discord.threads(FORUM);
    expect(forumPosts).toHaveLength(1);
    expect(forumPosts[0]!.name).toMatch(new RegExp(`^Quote of ${today}: `));
    const starter = discord.messages(forumPosts[0]!.id);
    expect(starter.map((m) => m.id)).toEqual([forumPosts[0]!.id]);
    expect(starter[0]!.content).toMatch(new RegExp(`^Quote of ${today}: `));
    expect(deliveryOf(db, "forum", today)).toMatchObject({ status: "sent", messageId: forumPosts[0]!.id });
    const sends = discord.requests.filter(
      (r) => r.method === "POST" && r.path.endsWith(`/channels/${FORUM}/threads`),
    );
    expect(sends).toHaveLength(1);

    const [message] = posts(discord, THREADS);
    expect(message!.content).toBe(`<@&700000000000000001> **Post of the day** · ${today}`);
    const sent = discord.requests.find(
      (r) => r.method === "POST" && r.path.endsWith(`/channels/${THREADS}/messages`),
    );
    expect((sent!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({
      parse: [],
      roles: ["700000000000000001"],
    });
    expect(discord.threads(THREADS).map((t) => [t.id, t.name])).toEqual([
      [message!.id, `Post of the day · ${today}`],
    ]);
  });
});

function deliveryOf(db: string, schedule: string, date: string) {
  const store = openStore(db);
  try {
    return store.deliveries.get(GUILD, date, schedule);
  } finally {
    store.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const botOutput = () => `the posts; bot output:\n${bot?.output().slice(-3000)}`;
