/**
 * A schedule with source "on this day", with the real bot and the fake Discord: set up over `/schedule add`,
 * previewed, then run on a day with a post written on that month-day in earlier years (it posts that one) and on
 * a day with none (it posts from its deck). The bot's clock is set per run (test/e2e/clock.mjs).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
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

const GUILD = "400000000000000001";
const OTD = "500000000000000001";
const PLAY = "500000000000000002";

const post = (id: string, text: string, createdAt?: string) => ({
  id,
  text,
  topics: [],
  links: [],
  mentions: [],
  ...(createdAt ? { createdAt } : {}),
});
const POSTS = [
  post("written-2024", "Written on 16 March 2024 by hand", "2024-03-16T10:00:00Z"),
  post("written-2021", "Written on 16 March 2021 by hand", "2021-03-16T10:00:00Z"),
  post("undated-1", "An undated post one"),
  post("undated-2", "An undated post two"),
  post("undated-3", "An undated post three"),
];

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop("SIGKILL");
  bot = undefined;
  await fake?.stop();
  fake = undefined;
});

async function runAt(discord: FakeDiscord, dir: string, clock: string) {
  bot = startBotProcess({
    ...connectedTo(discord.restUrl),
    CURATOR_DB: join(dir, "curator.db"),
    COLLECTION_PATH: join(dir, "posts.json"),
    NODE_OPTIONS: `--import ${join(ROOT, "test/e2e/clock.mjs")}`,
    CURATOR_TEST_CLOCK: clock,
  });
  await bot.waitForLog("scheduler started", 60_000);
}

type Answer = { data: { content?: string; embeds: { description?: string }[] } };

describe("a schedule with source on-this-day", () => {
  it("posts the post written on that month-day in an earlier year, and falls back to its deck on a day with none", {
    timeout: 180_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-otd-e2e-"));
    writeFileSync(join(dir, "posts.json"), JSON.stringify(POSTS));
    const discord = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP_ID,
      heartbeatIntervalMs: 1000,
      guilds: [
        {
          id: GUILD,
          name: "server",
          channels: [
            { id: OTD, name: "on-this-day" },
            { id: PLAY, name: "play" },
          ],
        },
      ],
    });
    fake = discord;
    const schedule = async (subcommand: string, options: Record<string, string> = {}) =>
      (await discord.sendInteraction(
        discord.slashCommand({
          name: "schedule",
          subcommand,
          options,
          permissions: PermissionFlagsBits.Administrator,
          channelId: PLAY,
        }),
      )) as unknown as Answer;

    // 16 March 2026, noon UTC: set up for 23:00, so nothing goes out yet; the preview says where the post is from.
    await runAt(discord, dir, "2026-03-16T12:00:00Z");
    const added = await schedule("add", {
      name: "otd",
      channel: OTD,
      time: "23:00",
      timezone: "UTC",
      source: "on-this-day",
    });
    expect(added.data.embeds[0]!.description).toContain(
      `Added \`otd\`: <#${OTD}> at 23:00 UTC, on this day in earlier years, else the deck.`,
    );
    const preview = await schedule("preview");
    expect(preview.data.content).toBe(
      "-# On this day: written 2024-03-16, 2 years ago.\n**Post of the day** · 2026-03-16",
    );
    expect(preview.data.embeds[0]!.description).toContain("Written on 16 March 2024 by hand");
    const list = await schedule("list");
    expect(list.data.embeds[0]!.description).toBe(
      `**otd**: <#${OTD}> at 23:00 UTC, on this day in earlier years, else the deck`,
    );
    expect(await schedule("edit", { time: "00:05" })).toBeDefined();
    await bot!.stop();

    // Restarted past 00:05 the same day: the start-up catch-up posts the newest post of a 16 March.
    await runAt(discord, dir, "2026-03-16T12:10:00Z");
    await waitUntil(() => posts(discord).length === 1, 30_000, { what: botOutput });
    await bot!.stop();
    const [first] = posts(discord);
    expect(first!.content).toBe("**Post of the day** · 2026-03-16");
    expect(first!.embeds[0]!.description).toContain("Written on 16 March 2024 by hand");
    expect(deliveryOf(dir, "2026-03-16")).toMatchObject({ status: "sent", postId: "written-2024" });

    // 18 March: nothing was written on an 18 March, so the deck gives a post, not the one shown already.
    await runAt(discord, dir, "2026-03-18T12:00:00Z");
    await waitUntil(() => posts(discord).length === 2, 30_000, { what: botOutput });
    await bot!.stop();
    const second = posts(discord)[1]!;
    const fallback = deliveryOf(dir, "2026-03-18");
    expect(second.content).toBe("**Post of the day** · 2026-03-18");
    expect(fallback).toMatchObject({ status: "sent", messageId: second.id });
    expect(fallback!.postId).not.toBe("written-2024");
    const chosen = POSTS.find((p) => p.id === fallback!.postId)!;
    expect(second.embeds[0]!.description).toContain(chosen.text);
  });
});

const posts = (discord: FakeDiscord) =>
  discord.messages(OTD).filter((m) => m.author.id === discord.botUserId);

function deliveryOf(dir: string, date: string) {
  const store = openStore(join(dir, "curator.db"));
  try {
    return store.deliveries.get(GUILD, date, "otd");
  } finally {
    store.close();
  }
}

const botOutput = () => `the posts; bot output:\n${bot?.output().slice(-3000)}`;
