/**
 * A start of the bot's library in a fresh process, as `src/main.ts` does it (`loadLibrary`): from the posts and
 * search index caches when they match the file. `tsx bench/library-start.ts <collection.json>` prints one JSON
 * line: wall and CPU time of the start, whether both caches were used, and the memory the library then takes.
 */
import { readFileSync } from "node:fs";
import { loadLibrary } from "../src/load-library.js";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/library-start.ts <collection.json>");
const problems: string[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const library = await loadLibrary(file, undefined, (problem) => problems.push(problem));
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// A search answered proves the library is ready; the first one also builds what searches build lazily.
const answered = library.index.search("the").total > 0;
global.gc?.();
const memory = process.memoryUsage();
// The most the process ever held (Linux), which a full GC at the end hides: what the machine must have.
const peak = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
process.stdout.write(
  `${JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    compact: library.collection.compact !== undefined,
    answered,
    problems,
    rssMB: memory.rss / 1e6,
    heapMB: memory.heapUsed / 1e6,
    externalMB: memory.external / 1e6,
    peakRssMB: peak ? (Number(peak[1]) * 1024) / 1e6 : undefined,
  })}\n`,
);
