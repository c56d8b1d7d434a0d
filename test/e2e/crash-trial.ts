/**
 * One randomized crash trial of the post of the day: the real bot (one or two processes on one database) is
 * SIGKILLed at a random moment around its delivery, then started again; the trial counts the posts in the fake
 * Discord's channel. Shared by the test suite (a few trials) and `npm run bench` (many).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/store.js";
import { seededRandom } from "../fake-discord/faults.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { APP_ID, type BotProcess, startBotProcess, TOKEN } from "./bot-process.js";

const GUILD = "400000000000000001";
const CHANNEL = "500000000000000001";
const POTD_PATH = new RegExp(`/channels/${CHANNEL}/messages$`);

/**
 * "around the claim": 0-60 ms after the bot is connected, so before, during or just after it claims the day;
 * "during the send": while Discord holds the send (and creates the message after the bot is gone);
 * "after Discord answered": as soon as Discord has created the message, before the bot records it.
 */
export type CrashMoment = "around the claim" | "during the send" | "after Discord answered";
export const MOMENTS: readonly CrashMoment[] = [
  "around the claim",
  "during the send",
  "after Discord answered",
];

export interface TrialPlan {
  moment: CrashMoment;
  /** Discord's enforce_nonce window on (3 min) or off. */
  nonce: boolean;
  processes: 1 | 2;
  /** Milliseconds: how long after connecting ("around the claim") or how long Discord holds the send. */
  jitterMs: number;
}

export interface TrialResult extends TrialPlan {
  posts: number;
  /** The day's delivery as the database has it after the restart. */
  status: string | undefined;
  ms: number;
}

/** The plan of trial `i` of a run seeded with `seed`: moments in turn, nonce and two processes in half of them. */
export function planTrial(seed: number, i: number): TrialPlan {
  const random = seededRandom(seed * 1000 + i);
  return {
    moment: MOMENTS[i % MOMENTS.length]!,
    nonce: Math.floor(i / MOMENTS.length) % 2 === 0,
    processes: Math.floor(i / (2 * MOMENTS.length)) % 2 === 0 ? 1 : 2,
    jitterMs: i % MOMENTS.length === 0 ? Math.round(random() * 60) : Math.round(100 + random() * 1400),
  };
}

export async function runCrashTrial(plan: TrialPlan): Promise<TrialResult> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "curator-crash-"));
  const db = join(dir, "curator.db");
  const fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    heartbeatIntervalMs: 1000,
    nonceWindowMs: plan.nonce ? 3 * 60_000 : 0,
    guilds: [{ id: GUILD, name: "server", channels: [{ id: CHANNEL, name: "potd" }] }],
  });
  const bots: BotProcess[] = [];
  const start = () => {
    for (let i = 0; i < plan.processes; i++) bots.push(startBot(fake, db));
  };
  try {
    if (plan.moment === "during the send") {
      const held = fake.delayNext({ method: "POST", pathMatch: POTD_PATH, ms: plan.jitterMs });
      start();
      await held;
      await killAll(bots);
      // Discord finishes the request it was given (in well under the seconds a restart takes).
      await fake.waitForRequest((r) => r.method === "POST" && POTD_PATH.test(r.path), 10_000);
    } else if (plan.moment === "after Discord answered") {
      start();
      await fake.waitForRequest((r) => r.method === "POST" && POTD_PATH.test(r.path), 30_000);
      await killAll(bots);
    } else {
      start();
      await Promise.race(bots.map((bot) => bot.waitForLog("connected to Discord", 30_000)));
      await new Promise((resolve) => setTimeout(resolve, plan.jitterMs));
      await killAll(bots);
    }
    bots.length = 0;
    start();
    await Promise.all(bots.map((bot) => bot.waitForLog("scheduler started", 30_000)));
    // A second tick's worth of time for anything that would post late.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const posts = fake
      .messages(CHANNEL)
      .filter((m) => m.author.id === fake.botUserId && m.content.includes("Post of the day")).length;
    const store = openStore(db);
    const status = store.deliveries.get(GUILD, new Date().toISOString().slice(0, 10))?.status;
    store.close();
    return { ...plan, posts, status, ms: Date.now() - started };
  } finally {
    await killAll(bots);
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function startBot(fake: FakeDiscord, db: string): BotProcess {
  return startBotProcess({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_GUILD_ID: GUILD,
    DISCORD_REST_URL: fake.restUrl,
    CURATOR_DB: db,
    POTD_CHANNEL_ID: CHANNEL,
    POTD_CRON: "0 0 * * *",
    POTD_TIMEZONE: "UTC",
    POTD_RETRY_DELAYS: "2s,2s,2s",
  });
}

async function killAll(bots: BotProcess[]): Promise<void> {
  await Promise.all(bots.map((bot) => bot.stop("SIGKILL")));
}
