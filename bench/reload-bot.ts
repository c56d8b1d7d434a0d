/**
 * Replies during a hot reload, measured with the real bot (as `npm start`) against the fake Discord: the bot
 * serves a synthetic collection of N posts (started from its caches), answers /search and autocomplete one after
 * another, and a changed file of N posts (the same posts plus a trailing newline: another hash, so nothing is
 * taken from a cache) is renamed over its collection, as README's "Hot reload" says. Latency of every
 * interaction sent between the rename and the bot's "collection reloaded" log, against the same interactions
 * before it. `tsx bench/reload-bot.ts <posts> [--collection <posts.json>] [--about]` prints the figures as JSON.
 */
import { createReadStream, createWriteStream, existsSync, readdirSync } from "node:fs";
import { link, mkdir, mkdtemp, rename, rm, symlink } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { cacheDirOf } from "../src/load-library.js";
import type { FakeDiscord } from "../test/fake-discord/index.js";
import { PLAY_CHANNEL, percentile, round, rssKiB, startBotAgainstFake } from "./bot-harness.js";
import { queryWorkload } from "./library.js";
import { createVocabulary } from "./synthetic.js";
import { benchCollection, processCpuMs } from "./under-load.js";

/** What is sent during the reload: /search and autocomplete in turn, or /about (no search: the reload's own cost). */
export type Probe = "search" | "about";

export interface ReloadBotFigures {
  posts: number;
  probe: Probe;
  /** From the rename to the bot's "collection reloaded" log. */
  reloadMs: number;
  /** CPU of the bot process (main thread and reload worker) during the reload. */
  reloadCpuMs: number;
  before: Latencies;
  during: Latencies;
  rssMB: { before: number; after: number };
  loadavg: { start: number[]; end: number[] };
}

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Later than Discord's 3 s, or no callback within 10 s. */
  late: number;
  unanswered: number;
}

/**
 * A folder serving `source` without touching it: the collection is a symlink (a rename replaces the link, not
 * the file) and the caches are hard links of those beside the source, so the start needs no indexing.
 */
async function servingFolder(source: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "curator-reload-bot-"));
  await symlink(source, join(folder, "posts.json"));
  const caches = cacheDirOf(source);
  await mkdir(join(folder, ".cache"));
  if (existsSync(caches)) {
    for (const name of readdirSync(caches)) await link(join(caches, name), join(folder, ".cache", name));
  }
  return folder;
}

function latencies(samples: { ms?: number }[]): Latencies {
  const times = samples.flatMap((s) => (s.ms === undefined ? [] : [s.ms]));
  return {
    count: samples.length,
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    max: round(Math.max(...times)),
    late: samples.filter((s) => s.ms === undefined || s.ms > 3_000).length,
    unanswered: samples.filter((s) => s.ms === undefined).length,
  };
}

