import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimAbandoned } from "../src/scheduler/owner.js";
import { whenFree } from "../src/store/busy.js";
import type { Delivery } from "../src/store/deliveries.js";
import { openDatabase } from "../src/store/open.js";

describe("whenFree", () => {
  it("waits for another connection's write lock without blocking the event loop, then writes", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "curator-busy-")), "db.sqlite");
    const holder = openDatabase(file);
    const writer = openDatabase(file);
    holder.exec("CREATE TABLE t (x INTEGER)");
    holder.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    setTimeout(() => holder.exec("COMMIT"), 300);
    await whenFree(() => writer.prepare("INSERT INTO t VALUES (1)").run());
    clearInterval(ticker);
    expect(writer.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1 });
    // The loop kept turning while the write waited (a synchronous busy wait would leave this near 0).
    expect(ticks).toBeGreaterThan(10);
    holder.close();
    writer.close();
  });

  it("gives up after its deadline, and passes other errors through at once", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "curator-busy-")), "db.sqlite");
    const holder = openDatabase(file);
    const writer = openDatabase(file);
    holder.exec("CREATE TABLE t (x INTEGER)");
    holder.exec("BEGIN IMMEDIATE");
    await expect(whenFree(() => writer.prepare("INSERT INTO t VALUES (1)").run(), 100)).rejects.toMatchObject(
      {
        code: "SQLITE_BUSY",
      },
    );
    holder.exec("COMMIT");
    await expect(whenFree(() => writer.prepare("INSERT INTO nope VALUES (1)").run())).rejects.toThrow(
      /no such table/,
    );
    holder.close();
    writer.close();
  });
});

describe("claimAbandoned", () => {
  const now = new Date("2026-11-27T09:01:00Z");
  const claim = (over: Partial<Delivery>): Delivery => ({
    guildId: "g",
    schedule: "daily",
    localDate: "2026-11-27",
    postId: "p",
    status: "claimed",
    claimedAt: "2026-11-27T09:00:00.000Z",
    firstClaimedAt: "2026-11-27T09:00:00.000Z",
    claimOwner: "h/10/a",
    claimHost: "h",
    claimPid: 10,
    leaseUntil: "2026-11-27T09:02:00.000Z",
    sentAt: null,
    messageId: null,
    channelId: "c",
    error: null,
    retryAt: null,
    attempts: 1,
    ...over,
  });
  const me = { id: "h/1/b", host: "h", pid: 1 };
  const alive = (): boolean => true;
  const dead = (): boolean => false;

  type Case = [what: string, over: Partial<Delivery>, isAlive: (pid: number) => boolean, abandoned: boolean];
  const cases: Case[] = [
    ["a live process of this host, lease running", {}, alive, false],
    ["a dead process of this host", {}, dead, true],
    [
      "an earlier life of this very pid (a container's pid 1)",
      { claimPid: 1, claimOwner: "h/1/old" },
      alive,
      true,
    ],
    ["another host, lease running", { claimHost: "other" }, dead, false],
    ["another host, lease over", { claimHost: "other", leaseUntil: "2026-11-27T09:00:30.000Z" }, alive, true],
    [
      "a row from before leases, 1 minute old",
      { claimHost: null, claimPid: null, leaseUntil: null },
      alive,
      false,
    ],
  ];
  it.each(cases)("%s", (_, over, isAlive, abandoned) => {
    expect(claimAbandoned(claim(over), me, now, isAlive)).toBe(abandoned);
  });
});
