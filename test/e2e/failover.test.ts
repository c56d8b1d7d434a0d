import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { freshPostgresUrl } from "../postgres-schema.js";
import { type FleetRun, runSchedulerFleet } from "./scheduler-fleet.js";

const SERVERS = 1000;
const ADMIN = PermissionFlagsBits.Administrator;

let run: FleetRun | undefined;
afterEach(async () => {
  await run?.stop();
  run = undefined;
});

describe("CURATOR_ROLES=scheduler on PostgreSQL", () => {
  it("elects one sender; when it dies halfway, the standby finishes: one post per server, replicas answering", {
    timeout: 180_000,
  }, async () => {
    // Discord's global limit (50 requests/s): the day's posts take about 20 s, so the leader dies mid-way.
    run = await runSchedulerFleet({
      servers: SERVERS,
      databaseUrl: await freshPostgresUrl("failover"),
      perSecond: 50,
      killAt: 1 / 3,
      replicas: 3,
    });
    expect(run.postsWhenKilled).toBeLessThan(SERVERS);
    expect(run.counts()).toEqual(run.servers.map(() => 1));

    // The replicas read the same store: /schedule status on each says today's post is out.
    const fake = run.fake;
    const ready = await Promise.all(
      run.replicas.map((r) => r.waitForLog("interactions endpoint listening", 60_000)),
    );
    fake.setInteractionUrls(ready.map((entry) => `http://127.0.0.1:${entry.port}/interactions`));
    for (const s of run.servers.slice(0, 3)) {
      const status = (await fake.postInteraction(
        fake.slashCommand({ name: "schedule", subcommand: "status", guildId: s.guild, permissions: ADMIN }),
      )) as unknown as { data: { embeds: { fields: { name: string; value: string }[] }[] } };
      const today = status.data.embeds[0]!.fields.find((f) => f.name === "Today");
      expect(today?.value).toMatch(/: sent$/);
    }
  });
});
