/**
 * Many servers due at the same minute: every server has a post-of-the-day schedule at 00:00 UTC (always past, so
 * the bot's start-up catch-up sends them all at once) and the fake Discord allows 50 requests a second globally.
 * Measures the time until every channel holds its post, and counts posts lost or doubled.
 * `npx tsx bench/schedules.ts [servers...]` (default 1000 and 10000) prints the figures as JSON.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/store/store.js";
import type { FakeDiscord, FakeGuild } from "../test/fake-discord/index.js";
import { GUILD, rssKiB, sleep, startBotAgainstFake } from "./bot-harness.js";

export interface ScheduleBenchOptions {
  servers?: number;
  /** The fake's global budget of REST requests a second. */
  perSecond?: number;
  /** Gives up waiting for the posts after this long (default: three times the ideal time, plus a minute). */
  timeoutMs?: number;
}

export interface ScheduleBenchFigures {
  servers: number;
  perSecond: number;
  /** From spawning the bot to "connected to Discord" (every GUILD_CREATE received). */
  connectMs: number;
  /** From "connected to Discord" to the last channel holding its post. */
  deliverMs: number;
  /** servers / perSecond: the least time the rate limit allows. */
  idealMs: number;
  postsPerSecond: number;
  delivered: number;
  lost: number;
  doubled: number;
  /** 429s the fake answered; POSTs to channels it accepted. */
  rateLimited: number;
  sends: number;
  completed: boolean;
  rssKiB: number;
}

const guildId = (i: number) => (i === 0 ? GUILD : String(410000000000000000n + BigInt(i)));
const channelId = (i: number) => String(600000000000000000n + BigInt(i));

export async function runScheduleBench(options: ScheduleBenchOptions = {}): Promise<ScheduleBenchFigures> {
  const servers = options.servers ?? 10_000;
  const perSecond = options.perSecond ?? 50;
  const idealMs = Math.round((servers / perSecond) * 1000);
  const timeoutMs = options.timeoutMs ?? idealMs * 3 + 60_000;
  const folder = await mkdtemp(join(tmpdir(), "curator-schedules-"));
  const db = join(folder, "curator.db");
  const store = openStore(db);
  const now = new Date();
  store.db.transaction(() => {
    for (let i = 0; i < servers; i++)
      store.settings.update(guildId(i), { channelId: channelId(i) }, now, { time: "00:00", timeZone: "UTC" });
  })();
  store.close();
  const guilds: FakeGuild[] = Array.from({ length: servers }, (_, i) => ({
    id: guildId(i),
    name: `server ${i}`,
    channels: [{ id: channelId(i), name: "potd" }],
  }));

  const spawned = performance.now();
  const { fake, bot, stop } = await startBotAgainstFake({
    guilds,
    env: { CURATOR_DB: db, REGISTER_COMMANDS: "false" },
    beforeStart: (f) => f.rateLimit({ perSecond }),
    readyLog: "connected to Discord",
    readyTimeoutMs: 600_000,
  });
  const connected = performance.now();
  const connectMs = Math.round(connected - spawned);
  let last = connected;
  let completed = false;
  try {
    const until = connected + timeoutMs;
    // Only the channels still waiting are looked at, so polling costs the fake (same process) next to nothing.
    let pending = Array.from({ length: servers }, (_, i) => i);
    while (performance.now() < until) {
      pending = pending.filter((i) => postedIn(fake, i) === 0);
      if (pending.length === 0) {
        last = performance.now();
        completed = true;
        break;
      }
      await sleep(500);
    }
    if (!completed) last = performance.now();
    // Late duplicates (a retried send) would show up now.
    await sleep(3_000);
    const counts = Array.from({ length: servers }, (_, i) => postedIn(fake, i));
    const delivered = counts.filter((n) => n >= 1).length;
    const deliverMs = Math.round(last - connected);
    return {
      servers,
      perSecond,
      connectMs,
      deliverMs,
      idealMs,
      postsPerSecond: Math.round((delivered / deliverMs) * 1000 * 10) / 10,
      delivered,
      lost: servers - delivered,
      doubled: counts.filter((n) => n > 1).length,
      rateLimited: fake.requests.filter((r) => r.status === 429).length,
      sends: fake.requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path))
        .length,
      completed,
      rssKiB: rssKiB(bot.child.pid) ?? 0,
    };
  } finally {
    fake.clearFaults();
    await stop();
    await rm(folder, { recursive: true, force: true });
  }
}

function postedIn(fake: FakeDiscord, server: number): number {
  return fake
    .messages(channelId(server))
    .filter((m) => m.author.id === fake.botUserId && m.content.includes("Post of the day")).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const servers of sizes.length > 0 ? sizes : [1_000, 10_000]) {
    process.stderr.write(`schedules: ${servers} servers…\n`);
    console.log(JSON.stringify(await runScheduleBench({ servers })));
  }
}
