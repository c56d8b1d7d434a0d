/** The real bot (child process, as `npm start`) against the fake Discord, plus the measuring helpers the soak and benches share. */
import { readFileSync } from "node:fs";
import { APP_ID, type BotProcess, startBotProcess, TOKEN } from "../test/e2e/bot-process.js";
import { type FakeDiscord, type FakeGuild, startFakeDiscord } from "../test/fake-discord/index.js";

export const GUILD = "400000000000000001";
/** Where post of the day goes; interactions use PLAY so that replies never look like a post of the day. */
export const POTD_CHANNEL = "500000000000000001";
export const PLAY_CHANNEL = "500000000000000002";

export interface BotAgainstFake {
  fake: FakeDiscord;
  bot: BotProcess;
  stop(): Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  guilds?: FakeGuild[];
  shards?: number;
  /** Applied before the bot starts, so start-up (and the post-of-the-day catch-up) runs under them too. */
  beforeStart?: (fake: FakeDiscord) => void;
  readyLog?: string;
  readyTimeoutMs?: number;
  entry?: string;
}

export const defaultGuilds = (): FakeGuild[] => [
  {
    id: GUILD,
    name: "Soak server",
    channels: [
      { id: POTD_CHANNEL, name: "potd" },
      { id: PLAY_CHANNEL, name: "play" },
    ],
  },
];

export async function startBotAgainstFake(options: StartOptions = {}): Promise<BotAgainstFake> {
  const fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: options.guilds ?? defaultGuilds(),
    shards: options.shards ?? 1,
    heartbeatIntervalMs: 1000,
  });
  options.beforeStart?.(fake);
  const bot = startBotProcess(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_REST_URL: fake.restUrl,
      REGISTER_COMMANDS: "true",
      CURATOR_DB: ":memory:",
      ...options.env,
    },
    options.entry,
  );
  try {
    // Fails at once, with the bot's output, if the bot exits instead of getting ready.
    const exited = bot.exited.then((code) => {
      throw new Error(`the bot exited (${code}) before it was ready:\n${bot.output().slice(-3000)}`);
    });
    exited.catch(() => undefined);
    await Promise.race([
      bot.waitForLog(options.readyLog ?? "scheduler started", options.readyTimeoutMs ?? 60_000),
      exited,
    ]);
  } catch (error) {
    await bot.stop("SIGKILL");
    await fake.stop();
    throw error;
  }
  return {
    fake,
    bot,
    async stop() {
      const code = await bot.stop("SIGTERM");
      await fake.stop();
      return code;
    },
  };
}

/** Resident memory of a process in KiB (Linux), or undefined once it is gone. */
export function rssKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** mulberry32, so a run's mix of interactions is the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}
