/**
 * "On this day" over large collections: `postsOnThisDay` scans every post (a UTC pre-filter, then Intl for the few
 * near the day). Part of `npm run bench`; alone: `tsx bench/on-this-day.ts [--quick]`.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { postsOnThisDay } from "../src/library/on-this-day.js";
import type { Post } from "../src/library/post.js";
import { chooseSourcedPost, type PostSource } from "../src/library/post-source.js";
import { newDeck } from "../src/library/potd.js";
import { createRng, generatePosts } from "./synthetic.js";

const YEARS = 15;
/** CPU time per call: wall-clock on a shared 2-core machine measures the other processes as much as this. */
const LIMIT_CPU_MS = 20;
const TARGET_SIZE = 100_000;

type Figure = { size: number; zone: string; p50: number; p99: number; cpuMsPerCall: number; hits: number };

/** Synthetic posts with a `createdAt` spread evenly over the last 15 years. */
function datedPosts(size: number): Post[] {
  const rng = createRng(7);
  const end = Date.UTC(2026, 0, 1);
  const spanMinutes = Math.floor((YEARS * 365.25 * 86_400_000) / 60_000);
  return generatePosts(size).map((post) => ({
    ...post,
    createdAt: new Date(end - uniformInt(rng, 0, spanMinutes) * 60_000).toISOString(),
  }));
}

function measure(posts: readonly Post[], zone: string, days: number): Figure {
  const dates = Array.from({ length: days }, (_, i) =>
    new Date(Date.UTC(2026, 0, 1 + ((i * 37) % 365))).toISOString().slice(0, 10),
  );
  for (const date of dates.slice(0, 3)) postsOnThisDay(posts, date, zone); // warm-up
  const samples: number[] = [];
  let hits = 0;
  const cpu = process.cpuUsage();
  for (const date of dates) {
    const start = performance.now();
    hits += postsOnThisDay(posts, date, zone).length;
    samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return {
    size: posts.length,
    zone,
    p50: at(0.5),
    p99: at(0.99),
    cpuMsPerCall: (used.user + used.system) / 1000 / dates.length,
    hits: Math.round(hits / dates.length),
  };
}

/**
 * What a tick of many "on this day" schedules costs in their claims: `chooseSourcedPost` for `schedules` schedules
 * (each its own deck) due the same day in the same zone, against the deck alone. CPU ms per schedule.
 */
function measureSchedules(posts: readonly Post[], schedules: number) {
  const cpuPerSchedule = (postSource: PostSource, date: string) => {
    const cpu = process.cpuUsage();
    for (let i = 0; i < schedules; i++)
      chooseSourcedPost({ posts }, date, newDeck(`g${i}`), { postSource, timeZone: "Europe/Paris" });
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000 / schedules;
  };
  chooseSourcedPost({ posts }, "2026-02-01", newDeck("warm"), { postSource: "deck", timeZone: "UTC" });
  return {
    size: posts.length,
    schedules,
    deck: cpuPerSchedule("deck", "2026-03-16"),
    onThisDay: cpuPerSchedule("on-this-day", "2026-03-17"),
  };
}

export function runOnThisDayBench(quick: boolean): { targets: string[]; section: string[] } {
  const figures: Figure[] = [];
  for (const size of quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]) {
    const posts = datedPosts(size);
    for (const zone of ["UTC", "Europe/Paris"]) figures.push(measure(posts, zone, quick ? 20 : 60));
  }
  const scheduled = measureSchedules(datedPosts(TARGET_SIZE), quick ? 2_000 : 10_000);
  const target = figures.filter((f) => f.size === TARGET_SIZE);
  const worst = Math.max(...target.map((f) => f.cpuMsPerCall));
  return {
    targets: [
      `| /onthisday at ${TARGET_SIZE.toLocaleString("en")} posts ≤ ${LIMIT_CPU_MS} ms CPU per call | ${worst.toFixed(1)} ms | ${worst <= LIMIT_CPU_MS ? "pass" : "FAIL"} |`,
    ],
    section: [
      "## On this day",
      "",
      `\`postsOnThisDay\` over synthetic posts dated across ${YEARS} years, for days spread over a year (wall-clock`,
      "p50 / p99 per call, and CPU time per call, which a busy machine does not inflate).",
      "",
      "| posts | zone | matches per day | p50 / p99 ms | cpu ms per call |",
      "|---:|---|---:|---:|---:|",
      ...figures.map(
        (f) =>
          `| ${f.size.toLocaleString("en")} | ${f.zone} | ${f.hits} | ${f.p50.toFixed(1)} / ${f.p99.toFixed(1)} | ${f.cpuMsPerCall.toFixed(1)} |`,
      ),
      "",
      `Schedules with source on-this-day: ${scheduled.schedules.toLocaleString("en")} schedules (each its own deck) choosing`,
      `the same day's post at ${scheduled.size.toLocaleString("en")} posts: ${scheduled.onThisDay.toFixed(2)} ms CPU per schedule, against`,
      `${scheduled.deck.toFixed(2)} ms for the deck alone (the day's matches are found once per day and zone).`,
      "",
    ],
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const load = loadavg();
  const { targets, section } = runOnThisDayBench(process.argv.includes("--quick"));
  process.stdout.write(
    [
      `Load average at start: ${load.map((l) => l.toFixed(2)).join(", ")}`,
      "",
      ...targets,
      "",
      ...section,
    ].join("\n"),
  );
}
