/** The real bot (child process, as `npm start`) against the fake Discord, plus the measuring helpers the soak and benches share. */
import { readFileSync } from "node:fs";

export {
  type BotAgainstFake,
  defaultGuilds,
  GUILD,
  PLAY_CHANNEL,
  POTD_CHANNEL,
  startBotAgainstFake,
} from "../test/e2e/bot-process.js";
/** mulberry32, so a run's mix of interactions is the same every time. */
export { seededRandom } from "../test/fake-discord/faults.js";

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

export interface Latency {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Count, p50 / p90 / p99 and max of latencies in ms, rounded for a report. */
export function latency(times: number[]): Latency {
  return {
    count: times.length,
    p50: round(percentile(times, 50)),
    p90: round(percentile(times, 90)),
    p99: round(percentile(times, 99)),
    max: round(Math.max(...times)),
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
