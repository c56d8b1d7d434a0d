/**
 * Importing an X export as downloaded (.zip), measured for BENCHMARKS.md: time and peak RSS. The zip is
 * generated first (bench/x-export.ts), then imported by bench/import-case.ts in its own process.
 * Alone: `npx tsx bench/import.ts 1000000`.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { writeXExport } from "./x-export.js";

const run = promisify(execFile);
const caseScript = fileURLToPath(new URL("./import-case.ts", import.meta.url));
const n = (value: number) => value.toLocaleString("en");

export interface ImportFigures {
  tweets: number;
  zipMB: number;
  generateMs: number;
  ms: number;
  cpuMs: number;
  peakRssMB: number;
  imported: number;
  threadsJoined: number;
  skipped: Record<string, number>;
  outMB: number;
}

export async function measureImport(tweets: number): Promise<ImportFigures> {
  const folder = await mkdtemp(join(tmpdir(), "curator-bench-import-"));
  try {
    const zip = join(folder, "twitter-export.zip");
    const generating = performance.now();
    await writeXExport(zip, tweets);
    const generateMs = performance.now() - generating;
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", caseScript, zip, join(folder, "posts.json")],
      { maxBuffer: 1 << 20, timeout: 60 * 60 * 1000 },
    );
    const figures = JSON.parse(stdout.trim().split("\n").at(-1)!) as Omit<ImportFigures, "tweets" | "zipMB">;
    return { ...figures, tweets, zipMB: (await stat(zip)).size / 2 ** 20, generateMs };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** BENCHMARKS.md lines: a target row and a section. */
export async function importBench(tweets: number): Promise<{ targets: string[]; section: string[] }> {
  process.stderr.write(`bench: importing an X export .zip of ${n(tweets)} tweets…\n`);
  const f = await measureImport(tweets);
  // No pass/fail: memory grows with the number of posts (their ids are kept), so any limit is a choice of size.
  return {
    targets: [
      `| import: X export .zip of ${n(tweets)} tweets, read in place (time, peak RSS) | ${(f.ms / 1000).toFixed(0)} s (cpu ${(f.cpuMs / 1000).toFixed(0)} s), ${f.peakRssMB.toFixed(0)} MB | measured |`,
    ],
    section: importSection(f),
  };
}

export function importSection(f: ImportFigures): string[] {
  return [
    "## Importing an X export (.zip as downloaded)",
    "",
    "`npm run import -- export.zip` read in place (yauzl; nothing unpacked), in its own process (bench/import.ts,",
    "bench/x-export.ts): tweets.js in parts of 250,000, every 10th tweet a self-reply, every 7th with a photo.",
    "",
    "| | figure |",
    "|---|---:|",
    `| tweets in the export | ${n(f.tweets)} |`,
    `| .zip size (deflated) | ${f.zipMB.toFixed(0)} MB |`,
    `| import wall time / CPU time | ${(f.ms / 1000).toFixed(1)} s / ${(f.cpuMs / 1000).toFixed(1)} s |`,
    `| tweets per second | ${n(Math.round(f.tweets / (f.ms / 1000)))} |`,
    `| peak RSS (the whole import) | ${f.peakRssMB.toFixed(0)} MB |`,
    `| posts written / threads joined | ${n(f.imported)} / ${n(f.threadsJoined)} |`,
    `| skipped | ${
      Object.entries(f.skipped)
        .map(([reason, count]) => `${n(count)} ${reason}`)
        .join(", ") || "none"
    } |`,
    `| collection written | ${f.outMB.toFixed(0)} MB |`,
    "",
    "Each tweets.js part is inflated twice (once for the thread links, once for the posts) and never held",
    "whole; memory grows with the ids kept for duplicates and threads, not with the export's size. The output",
    "is validated post by post as it is written; the whole-file re-load that `npm run import` adds for outputs",
    "up to 64 MB is left out here (a 1M-tweet export writes about 500 MB and never gets it).",
    "",
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tweets = Number(process.argv[2] ?? 100_000);
  const figures = await measureImport(tweets);
  process.stdout.write(`${JSON.stringify(figures)}\n\n${importSection(figures).join("\n")}\n`);
}
