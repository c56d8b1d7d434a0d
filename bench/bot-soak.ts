/**
 * The soak: simulated users hammer the real bot with a mix of interactions while the fake Discord fails REST calls
 * and drops the gateway. Shared by test/e2e/soak.test.ts (reduced) and bench/soak.ts (full).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIMessage } from "discord.js";
import { ROOT } from "../test/e2e/bot-process.js";
import type { InteractionPayload } from "../test/fake-discord/index.js";
import {
  PLAY_CHANNEL,
  POTD_CHANNEL,
  percentile,
  round,
  rssKiB,
  seededRandom,
  sleep,
  startBotAgainstFake,
} from "./bot-harness.js";

export interface SoakOptions {
  users: number;
  interactions: number;
  /** Fractions of REST calls answered 500 and 429 (with Retry-After). */
  status500?: number;
  status429?: number;
  gatewayCloseEveryMs?: number;
  /** Pause of each user between two interactions, drawn in [0, thinkMs). */
  thinkMs?: number;
  seed?: number;
  /** How long the fake waits for a callback before counting the interaction as unanswered. */
  answerTimeoutMs?: number;
  rssSampleEveryMs?: number;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
}

export interface SoakFigures {
  sent: number;
  answered: number;
  /** No callback, but the bot logged the interaction's failure. */
  reported: number;
  /** No callback and nothing logged about it. */
  lost: number;
  byKind: Record<string, number>;
  /** The bot process exited before the end. */
  crashed: boolean;
  /** Uncaught exceptions and unhandled rejections the bot logged (it keeps running). */
  uncaught: number;
  gatewayCloses: number;
  gatewayResumes: number;
  restCalls: number;
  restFaults: { status500: number; status429: number };
  potdMessages: number;
  exitCode: number | null;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** The same for interactions none of whose REST calls was failed by the fake. */
  latencyUnfaultedMs: { count: number; p50: number; p99: number };
  /** KiB: first sample after warm-up (a fifth of the interactions), last, max. */
  rss: { start: number; afterWarmup: number; end: number; max: number; samples: number; series: number[] };
  durationMs: number;
}

interface UserState {
  user: { id: string; username: string };
  /** Token of the user's last reply that carries buttons or a menu. */
  lastWithComponents?: string;
}

type Component = { type: number; custom_id?: string; disabled?: boolean; options?: { value: string }[] };

