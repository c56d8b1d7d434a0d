/**
 * `npm run bench` (1k, 10k, 100k and 1M posts) or `npm run bench -- --quick` (without 1M): runs every case in
 * its own child process, so each memory reading starts from a clean heap, and writes its report to bench/last-run.md
 * (BENCHMARKS.md only with `--write`).
 */

import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { endToEnd, FULL, QUICK } from "./end-to-end.js";
import { runFailoverBench } from "./failover.js";
import { hugeFileReport, runHugeFileBench } from "./huge-file.js";
import { importBench } from "./import.js";
import type { CaseResult, Timing } from "./library.js";
import { runOnThisDayBench } from "./on-this-day.js";
import { benchOutputPath } from "./output-path.js";
import { reloadBotReport, runReloadBotBench } from "./reload-bot.js";
import { runScaleBench } from "./scale.js";
import { runUnderLoadBench, underLoadReport } from "./under-load.js";
import { runWebBench, webReport } from "./web.js";

const run = promisify(execFile);
const quick = process.argv.includes("--quick");
const sizes = quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000];
const caseScript = fileURLToPath(new URL("./library.ts", import.meta.url));
const output = benchOutputPath(process.argv.slice(2));

type Outcome = { size: number; ok: true; result: CaseResult } | { size: number; ok: false; error: string };

async function runCase(size: number): Promise<Outcome> {
  process.stderr.write(`bench: ${size.toLocaleString("en")} posts…\n`);
  try {
    const { stdout } = await run(
      process.execPath,
      ["--expose-gc", "--import", "tsx", caseScript, String(size), ...(quick ? ["--quick"] : [])],
      {
        maxBuffer: 16 * 1024 * 1024,
        timeout: 30 * 60 * 1000,
      },
    );
    return { size, ok: true, result: JSON.parse(stdout.trim().split("\n").at(-1)!) as CaseResult };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { size, ok: false, error: message.split("\n").slice(0, 3).join(" ") };
  }
}

interface Target {
  label: string;
  size: number;
  /** Timings compared with the limit, wall-clock and CPU time; or a custom check for the others. */
  timings?: string[];
  limit?: number;
  check?: (r: CaseResult) => [value: string, pass: boolean];
}

const TARGETS: Target[] = [
  {
    label: "search p99, full words (one and two words) ≤ 5 ms",
    size: 100_000,
    timings: ["search: one full word", "search: two full words"],
    limit: 5,
  },
  {
    label: "autocomplete p99, prefixes of 2-5 chars ≤ 5 ms",
    size: 100_000,
    timings: ["autocomplete: prefix (2-5 chars)"],
    limit: 5,
  },
  {
    label: "search p99, a word being typed (prefix, 2-5 chars) ≤ 5 ms",
    size: 100_000,
    timings: ["search: typed prefix (2-5 chars)"],
    limit: 5,
  },
  {
    label: "collection load + index ≤ 3 s",
    size: 100_000,
    check: (r) => [
      `${((r.loadMs + r.indexMs) / 1000).toFixed(2)} s (cpu ${((r.loadCpuMs + r.indexCpuMs) / 1000).toFixed(2)} s)`,
      r.loadMs + r.indexMs <= 3_000,
    ],
  },
  {
    label: "start from the caches (posts and index, as the bot restarts) ≤ 3 s",
    size: 100_000,
    check: (r) => [cachedStart(r), r.cachedStart.ms <= 3_000],
  },
  { label: "RSS ≤ 400 MB", size: 100_000, check: (r) => [`${r.rssMB.toFixed(0)} MB`, r.rssMB <= 400] },
  ...[100_000, 1_000_000].flatMap((size): Target[] => [
    {
      label: "ranking: the first hit holds every query word, top-1 ≥ 0.98",
      size,
      check: (r) => [r.quality.rankingTop1.toFixed(3), r.quality.rankingTop1 >= 0.98],
    },
    {
      label: "a rare word typed as a 3+ letter prefix finds its post, recall ≥ 0.99",
      size,
      check: (r) => [
        `${r.quality.prefixRecall.toFixed(3)} (top 10: ${r.quality.prefixRecallTop10.toFixed(3)})`,
        r.quality.prefixRecall >= 0.99,
      ],
    },
  ]),
  {
    label: "start from the caches (posts and index, as the bot restarts) ≤ 5 s",
    size: 1_000_000,
    check: (r) => [cachedStart(r), r.cachedStart.ms <= 5_000],
  },
  {
    label: "cold start (load + index) ≤ 30 s",
    size: 1_000_000,
    check: (r) => [`${((r.loadMs + r.indexMs) / 1000).toFixed(2)} s`, r.loadMs + r.indexMs <= 30_000],
  },
  {
    label: "RSS ≤ 1 GB, the bot's library started from its caches",
    size: 1_000_000,
    check: (r) => [
      `${r.cachedStart.rssMB.toFixed(0)} MB (after a cold build in one process: ${r.rssMB.toFixed(0)} MB)`,
      r.cachedStart.rssMB <= 1_000,
    ],
  },
  {
    label: "search, typed prefix and autocomplete p99 ≤ 10 ms",
    size: 1_000_000,
    timings: [
      "search: one full word",
      "search: two full words",
      "search: typed prefix (2-5 chars)",
      "autocomplete: prefix (2-5 chars)",
    ],
    limit: 10,
  },
];