export async function runReloadBotBench(options: {
  posts: number;
  collection?: string;
  /** Interactions measured before the reload. */
  baseline?: number;
  probe?: Probe;
}): Promise<ReloadBotFigures> {
  const probe = options.probe ?? "search";
  const load0 = loadavg();
  const source = options.collection ?? (await benchCollection(options.posts));
  const folder = await servingFolder(source);
  const served = join(folder, "posts.json");
  const changed = join(folder, "posts.json.next");
  try {
    // The changed file is written before the bot starts, so writing 400 MB does not land in the figures.
    await pipeline(createReadStream(source), createWriteStream(changed));
    await pipeline(
      async function* () {
        yield "\n";
      },
      createWriteStream(changed, { flags: "a" }),
    );

    const { fake, bot, stop } = await startBotAgainstFake({
      env: { COLLECTION_PATH: served },
      readyLog: "scheduler started",
      readyTimeoutMs: 60 * 60 * 1000,
    });
    try {
      const workload = queryWorkload(createVocabulary(), 20_000, 5);
      let i = 0;
      const next = (f: FakeDiscord) => {
        const n = i++;
        if (probe === "about") return f.slashCommand({ name: "about", channelId: PLAY_CHANNEL });
        return n % 2 === 0
          ? f.slashCommand({
              name: "search",
              options: { query: workload.word[(n / 2) % 20_000]! },
              channelId: PLAY_CHANNEL,
            })
          : f.autocomplete({
              name: "search",
              options: { query: workload.prefix[((n - 1) / 2) % 20_000]! },
              focused: "query",
              channelId: PLAY_CHANNEL,
            });
      };
      const one = async (): Promise<{ ms?: number }> => {
        const from = performance.now();
        try {
          await fake.sendInteraction(next(fake), { timeoutMs: 10_000 });
          return { ms: performance.now() - from };
        } catch {
          return {};
        }
      };
      for (let w = 0; w < 100; w++) await one();
      const before: { ms?: number }[] = [];
      for (let b = 0; b < (options.baseline ?? 400); b++) before.push(await one());
      const rssBefore = rssKiB(bot.child.pid) ?? 0;

      const during: { ms?: number }[] = [];
      const cpu0 = processCpuMs(bot.child.pid);
      const t0 = performance.now();
      await rename(changed, served);
      let reloaded = false;
      const done = bot.waitForLog("collection reloaded", 60 * 60 * 1000).then(() => {
        reloaded = true;
      });
      // One interaction after another until the new collection is served: the bot must keep answering.
      while (!reloaded) during.push(await one());
      await done;
      const reloadMs = performance.now() - t0;
      const reloadCpuMs = processCpuMs(bot.child.pid) - cpu0;
      return {
        posts: options.posts,
        probe,
        reloadMs: Math.round(reloadMs),
        reloadCpuMs: Math.round(reloadCpuMs),
        before: latencies(before),
        during: latencies(during),
        rssMB: {
          before: Math.round(rssBefore / 1024),
          after: Math.round((rssKiB(bot.child.pid) ?? 0) / 1024),
        },
        loadavg: { start: load0, end: loadavg() },
      };
    } finally {
      await stop();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const n = (value: number) => value.toLocaleString("en");

export function reloadBotReport(results: readonly ReloadBotFigures[]): {
  targets: string[];
  section: string[];
} {
  const targets = results.map(
    (r) =>
      `| hot reload of ${n(r.posts)} posts with the real bot: replies (${r.probe === "about" ? "/about" : "/search, autocomplete"}) during it p99 ≤ 50 ms | p99 ${r.during.p99} ms (max ${r.during.max}; before it ${r.before.p99}) over ${r.during.count} interactions, reload ${(r.reloadMs / 1000).toFixed(1)} s | ${r.during.p99 <= 50 && r.during.unanswered === 0 ? "pass" : "FAIL"} |`,
  );
  const section = [
    "## Hot reload with the real bot (bench/reload-bot.ts)",
    "",
    "The real bot serves N posts (started from its caches) and answers interactions one after another (/search and",
    "autocomplete in turn, or /about, which searches nothing and so shows what the reload itself costs the replies);",
    "a changed file (the same posts and a trailing newline: another hash, so no cache is used) is renamed over its",
    "collection. Latency in ms from INTERACTION_CREATE to the callback, for interactions sent between the rename and",
    'the "collection reloaded" log, and for the same interactions before.',
    "",
    "| posts | sent | reload wall (bot CPU) | before: p50 / p99 / max | during: p50 / p99 / max | during: interactions, late / unanswered | RSS before → after |",
    "|---:|---|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${n(r.posts)} | ${r.probe === "about" ? "/about" : "/search, autocomplete"} | ${(r.reloadMs / 1000).toFixed(1)} s (${(r.reloadCpuMs / 1000).toFixed(1)} s) | ${r.before.p50} / ${r.before.p99} / ${r.before.max} | ${r.during.p50} / ${r.during.p99} / ${r.during.max} | ${r.during.count}, ${r.during.late} / ${r.during.unanswered} | ${r.rssMB.before} → ${r.rssMB.after} MB |`,
    ),
    "",
    ...results.map(
      (r) =>
        `${n(r.posts)} posts: load average ${r.loadavg.start.map((l) => l.toFixed(2)).join(", ")} at start, ${r.loadavg.end.map((l) => l.toFixed(2)).join(", ")} at end.`,
    ),
    "",
  ];
  return { targets, section };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--collection");
  const result = await runReloadBotBench({
    posts: Number(args[0] ?? 100_000),
    probe: args.includes("--about") ? "about" : "search",
    ...(at >= 0 ? { collection: args[at + 1]! } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
}