const QUERIES = [
  "learning rate",
  "bellard",
  "belard",
  "mosaic weather",
  "deep learning",
  "theory",
  "paris",
  "zzzqqq",
  "@everyone",
  "topic:weather",
  "a",
  "the model",
  "🤖🤖",
  "ecole",
  "x".repeat(90),
];

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const postIds = (JSON.parse(readFileSync(join(ROOT, "data/posts.json"), "utf8")) as { id: string }[]).map(
    (p) => p.id,
  );
  const started = Date.now();

  const { fake, bot, stop } = await startBotAgainstFake({
    env: { POTD_CHANNEL_ID: POTD_CHANNEL, POTD_CRON: "0 0 * * *", POTD_TIMEZONE: "UTC" },
    beforeStart: (f) =>
      f.failRate({ status500: options.status500 ?? 0.01, status429: options.status429 ?? 0.01, seed: 11 }),
  });
  const pid = bot.child.pid;
  let crashed = false;
  void bot.exited.then(() => {
    crashed = true;
  });

  const rss: number[] = [];
  let warmupIndex = -1;
  const sampleRss = () => {
    const value = rssKiB(pid);
    if (value !== undefined) rss.push(value);
  };
  sampleRss();
  const sampler = setInterval(sampleRss, options.rssSampleEveryMs ?? 250);
  let gatewayCloses = 0;
  const closer = options.gatewayCloseEveryMs
    ? setInterval(() => {
        gatewayCloses++;
        fake.closeGateway(4000);
      }, options.gatewayCloseEveryMs)
    : undefined;

  const users: UserState[] = Array.from({ length: options.users }, (_, i) => ({
    user: { id: String(210000000000000000n + BigInt(i)), username: `user${i}` },
  }));
  const latencies: number[] = [];
  const latencyById = new Map<string, number>();
  const unanswered: InteractionPayload[] = [];
  const byKind: Record<string, number> = {};
  let sent = 0;
  let next = 0;

  function nextInteraction(state: UserState): { kind: string; payload: InteractionPayload } {
    const at = { user: state.user, channelId: PLAY_CHANNEL };
    const message = state.lastWithComponents ? fake.originalResponse(state.lastWithComponents) : undefined;
    const roll = random();
    if (roll < 0.22 && message) {
      const clickable = componentsOf(message).filter((c) => c.custom_id && !c.disabled);
      const component = clickable.length > 0 ? pick(clickable) : undefined;
      if (component?.type === 2)
        return { kind: "button", payload: fake.button({ ...at, customId: component.custom_id!, message }) };
      if (component?.type === 3 && component.options?.length)
        return {
          kind: "menu",
          payload: fake.selectMenu({
            ...at,
            customId: component.custom_id!,
            values: [pick(component.options).value],
            message,
          }),
        };
    }
    if (roll < 0.45)
      return {
        kind: "search",
        payload: fake.slashCommand({ ...at, name: "search", options: { query: pick(QUERIES) } }),
      };
    if (roll < 0.7) {
      const word = pick(QUERIES);
      const prefix = word.slice(0, 1 + Math.floor(random() * Math.min(6, word.length)));
      const which = random();
      const payload =
        which < 0.6
          ? fake.autocomplete({ ...at, name: "search", options: { query: prefix }, focused: "query" })
          : which < 0.85
            ? fake.autocomplete({ ...at, name: "post", options: { id: prefix }, focused: "id" })
            : fake.autocomplete({ ...at, name: "random", options: { topic: prefix }, focused: "topic" });
      return { kind: "autocomplete", payload };
    }
    if (roll < 0.82) return { kind: "random", payload: fake.slashCommand({ ...at, name: "random" }) };
    if (roll < 0.94)
      return {
        kind: "post",
        payload: fake.slashCommand({ ...at, name: "post", options: { id: pick(postIds) } }),
      };
    return { kind: "about", payload: fake.slashCommand({ ...at, name: "about" }) };
  }

  async function simulate(state: UserState): Promise<void> {
    while (next < options.interactions && !crashed) {
      const index = next++;
      if (index === Math.floor(options.interactions / 5)) warmupIndex = rss.length;
      const { kind, payload } = nextInteraction(state);
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      sent++;
      const from = performance.now();
      try {
        const body = await fake.sendInteraction(payload, { timeoutMs: options.answerTimeoutMs ?? 15_000 });
        latencies.push(performance.now() - from);
        latencyById.set(String(payload.id), latencies.at(-1)!);
        const data = (body as { data?: { components?: unknown[] } }).data;
        // A type 7 updates the message the component was on, which the user keeps following.
        if (body.type === 4 && data?.components?.length) state.lastWithComponents = payload.token;
      } catch {
        unanswered.push(payload);
      }
      if (index % 500 === 0) options.progress?.(`${index}/${options.interactions} sent`);
      if (options.thinkMs) await sleep(random() * options.thinkMs);
    }
  }

  try {
    await Promise.all(users.map(simulate));
  } finally {
    clearInterval(sampler);
    if (closer) clearInterval(closer);
  }
  sampleRss();
  const output = bot.output();
  const reported = unanswered.filter((p) => output.includes(String(p.id))).length;
  const restFaults = { status500: 0, status429: 0 };
  for (const r of fake.requests) {
    if (r.status === 500) restFaults.status500++;
    if (r.status === 429) restFaults.status429++;
    if (r.status === 500 || r.status === 429)
      latencyById.delete(/\/interactions\/(\d+)\//.exec(r.path)?.[1] ?? "");
  }
  const unfaulted = [...latencyById.values()];
  // Still answering after all that, without faults in the way.
  fake.clearFaults();
  const last = await fake
    .sendInteraction(fake.slashCommand({ name: "about", channelId: PLAY_CHANNEL }), { timeoutMs: 15_000 })
    .catch(() => undefined);
  const potdMessages = fake
    .messages(POTD_CHANNEL)
    .filter((m) => m.author.id === fake.botUserId && m.content.includes("Post of the day")).length;
  const gatewayResumes = output.split("\n").filter((l) => l.includes('"msg":"gateway resumed"')).length;
  const uncaught = output
    .split("\n")
    .filter((l) => l.includes("uncaught exception") || l.includes("unhandled rejection")).length;
  const wasCrashed = crashed;
  const exitCode = await stop();
  const afterWarmup = rss[Math.max(0, warmupIndex)] ?? rss[0] ?? 0;
  return {
    sent,
    answered: latencies.length,
    reported,
    lost: unanswered.length - reported,
    byKind,
    crashed: wasCrashed || last?.type !== 4,
    uncaught,
    gatewayCloses,
    gatewayResumes,
    restCalls: fake.requests.length,
    restFaults,
    potdMessages,
    exitCode,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(Math.max(...latencies)),
    },
    latencyUnfaultedMs: {
      count: unfaulted.length,
      p50: round(percentile(unfaulted, 50)),
      p99: round(percentile(unfaulted, 99)),
    },
    rss: {
      series: rss.filter((_, i) => i % Math.max(1, Math.floor(rss.length / 20)) === 0),
      start: rss[0] ?? 0,
      afterWarmup,
      end: rss.at(-1) ?? 0,
      max: Math.max(...rss),
      samples: rss.length,
    },
    durationMs: Date.now() - started,
  };
}

function componentsOf(message: APIMessage): Component[] {
  return ((message.components ?? []) as { components?: Component[] }[]).flatMap(
    (row) => row.components ?? [],
  );
}