function targetRow(t: Target, o: Outcome | undefined): string {
  const name = `${t.label} (${t.size.toLocaleString("en")} posts)`;
  if (!o?.ok) return `| ${name} | not run | — |`;
  const verdict = (pass: boolean) => (pass ? "pass" : "FAIL");
  if (t.check) {
    const [value, pass] = t.check(o.result);
    return `| ${name} | ${value} | ${verdict(pass)} |`;
  }
  const worst = Math.max(
    ...(t.timings ?? []).map((n) => o.result.timings[n]?.p99 ?? Number.POSITIVE_INFINITY),
  );
  return `| ${name} | ${worst.toFixed(2)} ms | ${verdict(worst <= (t.limit ?? 0))} |`;
}

function cachedStart(r: CaseResult): string {
  return `${(r.cachedStart.ms / 1000).toFixed(2)} s (cpu ${(r.cachedStart.cpuMs / 1000).toFixed(2)} s)`;
}

function fmt(t: Timing | undefined): string {
  return t ? `${t.p50.toFixed(2)} / ${t.p99.toFixed(2)}` : "—";
}

function report(
  outcomes: readonly Outcome[],
  bot: Awaited<ReturnType<typeof endToEnd>>,
  imported: Awaited<ReturnType<typeof importBench>>,
  started: Date,
  load: number[],
  scale: string[],
): string {
  const ok = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
  const header = `| | ${outcomes.map((o) => `${o.size.toLocaleString("en")} posts`).join(" | ")} |`;
  const rule = `|---|${outcomes.map(() => "---:").join("|")}|`;
  const cell = (o: Outcome, f: (r: CaseResult) => string) => (o.ok ? f(o.result) : "failed");
  const row = (label: string, f: (r: CaseResult) => string) =>
    `| ${label} | ${outcomes.map((o) => cell(o, f)).join(" | ")} |`;
  const timingNames = [...new Set(ok.flatMap((o) => Object.keys(o.result.timings)))];
  const cpu = cpus();
  const lines = [
    "# Benchmarks",
    "",
    `Generated by \`npm run bench${quick ? " -- --quick" : ""}\` (bench/run.ts) on ${started.toISOString()}.`,
    "",
    `- Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
    `- Node ${process.version}, ${process.platform}/${process.arch}`,
    `- Load average at start: ${load.map((l) => l.toFixed(2)).join(", ")} (1, 5, 15 min). Latencies are wall-clock, so a busy machine inflates p99.`,
    "",
    "## Targets",
    "",
    "| target | measured | |",
    "|---|---:|---|",
    ...TARGETS.map((t) =>
      targetRow(
        t,
        outcomes.find((o) => o.size === t.size),
      ),
    ),
    ...(quick
      ? []
      : [
          `| 1,000,000 posts: starts and answers | ${outcomes.find((o) => o.size === 1_000_000)?.ok ? "answered" : "failed"} | ${outcomes.find((o) => o.size === 1_000_000)?.ok ? "pass" : "FAIL"} |`,
        ]),
    ...bot.targets,
    ...imported.targets,
    "",
    "## All figures",
    "",
    "Latencies are wall-clock p50 / p99 in milliseconds, from the round with the median p99 of three",
    "measured rounds. Load and index times also give the CPU time of the process (all threads, GC",
    "included), which a busy machine does not inflate.",
    "",
    header,
    rule,
    row("collection file", (r) => `${r.fileMB.toFixed(1)} MB`),
    row(
      "load (loadCollection: read, parse, validate)",
      (r) => `${r.loadMs.toFixed(0)} ms (cpu ${r.loadCpuMs.toFixed(0)})`,
    ),
    row(
      "build search index (frequent prefixes answered too)",
      (r) => `${r.indexMs.toFixed(0)} ms (cpu ${r.indexCpuMs.toFixed(0)})`,
    ),
    row("load + index", (r) => `${((r.loadMs + r.indexMs) / 1000).toFixed(2)} s`),
    row("search index from the cache instead", (r) => `${r.cachedIndexMs.toFixed(0)} ms`),
    row("RSS after load + index", (r) => `${r.rssMB.toFixed(0)} MB`),
    row("the bot's library started from both caches (fresh process)", cachedStart),
    row("RSS after that start", (r) => `${r.cachedStart.rssMB.toFixed(0)} MB`),
    row("JS heap used", (r) => `${r.heapMB.toFixed(0)} MB`),
    ...timingNames.map((name) => row(name, (r) => fmt(r.timings[name]))),
    ...outcomes
      .filter((o) => !o.ok)
      .map((o) => `\n${o.size.toLocaleString("en")} posts failed: ${o.ok ? "" : o.error}`),
    "",
    "## Workload",
    "",
    "- Posts come from bench/synthetic.ts (seeded): 20-1,000 characters (60% up to 280, 10% over 600), threads",
    "  with line breaks, t.co links, @mentions, #hashtags (which become topics), emoji, accented words, a",
    "  Zipf-distributed vocabulary of about 4,100 words plus rare one-off words; 10% have a title.",
    "- Every case runs in its own child process, after a warm-up run of the same queries; 1,000 queries",
    "  per kind (300 with --quick or at 1M posts).",
    "- Full words are drawn from the vocabulary by Zipf rank, skipping the ~100 function words; the",
    '  "common word" row is a Zipf draw over the whole vocabulary ("the", "a", "of"… most of the time).',
    "- Full-word queries end with a space (the user finished the word), so only typed-prefix queries",
    "  expand the last word. Prefixes are the first 2-5 characters of a content word; typos are one",
    "  deletion, swap or substitution in a word of 5+ characters.",
    "- Random picks alternate 100 callers; post of the day is `choosePostOfTheDay` over consecutive days.",
    "",
    ...bot.section,
    ...scale,
    ...imported.section,
    "## Why not MiniSearch",
    "",
    "The first version used MiniSearch 7.2 (fields title/text/topics, prefix on the last term, fuzzy",
    "only for unknown words). On 10,000 posts it measured: index 1,173 ms, full word p99 1.0 ms, two words",
    "p99 10.0 ms, typed prefix p99 52.8 ms, autocomplete p99 78.9 ms, typo p99 17.2 ms — over the 5 ms",
    "targets by 10x at a tenth of the size (one run, on a busy machine, with a 200-query warm-up). It keeps one Map per term and field, builds a result object",
    "for every matching post and sorts them all. src/library/search-postings.ts keeps the postings in",
    "flat typed arrays, scores into one reusable accumulator, expands a prefix to its 4/8/16 most frequent",
    "words (1/2/3+ letters; never words in over a fifth of a large collection), and keeps only the top k",
    "with a heap. Indexing looks ASCII words up in place in a hashed term table (src/library/search-terms.ts)",
    "instead of slicing every token; src/store/index-cache.ts keeps the postings on disk for restarts.",
    "",
  ];
  return lines.join("\n");
}

const started = new Date();
const load = loadavg();
const outcomes: Outcome[] = [];
for (const size of sizes) outcomes.push(await runCase(size));
const bot = await endToEnd(quick ? QUICK : FULL);
// Issue 12: the real bot beside a trivial discord.js bot with 20 interactions in flight, a hot reload with the
// real bot, and (full run only) a file no single V8 string can hold. The synthetic collections and their caches
// are kept in the temp directory between runs (bench/under-load.ts, benchCollection).
const underLoadSizes = quick ? [100_000] : [100_000, 1_000_000];
const underLoad = [];
for (const posts of underLoadSizes) {
  process.stderr.write(`bench: 20 interactions in flight, ${posts.toLocaleString("en")} posts…\n`);
  underLoad.push(
    await runUnderLoadBench({ posts, interactions: quick ? 300 : 1_000, rounds: quick ? 2 : 3 }),
  );
}
const reloads = [];
for (const posts of quick ? [100_000] : [100_000, 1_000_000]) {
  process.stderr.write(`bench: hot reload of ${posts.toLocaleString("en")} posts with the real bot…\n`);
  for (const probe of ["about", "search"] as const) reloads.push(await runReloadBotBench({ posts, probe }));
}
process.stderr.write(quick ? "" : "bench: 2,000,000 posts, 1.1 GB of JSON…\n");
const huge = quick ? undefined : hugeFileReport(await runHugeFileBench(2_000_000));
const issue12 = [underLoadReport(underLoad), reloadBotReport(reloads), ...(huge ? [huge] : [])];
process.stderr.write("bench: HTTP interactions against the gateway, compiled start-up…\n");
const scale = await runScaleBench(
  quick
    ? { posts: 10_000, interactions: 200, startups: 3, shardSizes: [10_000] }
    : { posts: 100_000, interactions: 1_000, startups: 3, shardSizes: [100_000, 1_000_000] },
);
process.stderr.write("bench: delivery with a failover on PostgreSQL…\n");
const failover = await runFailoverBench(quick ? 1_000 : 10_000);
process.stderr.write("bench: the web archive with 100,000 posts…\n");
const web = webReport(await runWebBench({ posts: 100_000, requests: quick ? 200 : 1_000 }));
process.stderr.write("bench: on this day…\n");
const onThisDay = runOnThisDayBench(quick);
// A 1M-tweet export takes minutes to generate and import; --quick keeps it to seconds.
const imported = await importBench(quick ? 5_000 : 1_000_000);
const markdown = report(
  outcomes,
  {
    targets: [
      ...bot.targets,
      ...issue12.flatMap((r) => r.targets),
      ...failover.targets,
      ...web.targets,
      ...onThisDay.targets,
    ],
    section: [...bot.section, ...issue12.flatMap((r) => r.section), ...web.section, ...onThisDay.section],
  },
  imported,
  started,
  load,
  [...scale.section, ...failover.section],
);
await writeFile(output, markdown);
process.stdout.write(`${markdown}\n`);
process.stderr.write(`bench: wrote ${output} in ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s\n`);
