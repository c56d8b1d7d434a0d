import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { APP_ID, type BotProcess, connectedTo, startBotProcess, TOKEN, waitUntil } from "./bot-process.js";
import { claimTodayForADeadProcess } from "./dead-claim.js";

const GUILD = "400000000000000001";
const CHANNEL = "500000000000000001";
const READ_ONLY = "500000000000000002";
const READERS_ROLE = "700000000000000001";
const today = () => new Date().toISOString().slice(0, 10);
const posted = (fake: FakeDiscord, channel: string) =>
  fake
    .messages(channel)
    .filter((m) => m.author.id === fake.botUserId && m.content.includes("Post of the day"));

let fake: FakeDiscord | undefined;
let bots: BotProcess[] = [];

afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop("SIGKILL")));
  bots = [];
  await fake?.stop();
  fake = undefined;
});

async function fakeDiscord(guilds = [{ id: GUILD, channels: [CHANNEL] }], shards = 1) {
  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    shards,
    heartbeatIntervalMs: 1000,
    guilds: guilds.map((g) => ({
      id: g.id,
      name: `server ${g.id}`,
      channels: [
        ...g.channels.map((id) => ({ id, name: `channel-${id}` })),
        ...(g.id === GUILD
          ? [
              {
                id: READ_ONLY,
                name: "read-only",
                permissionOverwrites: [
                  { id: GUILD, type: "role" as const, deny: PermissionFlagsBits.SendMessages },
                ],
              },
            ]
          : []),
      ],
      roles: [{ id: READERS_ROLE, name: "readers", permissions: 0n }],
    })),
  });
  return fake;
}

function startBot(discord: FakeDiscord, db: string, env: Record<string, string> = {}) {
  const bot = startBotProcess({
    ...connectedTo(discord.restUrl),
    CURATOR_DB: db,
    ...env,
  });
  bots.push(bot);
  return bot;
}

/** A database as a crash between claim and send leaves it. */
function claimedBeforeACrash(): string {
  const db = tempDb();
  claimTodayForADeadProcess(db, GUILD, CHANNEL);
  return db;
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), "curator-db-")), "curator.db");
/** A schedule due at midnight UTC: always past, so the start-up catch-up sends it at once. */
const MIDNIGHT = { POTD_CHANNEL_ID: CHANNEL, POTD_CRON: "0 0 * * *", POTD_TIMEZONE: "UTC" };

