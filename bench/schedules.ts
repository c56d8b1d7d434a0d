/**
 * Many servers due at the same minute: every server has a post-of-the-day schedule at 00:00 UTC (always past, so
 * the bot's start-up catch-up sends them all at once) and the fake Discord allows 50 requests a second globally.
 * Measures the time until every channel holds its post, and counts posts lost or doubled.
 * `npx tsx bench/schedules.ts [servers...]` (default 1000 and 10000) prints the figures as JSON.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/store/store.js";
import type { FakeDiscord, FakeGuild } from "../test/fake-discord/index.js";
import { GUILD, rssKiB, sleep, startBotAgainstFake } from "./bot-harness.js";

export interface ScheduleBenchOptions {
  servers?: number;
  /** Schedules per server, each to a channel of its own (default 1). */
  schedulesPerServer?: number;
  /** The fake's global budget of REST requests a second. */
  perSecond?: number;
  /** Gives up waiting for the posts after this long (default: three times the ideal time, plus a minute). */
  timeoutMs?: number;
}

export interface ScheduleBenchFigures {
  servers: number;
  schedulesPerServer: number;
  /** Posts due: servers × schedules. */
  posts: number;
  /** The bot process's CPU time (user + system) from spawn to the end, and the load average then. */
  botCpuMs: number;
  loadAverage: number;
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
/** Schedule `k` of server `i` posts in a channel of its own. */
const channelId = (i: number, k = 0) => String(600000000000000000n + BigInt(k) * 10_000_000n + BigInt(i));
const scheduleName = (k: number) => (k === 0 ? "daily" : `extra-${k}`);

export async function runScheduleBench(options: ScheduleBenchOptions = {}): Promise<ScheduleBenchFigures> {
  const servers = options.servers ?? 10_000;
  const perServer = options.schedulesPerServer ?? 1;
  const posts = servers * perServer;
  const perSecond = options.perSecond ?? 50;
  const idealMs = Math.round((posts / perSecond) * 1000);
  const timeoutMs = options.timeoutMs ?? idealMs * 3 + 60_000;
  const folder = await mkdtemp(join(tmpdir(), "curator-schedules-"));
  const db = join(folder, "curator.db");
  const store = openStore(db);
  const now = new Date();
  store.db.transaction(() => {
    for (let i = 0; i < servers; i++)
      for (let k = 0; k < perServer; k++)
        store.settings.update(
          guildId(i),
          { channelId: channelId(i, k) },
          now,
          { time: "00:00", timeZone: "UTC" },
          scheduleName(k),
        );
  })();
  store.close();
  const guilds: FakeGuild[] = Array.from({ length: servers }, (_, i) => ({
    id: guildId(i),
    name: `server ${i}`,
    channels: Array.from({ length: perServer }, (_, k) => ({ id: channelId(i, k), name: scheduleName(k) })),
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
    const all = Array.from({ length: posts }, (_, n) => [n % servers, Math.floor(n / servers)] as const);
    let pending = all;
    while (performance.now() < until) {
      pending = pending.filter(([i, k]) => postedIn(fake, i, k) === 0);
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
    const counts = all.map(([i, k]) => postedIn(fake, i, k));
    const delivered = counts.filter((n) => n >= 1).length;
    const deliverMs = Math.round(last - connected);
    return {
      servers,
      schedulesPerServer: perServer,
      posts,
      botCpuMs: cpuMs(bot.child.pid) ?? 0,
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
      perSecond,
      connectMs,
      deliverMs,
      idealMs,
      postsPerSecond: Math.round((delivered / deliverMs) * 1000 * 10) / 10,
      delivered,
      lost: posts - delivered,
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

/** User + system CPU time of a process so far (Linux /proc), in ms. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100 Hz).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function postedIn(fake: FakeDiscord, server: number, schedule = 0): number {
  return fake
    .messages(channelId(server, schedule))
    .filter((m) => m.author.id === fake.botUserId && m.content.includes("Post of the day")).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `npx tsx bench/schedules.ts 10000x3`: 10,000 servers with 3 schedules each.
  const sizes = process.argv.slice(2);
  for (const size of sizes.length > 0 ? sizes : ["1000", "10000"]) {
    const [servers, perServer] = size.split("x").map(Number);
    process.stderr.write(`schedules: ${servers} servers × ${perServer ?? 1} schedules…\n`);
    console.log(JSON.stringify(await runScheduleBench({ servers, schedulesPerServer: perServer ?? 1 })));
  }
}
