/**
 * The post of the day follows the server's preferred locale (from the gateway's GUILD_CREATE), and crash repair
 * still finds it when the send's answer is lost: the real bot process against the fake Discord.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { APP_ID, type BotProcess, connectedTo, startBotProcess, TOKEN, waitUntil } from "./bot-process.js";

const GUILD = "400000000000000001";
const CHANNEL = "500000000000000001";
const POTD_PATH = new RegExp(`/channels/${CHANNEL}/messages$`);
const today = () => new Date().toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
  fake = undefined;
  bot = undefined;
});

describe("a server whose preferred locale is French", () => {
  it("gets its post of the day in French, and a lost answer still ends with exactly one post", {
    timeout: 60_000,
  }, async () => {
    fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP_ID,
      heartbeatIntervalMs: 1000,
      nonceWindowMs: 500,
      guilds: [
        { id: GUILD, name: "serveur", preferredLocale: "fr", channels: [{ id: CHANNEL, name: "potd" }] },
      ],
    });
    // The message is created, then its answer lost: the retry, past the nonce window, must find it.
    fake.loseAnswer({ method: "POST", pathMatch: POTD_PATH, how: "502" });
    const db = join(mkdtempSync(join(tmpdir(), "curator-locale-")), "curator.db");
    bot = startBotProcess({
      ...connectedTo(fake.restUrl),
      CURATOR_DB: db,
      // Due at midnight UTC: always past, so the start-up catch-up sends at once.
      POTD_CHANNEL_ID: CHANNEL,
      POTD_CRON: "0 0 * * *",
      POTD_TIMEZONE: "UTC",
      POTD_RETRY_DELAYS: "2s,2s,2s",
    });
    const discord = fake;
    const mine = () => discord.messages(CHANNEL).filter((m) => m.author.id === discord.botUserId);
    const delivery = () => {
      const store = openStore(db);
      try {
        return store.deliveries.get(GUILD, today());
      } finally {
        store.close();
      }
    };
    await bot.waitForLog("post of the day failed", 30_000);
    expect(mine()).toHaveLength(1);
    await waitUntil(() => delivery()?.status === "sent", 20_000, { what: "the day marked sent" });
    await sleep(2500);

    const posts = mine();
    expect(posts).toHaveLength(1);
    expect(delivery()).toMatchObject({ status: "sent", messageId: posts[0]!.id });
    // One send: the retry read the channel and found the French post by its Save button's date.
    expect(discord.requests.filter((r) => r.method === "POST" && POTD_PATH.test(r.path))).toHaveLength(1);

    const frenchDate = new Intl.DateTimeFormat("fr", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${today()}T00:00:00Z`));
    expect(posts[0]!.content).toBe(`**Publication du jour** · ${frenchDate}`);
    const buttons = (posts[0]!.components ?? []).flatMap(
      (row) => (row as { components: { label?: string; custom_id?: string }[] }).components,
    );
    const save = buttons.find((b) => b.label === "Enregistrer");
    expect(save?.custom_id).toMatch(new RegExp(`^sv\\|[^|]+\\|${today().replaceAll("-", "")}$`));
  });
});
