/** Randomized SIGKILL trials of the post of the day (test/e2e/crash-trial.ts), for BENCHMARKS.md. */
import { MOMENTS, planTrial, runCrashTrial, type TrialResult } from "../test/e2e/crash-trial.js";

export interface CrashBench {
  trials: TrialResult[];
  duplicates: number;
  missed: number;
}

export async function runCrashBench(count: number, seed = 7): Promise<CrashBench> {
  const trials: TrialResult[] = [];
  for (let i = 0; i < count; i++) {
    const result = await runCrashTrial(planTrial(seed, i));
    process.stderr.write(
      `bench: crash trial ${i + 1}/${count} (${result.moment}, nonce ${result.nonce ? "on" : "off"}, ${result.processes} process${result.processes > 1 ? "es" : ""}): ${result.posts} post(s)\n`,
    );
    trials.push(result);
  }
  return {
    trials,
    duplicates: trials.reduce((sum, t) => sum + Math.max(0, t.posts - 1), 0),
    missed: trials.filter((t) => t.posts === 0).length,
  };
}

/** One row per moment × nonce × processes: trials and their posts. */
export function crashRows(bench: CrashBench): string[] {
  const rows: string[] = [];
  for (const moment of MOMENTS) {
    for (const nonce of [true, false]) {
      for (const processes of [1, 2]) {
        const group = bench.trials.filter(
          (t) => t.moment === moment && t.nonce === nonce && t.processes === processes,
        );
        if (group.length === 0) continue;
        const posts = group.map((t) => t.posts);
        rows.push(
          `| ${moment} | ${nonce ? "on" : "off"} | ${processes} | ${group.length} | ${posts.filter((p) => p === 1).length} | ${posts.filter((p) => p > 1).length} | ${posts.filter((p) => p === 0).length} |`,
        );
      }
    }
  }
  return rows;
}
