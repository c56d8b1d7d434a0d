/**
 * Under load: 20 interactions always in flight (a closed loop: a new one is sent as soon as one is answered)
 * against the real bot (as `npm start`) and against a trivial discord.js bot (bench/trivial-bot.ts), each on its
 * own fake Discord in this process, measured in the same run. Rounds alternate between the two bots, so a busy
 * spell of the shared machine lands on both. Latency: INTERACTION_CREATE sent to the callback received.
 * `tsx bench/under-load.ts <posts> [--quick] [--collection <posts.json>] [--interactions N] [--profile <dir>]` prints the figures as JSON; without
 * `--collection`, the synthetic collection is generated once into a folder of the system's temp directory and
 * reused with its caches (a 1M cold start indexes for minutes).
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FakeDiscord } from "../test/fake-discord/index.js";
import {
  type BotAgainstFake,
  type Latency,
  latency,
  PLAY_CHANNEL,
  round,
  rssKiB,
  startBotAgainstFake,
} from "./bot-harness.js";
import { queryWorkload } from "./library.js";
import { createVocabulary, generatePosts } from "./synthetic.js";

export interface UnderLoadOptions {
  posts: number;
  /** Interactions of each kind per round and bot. */
  interactions: number;
  inFlight?: number;
  rounds?: number;
  /** Interactions of each kind sent to each bot first and not measured. */
  warmup?: number;
  /** An existing synthetic collection of `posts` posts (its caches are built beside it on first use). */
  collection?: string;
  /** Writes a V8 CPU profile of the real bot into this folder when it exits (`node --cpu-prof`). */
  profileDir?: string;
}

export interface KindFigures extends Latency {
  /** Answered later than Discord's 3 s, or not at all within 10 s. */
  late: number;
  unanswered: number;
  perSecond: number;
  /** CPU of the bot process (all its threads) per interaction, and of this process (the fake Discord). */
  botCpuMs: number;
  fakeCpuMs: number;
}

export interface BotFigures {
  startupMs: number;
  rssMB: number;
  search: KindFigures;
  autocomplete: KindFigures;
}

export interface UnderLoadFigures {
  posts: number;
  inFlight: number;
  rounds: number;
  trivial: BotFigures;
  curator: BotFigures;
  /** Curator's p99 over the trivial bot's, per kind. */
  ratio: { search: number; autocomplete: number };
  /** Searches answered with results, autocompletes with at least one choice (Curator; proves real work). */
  withResults: { search: number; autocomplete: number };
  loadavg: { start: number[]; end: number[] };
  wallS: number;
}

const CLOCK_TICKS = 100;

/** User + system CPU of a process (all threads) in ms, from /proc (Linux). */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After "(comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The synthetic collection of `posts` posts (seed 42, as every bench), written once and kept for its caches. */
export async function benchCollection(posts: number): Promise<string> {
  const folder = join(tmpdir(), "curator-bench-collections", String(posts));
  const file = join(folder, "posts.json");
  if (existsSync(file)) return file;
  await mkdir(folder, { recursive: true });
  await writeFile(`${file}.partial`, JSON.stringify(generatePosts(posts, 42, createVocabulary())));
  await rename(`${file}.partial`, file);
  return file;
}

interface Sample {
  times: number[];
  late: number;
  unanswered: number;
  hits: number;
  wallMs: number;
  botCpuMs: number;
  fakeCpuMs: number;
}

/** Sends `total` interactions keeping `inFlight` of them outstanding at every moment. */
async function closedLoop(
  fake: FakeDiscord,
  pid: number | undefined,
  make: (i: number) => ReturnType<FakeDiscord["slashCommand"]>,
  total: number,
  inFlight: number,
): Promise<Sample> {
  const sample: Sample = { times: [], late: 0, unanswered: 0, hits: 0, wallMs: 0, botCpuMs: 0, fakeCpuMs: 0 };
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const payload = make(next++);
      const from = performance.now();
      try {
        const body = (await fake.sendInteraction(payload, { timeoutMs: 10_000 })) as {
          data?: { flags?: number; choices?: unknown[] };
        };
        const ms = performance.now() - from;
        sample.times.push(ms);
        if (ms > 3_000) sample.late++;
        if (body.data?.choices ? body.data.choices.length > 0 : !body.data?.flags) sample.hits++;
      } catch {
        sample.unanswered++;
      }
    }
  };
  const bot0 = processCpuMs(pid);
  const own0 = ownCpuMs();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  sample.wallMs = performance.now() - t0;
  sample.botCpuMs = processCpuMs(pid) - bot0;
  sample.fakeCpuMs = ownCpuMs() - own0;
  return sample;
}

