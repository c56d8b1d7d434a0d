import { openPostgresStore } from "../../src/store/postgres-store.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { APP_ID, type BotProcess, startBotProcess, TOKEN, waitUntil } from "./bot-process.js";

/**
 * Many servers with a post due at the same minute, two `CURATOR_ROLES=scheduler` processes on one PostgreSQL store,
 * and the elected leader SIGKILLed part-way: what the failover test and bench/failover.ts both drive.
 */
export interface FleetOptions {
  servers: number;
  databaseUrl: string;
  /** Discord's global limit for the bot, requests per second. */
  perSecond: number;
  /** Kill the leader once this share of the servers has its post. */
  killAt: number;
  /** HTTP interaction replicas started beside the schedulers (they share the store). */
  replicas?: number;
}

export interface FleetRun {
  fake: FakeDiscord;
  servers: { guild: string; channel: string }[];
  replicas: BotProcess[];
  /** The two scheduler processes: the killed leader, then the standby. */
  schedulers: [leader: BotProcess, standby: BotProcess];
  /** Posts of the day in each server's channel, counted in the fake Discord. */
  counts(): number[];
  /** Milliseconds from the schedulers' start: leader elected, leader killed, standby leading, every post out. */
  timeline: { elected: number; killed: number; standbyLeading: number; done: number };
  postsWhenKilled: number;
  /** The longest pause between two posts reaching the fake Discord (the failover gap). */
  longestGapMs: number;
  stop(): Promise<void>;
}

const guildId = (i: number) => `4${String(i).padStart(17, "0")}`;
const channelId = (i: number) => `5${String(i).padStart(17, "0")}`;

export async function runSchedulerFleet(options: FleetOptions): Promise<FleetRun> {
  const servers = Array.from({ length: options.servers }, (_, i) => ({
    guild: guildId(i + 1),
    channel: channelId(i + 1),
  }));
  const fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    heartbeatIntervalMs: 1000,
    nonceWindowMs: 0,
    guilds: servers.map((s) => ({ id: s.guild, name: s.guild, channels: [{ id: s.channel, name: "potd" }] })),
  });
  fake.rateLimit({ perSecond: options.perSecond });
  const setup = await openPostgresStore(options.databaseUrl);
  for (const s of servers)
    await setup.settings.update(s.guild, { channelId: s.channel }, new Date(), {
      time: "00:00",
      timeZone: "UTC",
    });
  await setup.close();

  const bots: BotProcess[] = [];
  const start = (roleEnv: Record<string, string>) => {
    const bot = startBotProcess({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_REST_URL: fake.restUrl,
      DATABASE_URL: options.databaseUrl,
      ...roleEnv,
    });
    bots.push(bot);
    return bot;
  };
  const stop = async () => {
    await Promise.all(bots.map((b) => b.stop("SIGKILL")));
    await fake.stop();
  };
  try {
    const replicas = Array.from({ length: options.replicas ?? 0 }, () =>
      start({
        CURATOR_ROLES: "http",
        INTERACTIONS_PORT: "0",
        INTERACTIONS_HOST: "127.0.0.1",
        DISCORD_PUBLIC_KEY: fake.publicKey,
      }),
    );
    const began = Date.now();
    const since = () => Date.now() - began;
    const [a, b] = [start({ CURATOR_ROLES: "scheduler" }), start({ CURATOR_ROLES: "scheduler" })];
    const leader = await Promise.race(
      [a, b].map((bot) => bot.waitForLog("leading the post of the day", 60_000).then(() => bot)),
    );
    const elected = since();
    const standby = leader === a ? b : a;
    const counts = () =>
      servers.map(
        (s) => fake.messages(s.channel).filter((m) => m.content.includes("Post of the day")).length,
      );
    const total = () => counts().reduce((sum, n) => sum + n, 0);
    const deadline = 60_000 + (4 * options.servers * 1000) / options.perSecond;
    await waitUntil(() => total() >= options.servers * options.killAt, deadline, { everyMs: 250 });
    await leader.stop("SIGKILL");
    const killed = since();
    const postsWhenKilled = total();
    await standby.waitForLog("leading the post of the day", 90_000);
    const standbyLeading = since();
    await waitUntil(() => total() >= options.servers, deadline, { everyMs: 250 });
    const done = since();
    // Late duplicates would show up now: give them time to arrive before anyone counts.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return {
      fake,
      servers,
      replicas,
      schedulers: [leader, standby],
      counts,
      timeline: { elected, killed, standbyLeading, done },
      postsWhenKilled,
      longestGapMs: longestGap(
        servers.flatMap((s) => fake.messages(s.channel).map((m) => Date.parse(m.timestamp))),
      ),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function longestGap(times: number[]): number {
  const sorted = times.sort((x, y) => x - y);
  let gap = 0;
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, sorted[i]! - sorted[i - 1]!);
  return gap;
}
