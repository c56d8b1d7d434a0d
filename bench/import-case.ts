/** One import measured in its own process (bench/import.ts): wall time, CPU time and peak RSS. */
import { stat } from "node:fs/promises";
import { runImport } from "../src/importers/run.js";

const [input, out] = process.argv.slice(2) as [string, string];
const started = performance.now();
const cpu = process.cpuUsage();
// As for any output over 64 MB (a 1M-tweet export writes ~500 MB): validated post by post while written,
// not loaded again whole at the end — that re-load would measure the loader, not the import.
const summary = await runImport({ input, out, replace: true, loaderCheckMaxBytes: 0 });
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    // resourceUsage().maxRSS is the peak resident set size of the whole run, in KiB.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    imported: summary.imported,
    threadsJoined: summary.threadsJoined,
    skipped: Object.fromEntries(summary.skipped),
    checkedByStreamOnly: summary.checkedByStreamOnly === true,
    outMB: (await stat(out)).size / 2 ** 20,
  })}\n`,
);