function figures(samples: Sample[]): KindFigures {
  const times = samples.flatMap((s) => s.times);
  const sum = (f: (s: Sample) => number) => samples.reduce((total, s) => total + f(s), 0);
  const sent = times.length + sum((s) => s.unanswered);
  return {
    ...latency(times),
    late: sum((s) => s.late),
    unanswered: sum((s) => s.unanswered),
    perSecond: round((sent / sum((s) => s.wallMs)) * 1000, 1),
    botCpuMs: round(sum((s) => s.botCpuMs) / sent),
    fakeCpuMs: round(sum((s) => s.fakeCpuMs) / sent),
  };
}

export async function runUnderLoadBench(options: UnderLoadOptions): Promise<UnderLoadFigures> {
  const inFlight = options.inFlight ?? 20;
  const rounds = options.rounds ?? 3;
  const warmup = options.warmup ?? 100;
  const started = performance.now();
  const load0 = loadavg();
  const collection = options.collection ?? (await benchCollection(options.posts));

  const workload = queryWorkload(createVocabulary(), options.interactions * rounds + warmup, 3);
  // One full word, two words, a word with a typo, in turn: the mix of bench/bot.ts.
  const kinds = [workload.word, workload.twoWords, workload.typo];
  const query = (i: number) => kinds[i % 3]![Math.floor(i / 3)]!;
  const searchOf = (fake: FakeDiscord, offset: number) => (i: number) =>
    fake.slashCommand({ name: "search", options: { query: query(offset + i) }, channelId: PLAY_CHANNEL });
  const completeOf = (fake: FakeDiscord, offset: number) => (i: number) =>
    fake.autocomplete({
      name: "search",
      options: { query: workload.prefix[(offset + i) % workload.prefix.length]! },
      focused: "query",
      channelId: PLAY_CHANNEL,
    });

  const startOne = async (env: Record<string, string>, entry: string, command?: [string, string[]]) => {
    const t0 = performance.now();
    const started = await startBotAgainstFake({
      env,
      entry,
      ...(command ? { command } : {}),
      readyLog: "scheduler started",
      readyTimeoutMs: 60 * 60 * 1000,
    });
    return { started, startupMs: Math.round(performance.now() - t0) };
  };
  const trivial = await startOne({}, "bench/trivial-bot.ts");
  let curator: Awaited<ReturnType<typeof startOne>> | undefined;
  try {
    curator = await startOne(
      { COLLECTION_PATH: collection },
      "src/main.ts",
      options.profileDir
        ? [
            process.execPath,
            ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`, "--import", "tsx", "src/main.ts"],
          ]
        : undefined,
    );
    const bots = { trivial, curator } as const;
    const samples = {
      trivial: { search: [] as Sample[], autocomplete: [] as Sample[] },
      curator: { search: [] as Sample[], autocomplete: [] as Sample[] },
    };
    const hits = { search: 0, autocomplete: 0 };
    const measure = async (name: keyof typeof bots, round: number) => {
      const { fake, bot } = bots[name].started;
      const pid = bot.child.pid;
      const offset = warmup + round * options.interactions;
      const search = await closedLoop(fake, pid, searchOf(fake, offset), options.interactions, inFlight);
      const complete = await closedLoop(fake, pid, completeOf(fake, offset), options.interactions, inFlight);
      samples[name].search.push(search);
      samples[name].autocomplete.push(complete);
      if (name === "curator") {
        hits.search += search.hits;
        hits.autocomplete += complete.hits;
      }
    };
    for (const name of ["trivial", "curator"] as const) {
      const { fake, bot } = bots[name].started;
      await closedLoop(fake, bot.child.pid, searchOf(fake, 0), warmup, inFlight);
      await closedLoop(fake, bot.child.pid, completeOf(fake, 0), warmup, inFlight);
    }
    for (let r = 0; r < rounds; r++) {
      // Alternate which bot goes first, so neither always follows the other's garbage collection.
      const order = r % 2 === 0 ? (["trivial", "curator"] as const) : (["curator", "trivial"] as const);
      for (const name of order) await measure(name, r);
    }
    const botFigures = (name: keyof typeof bots): BotFigures => ({
      startupMs: bots[name].startupMs,
      rssMB: Math.round((rssKiB(bots[name].started.bot.child.pid) ?? 0) / 1024),
      search: figures(samples[name].search),
      autocomplete: figures(samples[name].autocomplete),
    });
    const t = botFigures("trivial");
    const c = botFigures("curator");
    return {
      posts: options.posts,
      inFlight,
      rounds,
      trivial: t,
      curator: c,
      ratio: {
        search: round(c.search.p99 / t.search.p99),
        autocomplete: round(c.autocomplete.p99 / t.autocomplete.p99),
      },
      withResults: hits,
      loadavg: { start: load0, end: loadavg() },
      wallS: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await stopQuietly(curator?.started);
    await stopQuietly(trivial.started);
  }
}

async function stopQuietly(running: BotAgainstFake | undefined): Promise<void> {
  await running?.stop().catch(() => undefined);
}

const n = (value: number) => value.toLocaleString("en");

/** The goal's limit: 2× the trivial bot at 100k posts, 4× at 1M. */
export const ratioLimit = (posts: number) => (posts >= 1_000_000 ? 4 : 2);

/** Target rows and a section of figures for BENCHMARKS.md. */
export function underLoadReport(results: readonly UnderLoadFigures[]): {
  targets: string[];
  section: string[];
} {
  const targets = results.map((r) => {
    const limit = ratioLimit(r.posts);
    const worst = Math.max(r.ratio.search, r.ratio.autocomplete);
    return `| under load: ${r.inFlight} interactions in flight, /search and autocomplete p99 within ${limit}× a trivial discord.js bot (${n(r.posts)} posts) | /search ${r.ratio.search}× (${r.curator.search.p99} / ${r.trivial.search.p99} ms), autocomplete ${r.ratio.autocomplete}× (${r.curator.autocomplete.p99} / ${r.trivial.autocomplete.p99} ms) | ${worst <= limit ? "pass" : "FAIL"} |`;
  });
  const row = (label: string, f: (b: BotFigures) => string) =>
    `| ${label} | ${results.flatMap((r) => [f(r.trivial), f(r.curator)]).join(" | ")} |`;
  const kind = (k: KindFigures) => `${k.p50} / ${k.p90} / ${k.p99} / ${k.max}`;
  const section = [
    "## Under load: 20 interactions in flight (bench/under-load.ts)",
    "",
    "The real bot and a trivial discord.js bot (bench/trivial-bot.ts: a fixed embed reply, 25 fixed choices), each",
    "against its own fake Discord in the bench process, in alternating rounds of the same run. A closed loop keeps",
    "20 interactions outstanding. Latency in ms from INTERACTION_CREATE sent to the callback received; CPU per",
    "interaction of the bot process and of the fake Discord (the bench process).",
    "",
    `| | ${results.flatMap((r) => [`trivial bot (${n(r.posts)})`, `Curator (${n(r.posts)})`]).join(" | ")} |`,
    `|---|${results.flatMap(() => ["---:", "---:"]).join("|")}|`,
    row("/search p50 / p90 / p99 / max", (b) => kind(b.search)),
    row("autocomplete p50 / p90 / p99 / max", (b) => kind(b.autocomplete)),
    row(
      "interactions per second (search · autocomplete)",
      (b) => `${b.search.perSecond} · ${b.autocomplete.perSecond}`,
    ),
    row(
      "bot CPU per interaction, ms (search · autocomplete)",
      (b) => `${b.search.botCpuMs} · ${b.autocomplete.botCpuMs}`,
    ),
    row("fake Discord CPU per interaction, ms", (b) => `${b.search.fakeCpuMs} · ${b.autocomplete.fakeCpuMs}`),
    row(
      "late (> 3 s) / unanswered",
      (b) => `${b.search.late + b.autocomplete.late} / ${b.search.unanswered + b.autocomplete.unanswered}`,
    ),
    row("start-up to ready, RSS", (b) => `${(b.startupMs / 1000).toFixed(1)} s, ${b.rssMB} MB`),
    "",
    ...results.map(
      (r) =>
        `${n(r.posts)} posts: ${r.rounds} rounds of ${n(r.curator.search.count / r.rounds)} per kind and bot; ${r.wallS} s; load average ${r.loadavg.start.map((l) => l.toFixed(2)).join(", ")} at start, ${r.loadavg.end.map((l) => l.toFixed(2)).join(", ")} at end.`,
    ),
    "",
  ];
  return { targets, section };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const posts = Number(args[0] ?? 100_000);
  const at = args.indexOf("--collection");
  const quick = args.includes("--quick");
  const count = args.indexOf("--interactions");
  const profile = args.indexOf("--profile");
  const result = await runUnderLoadBench({
    posts,
    interactions: count >= 0 ? Number(args[count + 1]) : quick ? 300 : 1_000,
    rounds: quick ? 2 : 3,
    ...(at >= 0 ? { collection: args[at + 1]! } : {}),
    ...(profile >= 0 ? { profileDir: args[profile + 1]! } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
}
