import { fileURLToPath } from "node:url";

export const COMMITTED = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
export const LAST_RUN = fileURLToPath(new URL("./last-run.md", import.meta.url));

/**
 * Where `npm run bench` writes its report: the committed BENCHMARKS.md only when asked with `--write` (a quick run on
 * a busy laptop must not replace the figures of record), else bench/last-run.md (git-ignored). Always also stdout.
 */
export function benchOutputPath(args: readonly string[]): string {
  return args.includes("--write") ? COMMITTED : LAST_RUN;
}
