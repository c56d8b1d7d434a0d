/**
 * The full soak: 50 users, 5,000 interactions against the real bot while the fake Discord answers 1% of REST calls
 * with 500, 1% with 429 and closes the gateway every 3 s. `npx tsx bench/soak.ts [users] [interactions]`.
 */
import { fileURLToPath } from "node:url";
import { runSoak, type SoakFigures, type SoakOptions } from "./bot-soak.js";

export const FULL_SOAK: SoakOptions = {
  users: 50,
  interactions: 5_000,
  status500: 0.01,
  status429: 0.01,
  gatewayCloseEveryMs: 3_000,
  thinkMs: 500,
};

export function runSoakBench(options: Partial<SoakOptions> = {}): Promise<SoakFigures> {
  return runSoak({ ...FULL_SOAK, ...options });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [users, interactions] = process.argv.slice(2).map(Number);
  const figures = await runSoakBench({
    ...(users ? { users } : {}),
    ...(interactions ? { interactions } : {}),
    progress: (line) => process.stderr.write(`soak: ${line}\n`),
  });
  console.log(JSON.stringify(figures, null, 2));
}