describe("post of the day, end to end", () => {
  it("posts once, with a nonce and no mentions, and a restart the same day posts nothing more", async () => {
    const discord = await fakeDiscord();
    const db = tempDb();
    const first = startBot(discord, db, MIDNIGHT);
    await first.waitForLog("scheduler started");
    const messages = posted(discord, CHANNEL);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toBe(`**Post of the day** · ${today()}`);
    const send = discord.requests.find(
      (r) => r.method === "POST" && r.path.endsWith(`/channels/${CHANNEL}/messages`),
    )!;
    const body = send.body as { allowed_mentions: unknown; nonce: string; enforce_nonce: boolean };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.nonce).toMatch(/^[0-9a-f]{25}$/);
    expect(body.enforce_nonce).toBe(true);
    expect(await first.stop("SIGTERM")).toBe(0);

    const second = startBot(discord, db, MIDNIGHT);
    await second.waitForLog("scheduler started");
    expect(posted(discord, CHANNEL)).toHaveLength(1);
  });

  it("repairs a crash between claim and send: sends when nothing was posted", async () => {
    const discord = await fakeDiscord();
    const db = claimedBeforeACrash();
    const bot = startBot(discord, db, MIDNIGHT);
    await bot.waitForLog("scheduler started");
    expect(posted(discord, CHANNEL)).toHaveLength(1);
    const check = openStore(db);
    expect(check.deliveries.get(GUILD, today())?.status).toBe("sent");
    check.close();
  });

  it("repairs a crash between send and mark: finds the post and sends nothing", async () => {
    const discord = await fakeDiscord();
    const db = claimedBeforeACrash();
    const message = discord.addMessage(CHANNEL, `**Post of the day** · ${today()}`, {
      id: discord.botUserId,
      username: "Curator",
    });
    const bot = startBot(discord, db, MIDNIGHT);
    await bot.waitForLog("scheduler started");
    expect(posted(discord, CHANNEL)).toHaveLength(1);
    const check = openStore(db);
    expect(check.deliveries.get(GUILD, today())).toMatchObject({ status: "sent", messageId: message.id });
    check.close();
  });

  it("sets up, previews and reports a schedule through /schedule, refusing what cannot work", async () => {
    const discord = await fakeDiscord();
    const bot = startBot(discord, tempDb());
    await bot.waitForLog("scheduler started");
    const admin = { permissions: PermissionFlagsBits.Administrator };
    const run = async (subcommand: string, options: Record<string, string> = {}, extra: object = admin) =>
      (await discord.sendInteraction(
        discord.slashCommand({ name: "schedule", subcommand, options, ...extra }),
      )) as {
        type: number;
        data: any;
      };

    const notAdmin = await run("status", {}, { permissions: PermissionFlagsBits.SendMessages });
    expect(notAdmin.data.flags).toBe(64);
    expect(notAdmin.data.embeds[0].description).toMatch(/Manage Server/);

    const badZone = await run("set", { channel: CHANNEL, time: "09:00", timezone: "Mars/Olympus" });
    expect(badZone.data.embeds[0].description).toMatch(/not a time zone/);
    const badTime = await run("set", { channel: CHANNEL, time: "25:00", timezone: "Europe/Paris" });
    expect(badTime.data.embeds[0].description).toMatch(/not a time/);
    const readOnly = await run("set", { channel: READ_ONLY, time: "09:00", timezone: "Europe/Paris" });
    expect(readOnly.data.embeds[0].description).toMatch(/missing Send Messages/);

    const set = await run("set", { channel: CHANNEL, time: "23:59", timezone: "Europe/Paris" });
    expect(set.data.flags).toBe(64);
    expect(set.data.embeds[0].description).toContain(`<#${CHANNEL}> at 23:59 Europe/Paris`);

    const zones = (await discord.sendInteraction(
      discord.autocomplete({
        name: "schedule",
        subcommand: "set",
        options: { timezone: "paris" },
        focused: "timezone",
        ...admin,
      }),
    )) as { data?: any };
    expect(zones.data.choices.map((c: { value: string }) => c.value)).toContain("Europe/Paris");

    const role = await run("role", { role: READERS_ROLE });
    expect(role.data.embeds[0].description).toBe(`Each post of the day will ping <@&${READERS_ROLE}>.`);

    const preview = await run("preview");
    expect(preview.data.flags).toBe(64);
    expect(preview.data.content).toMatch(
      new RegExp(`^<@&${READERS_ROLE}> \\*\\*Post of the day\\*\\* · \\d{4}-\\d{2}-\\d{2}$`),
    );
    // The server's role is the only mention the bot ever lets ping.
    expect(preview.data.allowed_mentions).toEqual({ parse: [], roles: [READERS_ROLE] });

    const status = await run("status");
    const fields = Object.fromEntries(
      status.data.embeds[0].fields.map((f: { name: string; value: string }) => [f.name, f.value]),
    );
    expect(fields["Next post"]).toMatch(/23:59 Europe\/Paris \(.* UTC\)/);
    expect(fields["Posts left before the cycle restarts"]).toBe("17");

    const potd = (await discord.sendInteraction(discord.slashCommand({ name: "potd" }))) as { data: any };
    expect(preview.data.content).toBe(`<@&${READERS_ROLE}> ${potd.data.content}`);
    expect(potd.data.embeds[0].title).toBe(preview.data.embeds[0].title);

    expect((await run("off")).data.embeds[0].description).toMatch(/off/);
    expect((await run("status")).data.embeds[0].description).toMatch(/\*\*off\*\*/);
  });

  it("with two shards and two servers each, posts to each server exactly once", {
    timeout: 60_000,
  }, async () => {
    // Guild ids chosen so that (id >> 22) % 2 puts two on each shard.
    const guilds = [
      "400000000000000001",
      "400000000004194304",
      "400000000008388608",
      "400000000012582912",
    ].map((id, i) => ({
      id,
      channels: [`60000000000000000${i}`],
    }));
    const shardOf = (id: string) => Number((BigInt(id) >> 22n) % 2n);
    expect(guilds.map((g) => shardOf(g.id)).sort()).toEqual([0, 0, 1, 1]);
    const discord = await fakeDiscord(guilds, 2);
    const db = tempDb();
    const store = openStore(db);
    for (const g of guilds)
      store.settings.update(g.id, { channelId: g.channels[0]! }, new Date(), {
        time: "00:00",
        timeZone: "UTC",
      });
    store.close();

    const manager = startBotProcessSharded(discord, db);
    await manager.waitForLog("scheduler started", 60_000);
    await waitUntil(() => guilds.every((g) => posted(discord, g.channels[0]!).length >= 1), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const g of guilds) expect(posted(discord, g.channels[0]!)).toHaveLength(1);
    expect(await manager.stop("SIGTERM")).toBe(0);
  });
});

function startBotProcessSharded(discord: FakeDiscord, db: string): BotProcess {
  const bot = startBotProcess(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_REST_URL: discord.restUrl,
      CURATOR_DB: db,
      SHARD_COUNT: "2",
    },
    "src/sharded.ts",
  );
  bots.push(bot);
  return bot;
}
