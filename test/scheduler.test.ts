import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { deliveryNonce, type FindPosted, type SendPost } from "../src/scheduler/deliver.js";
import { addDays, dueInstant, localDate } from "../src/scheduler/next-run.js";
import { type CronLike, createScheduler, type SchedulerDeps } from "../src/scheduler/scheduler.js";
import { sqlitePostStore } from "../src/store/sqlite-store.js";
import { openStore, type Store } from "../src/store/store.js";

const MINUTE = 60_000;
const posts: Post[] = Array.from({ length: 5 }, (_, i) => ({
  id: `p${i}`,
  text: `post ${i}`,
  topics: [],
  links: [],
  mentions: [],
}));
const defaults = { time: "09:00", timeZone: "UTC" };
/** A claim owner on the tests' one host. */
const own = (id: string, pid = 1000) => ({ id, host: "test-host", pid });

type Sent = { id: string; channelId: string; postId: string; localDate: string; nonce: string; at: Date };

/** Channels that record what the bot posts, fail on demand, and list recent messages like Discord would. */
class FakeChannels {
  sent: Sent[] = [];
  attempts = 0;
  failWith: unknown[] = [];
  clock = new Date(0);
  send: SendPost = async (channelId, post, _schedule, delivery) => {
    this.attempts++;
    if (this.failWith.length > 0) throw this.failWith.shift();
    const id = `m${this.sent.length + 1}`;
    this.sent.push({ id, channelId, postId: post.id, ...delivery, at: this.clock });
    return { messageId: id };
  };
  findPosted: FindPosted = async (channelId, after) =>
    this.sent
      .filter((m) => m.channelId === channelId && m.at > after)
      .reverse()
      .map((m) => ({ id: m.id, marker: m.nonce }));
}

let dir: string;
let file: string;
const stores: Store[] = [];
function open(): Store {
  const s = openStore(file);
  stores.push(s);
  return s;
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "curator-scheduler-"));
  file = join(dir, "curator.db");
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const silent = { info() {}, warn() {}, error() {} };

/** A scheduler on a SQLite store; the test reads and seeds the same store synchronously (`store`). */
function setup(overrides: Partial<Omit<SchedulerDeps, "store">> & { guilds?: string[]; store?: Store } = {}) {
  const { store: given, ...rest } = overrides;
  const store = given ?? open();
  const channels = new FakeChannels();
  const guilds = overrides.guilds ?? ["g1"];
  const scheduler = createScheduler({
    store: sqlitePostStore(store),
    now: () => channels.clock,
    listGuilds: () => guilds,
    collection: () => ({ posts }),
    send: channels.send,
    findPosted: channels.findPosted,
    log: silent,
    owner: own("test"),
    isAlive: () => true,
    ...rest,
  });
  return { store, channels, scheduler };
}

/** Ticks every `step` from `from` (inclusive) to `to` (exclusive), moving the fake clock along. */
async function run(
  { scheduler, channels }: ReturnType<typeof setup>,
  from: string | Date,
  to: string | Date,
  step = MINUTE,
) {
  for (let t = new Date(from).getTime(); t < new Date(to).getTime(); t += step) {
    channels.clock = new Date(t);
    await scheduler.tick(channels.clock);
  }
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe("across DST transitions", () => {
  it.each([
    { zone: "Europe/Paris", time: "02:30", from: "2026-03-24", edge: "2026-03-29" },
    { zone: "Europe/Paris", time: "02:30", from: "2026-10-20", edge: "2026-10-25" },
    { zone: "America/New_York", time: "02:30", from: "2026-03-03", edge: "2026-03-08" },
    { zone: "America/New_York", time: "01:30", from: "2026-10-27", edge: "2026-11-01" },
  ])(
    "posts exactly once a day in $zone at $time around $edge",
    { timeout: 30_000 },
    async ({ zone, time, from, edge }) => {
      const ctx = setup({ guilds: ["night", "morning"] });
      const start = dueInstant(from, "00:00", zone);
      ctx.store.settings.update("night", { channelId: "c-night", time, timeZone: zone }, start, defaults);
      ctx.store.settings.update(
        "morning",
        { channelId: "c-morning", time: "09:00", timeZone: zone },
        start,
        defaults,
      );
      await run(ctx, start, dueInstant(addDays(from, 10), "00:00", zone));

      for (const channelId of ["c-night", "c-morning"]) {
        const sent = ctx.channels.sent.filter((m) => m.channelId === channelId);
        const perDay = countBy(sent, (m) => localDate(m.at, zone));
        expect(Object.values(perDay)).toEqual(Array(10).fill(1));
        expect(sent.map((m) => m.localDate)).toEqual(Object.keys(perDay));
        for (const m of sent) {
          expect(m.at).toEqual(dueInstant(m.localDate, channelId === "c-night" ? time : "09:00", zone));
        }
      }
      const edgeNight = ctx.channels.sent.find((m) => m.channelId === "c-night" && m.localDate === edge)!;
      expect(edgeNight.at).toEqual(dueInstant(edge, time, zone));
    },
  );
});

describe("after downtime", () => {
  it("sends today's missed post late at start, the same day only, without a backlog", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    await run(ctx, "2026-11-20T08:00:00Z", "2026-11-21T08:00:00Z", 30 * MINUTE);
    expect(ctx.channels.sent.map((m) => m.localDate)).toEqual(["2026-11-20"]);
    // Down from 2026-11-21 08:00 to 2026-11-23 15:00.
    ctx.channels.clock = new Date("2026-11-23T15:00:00Z");
    const ticks = await ctx.scheduler.start();
    await ctx.scheduler.stop();
    expect(ticks.map((t) => t.outcome.kind)).toEqual(["sent"]);
    expect(ctx.channels.sent.map((m) => m.localDate)).toEqual(["2026-11-20", "2026-11-23"]);
  });

  it("sends nothing at start before today's time", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    ctx.channels.clock = new Date("2026-11-23T08:59:00Z");
    expect(await ctx.scheduler.start()).toEqual([]);
    await run(ctx, "2026-11-23T08:59:00Z", "2026-11-23T09:05:00Z");
    await ctx.scheduler.stop();
    expect(ctx.channels.sent.map((m) => m.at.toISOString())).toEqual(["2026-11-23T09:00:00.000Z"]);
    // A stopped scheduler starts nothing more.
    expect(await ctx.scheduler.tick(new Date("2026-11-24T09:00:00Z"))).toEqual([]);
  });
});

describe("two processes on the same database", () => {
  it("send exactly once when both tick at the same moment", async () => {
    const channels = new FakeChannels();
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slowSend: SendPost = async (...args) => {
      await gate;
      return channels.send(...args);
    };
    const a = setup({ store: open(), owner: own("a", 1), send: slowSend, findPosted: channels.findPosted });
    const b = setup({ store: open(), owner: own("b", 2), send: slowSend, findPosted: channels.findPosted });
    a.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    const at = new Date("2026-11-27T09:00:00Z");
    const both = Promise.all([a.scheduler.tick(at), b.scheduler.tick(at)]);
    release();
    const [ta, tb] = await both;
    expect([...ta, ...tb].map((t) => t.outcome.kind).sort()).toEqual(["nothing", "sent"]);
    expect(channels.sent).toHaveLength(1);
    // Later ticks of either process find the day done.
    await a.scheduler.tick(new Date(at.getTime() + MINUTE));
    await b.scheduler.tick(new Date(at.getTime() + MINUTE));
    expect(channels.sent).toHaveLength(1);
  });
});

describe("crash between claim and send", () => {
  const day = "2026-11-27";
  const claimedAt = new Date(`${day}T09:00:00Z`);
  function crashedClaim(store: Store, owner: ReturnType<typeof own>) {
    store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    const claim = store.deliveries.claim({
      guildId: "g1",
      localDate: day,
      channelId: "c",
      owner,
      now: claimedAt,
      leaseMs: 2 * MINUTE,
      choose: () => ({ post: posts[3]!, history: { seed: "g1", cycle: 0, shown: ["p3"] } }),
    });
    expect(claim.claimed).toBe(true);
  }

  it("sends the claimed post when it never went out (the claim's process is gone)", async () => {
    const ctx = setup({ owner: own("restarted", 2), isAlive: (pid) => pid !== 1 });
    crashedClaim(ctx.store, own("crashed", 1));
    ctx.channels.clock = new Date(claimedAt.getTime() + MINUTE);
    const [tick] = await ctx.scheduler.start();
    await ctx.scheduler.stop();
    expect(tick?.outcome.kind).toBe("sent");
    expect(ctx.channels.sent.map((m) => [m.postId, m.nonce])).toEqual([["p3", deliveryNonce("g1", day)]]);
    expect(ctx.store.deliveries.get("g1", day)).toMatchObject({
      status: "sent",
      messageId: "m1",
      attempts: 2,
      claimOwner: "restarted",
    });
  });

  it("marks the day sent without posting again when the message is in the channel", async () => {
    const ctx = setup({ owner: own("restarted", 2), isAlive: (pid) => pid !== 1 });
    crashedClaim(ctx.store, own("crashed", 1));
    ctx.channels.clock = claimedAt;
    await ctx.channels.send(
      "c",
      posts[3]!,
      undefined as never,
      { localDate: day, nonce: deliveryNonce("g1", day) },
      new AbortController().signal,
    );
    ctx.channels.clock = new Date(claimedAt.getTime() + MINUTE);
    const [tick] = await ctx.scheduler.start();
    await ctx.scheduler.stop();
    expect(tick?.outcome).toMatchObject({ kind: "found", messageId: "m1" });
    expect(ctx.channels.sent).toHaveLength(1);
    expect(ctx.store.deliveries.get("g1", day)).toMatchObject({ status: "sent", messageId: "m1" });
  });

  it("never takes over a live process's claim on this host, even past its lease", async () => {
    const ctx = setup({ owner: own("second", 2), isAlive: () => true });
    crashedClaim(ctx.store, own("first", 1));
    ctx.channels.clock = new Date(claimedAt.getTime() + MINUTE);
    expect((await ctx.scheduler.tick(ctx.channels.clock))[0]?.outcome).toMatchObject({ reason: "in-flight" });
    expect(ctx.channels.attempts).toBe(0);
  });

  it("leaves another host's claim alone while its lease runs, then reads the channel and sends", async () => {
    const ctx = setup({ owner: own("here") });
    crashedClaim(ctx.store, { id: "elsewhere/1/x", host: "other-host", pid: 1 });
    await run(ctx, new Date(claimedAt.getTime() + MINUTE), new Date(claimedAt.getTime() + 2 * MINUTE));
    expect(ctx.channels.attempts).toBe(0);
    await run(ctx, new Date(claimedAt.getTime() + 2 * MINUTE), new Date(claimedAt.getTime() + 10 * MINUTE));
    expect(ctx.channels.sent).toHaveLength(1);
    expect(ctx.channels.sent[0]?.at).toEqual(new Date(claimedAt.getTime() + 2 * MINUTE));
  });

  it("after a lost answer, finds the first message by reading the channel from the first claim", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    // The message is created, then the answer is lost (a 502 after the work was done).
    const lostAnswer: SendPost = async (...args) => {
      await ctx.channels.send(...args);
      throw Object.assign(new Error("Bad Gateway"), { status: 502 });
    };
    const lossy = setup({ store: ctx.store, send: lostAnswer, findPosted: ctx.channels.findPosted });
    lossy.channels.clock = new Date("2026-11-27T09:00:00Z");
    ctx.channels.clock = lossy.channels.clock;
    expect((await lossy.scheduler.tick(lossy.channels.clock))[0]?.outcome).toMatchObject({ kind: "failed" });
    // Long past any nonce window: the retry must look, not send.
    await run(ctx, "2026-11-27T09:01:00Z", "2026-11-27T12:00:00Z");
    expect(ctx.channels.sent).toHaveLength(1);
    expect(ctx.store.deliveries.get("g1", "2026-11-27")).toMatchObject({ status: "sent", messageId: "m1" });
  });

  it("a cancelled send leaves the claim to the next run, which reads the channel first", async () => {
    const ctx = setup({ owner: own("first", 1) });
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    let arrived = () => {};
    const sending = new Promise<void>((r) => {
      arrived = r;
    });
    const hanging: SendPost = (...args) =>
      new Promise((_, reject) => {
        void ctx.channels.send(...args);
        arrived();
        args[4].addEventListener("abort", () => reject(args[4].reason));
      });
    const first = setup({
      store: ctx.store,
      owner: own("first", 1),
      send: hanging,
      findPosted: ctx.channels.findPosted,
    });
    first.channels.clock = new Date("2026-11-27T09:00:00Z");
    ctx.channels.clock = first.channels.clock;
    const tick = first.scheduler.tick(first.channels.clock);
    await sending;
    await first.scheduler.stop();
    expect((await tick)[0]?.outcome).toMatchObject({ kind: "nothing", reason: "cancelled" });
    expect(ctx.store.deliveries.get("g1", "2026-11-27")).toMatchObject({ status: "claimed" });
    const next = setup({
      store: ctx.store,
      owner: own("next", 2),
      isAlive: () => false,
      findPosted: ctx.channels.findPosted,
    });
    next.channels.clock = new Date("2026-11-27T09:00:10Z");
    expect((await next.scheduler.tick(next.channels.clock))[0]?.outcome).toMatchObject({ kind: "found" });
    expect(ctx.channels.sent).toHaveLength(1);
  });
});

describe("send errors", () => {
  it("records a permanent error, keeps the schedule and sends the same post the next day", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    ctx.channels.failWith.push(Object.assign(new Error("Missing Access"), { status: 403, code: 50001 }));
    await run(ctx, "2026-11-27T08:00:00Z", "2026-11-28T08:00:00Z");
    expect(ctx.channels.attempts).toBe(1);
    const failed = ctx.store.deliveries.get("g1", "2026-11-27")!;
    expect(failed).toMatchObject({ status: "failed", retryAt: null, error: "403 50001: Missing Access" });
    expect(ctx.store.settings.get("g1")).toMatchObject({
      lastError: "403 50001: Missing Access",
      channelId: "c",
    });
    await run(ctx, "2026-11-28T08:00:00Z", "2026-11-28T10:00:00Z");
    expect(ctx.channels.sent.map((m) => [m.localDate, m.postId])).toEqual([["2026-11-28", failed.postId]]);
    expect(ctx.store.settings.get("g1")?.lastError).toBeNull();
  });

  it("retries a 5xx with backoff within the day and then sends", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    ctx.channels.failWith.push({ status: 503 }, Object.assign(new Error("reset"), { code: "ECONNRESET" }));
    await run(ctx, "2026-11-27T08:00:00Z", "2026-11-27T12:00:00Z");
    expect(ctx.channels.attempts).toBe(3);
    // Attempt 1 at 09:00, retry after 1 min, then after 2 min.
    expect(ctx.channels.sent.map((m) => m.at.toISOString())).toEqual(["2026-11-27T09:03:00.000Z"]);
    expect(ctx.store.deliveries.get("g1", "2026-11-27")).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("stops retrying after a bounded number of attempts and never carries the day over", async () => {
    const ctx = setup({ retry: { delaysMs: [MINUTE, MINUTE], leaseMs: 2 * MINUTE } });
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    ctx.channels.failWith.push(...Array(10).fill({ status: 500 }));
    await run(ctx, "2026-11-27T08:00:00Z", "2026-11-28T08:00:00Z");
    expect(ctx.channels.attempts).toBe(3);
    expect(ctx.store.deliveries.get("g1", "2026-11-27")).toMatchObject({ status: "failed", retryAt: null });
  });

  it("does not post blind when the channel cannot be read during a repair", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    const at = new Date("2026-11-27T09:00:00Z");
    ctx.store.deliveries.claim({
      guildId: "g1",
      localDate: "2026-11-27",
      channelId: "c",
      owner: own("crashed", 1),
      now: at,
      leaseMs: 2 * MINUTE,
      choose: () => ({ post: posts[0]!, history: { seed: "g1", cycle: 0, shown: ["p0"] } }),
    });
    const blind = setup({
      store: ctx.store,
      owner: own("restarted", 2),
      isAlive: () => false,
      findPosted: async () => {
        throw { status: 503 };
      },
    });
    blind.channels.clock = new Date(at.getTime() + MINUTE);
    const [tick] = await blind.scheduler.tick(blind.channels.clock);
    expect(tick?.outcome).toMatchObject({ kind: "failed", permanent: false });
    expect(blind.channels.attempts).toBe(0);
  });
});

describe("pause, skip, off and the env defaults", () => {
  it("posts nothing while paused and resumes when unpaused", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c", paused: true }, new Date(0), defaults);
    await run(ctx, "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z", 15 * MINUTE);
    expect(ctx.channels.attempts).toBe(0);
    ctx.store.settings.update("g1", { paused: false }, new Date(0), defaults);
    await run(ctx, "2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z", 15 * MINUTE);
    expect(ctx.channels.sent.map((m) => m.localDate)).toEqual(["2026-11-28"]);
  });

  it("skips today only", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    expect(ctx.store.deliveries.skip("g1", "2026-11-27")).toBe(true);
    await run(ctx, "2026-11-27T00:00:00Z", "2026-11-29T00:00:00Z", 15 * MINUTE);
    expect(ctx.channels.sent.map((m) => m.localDate)).toEqual(["2026-11-28"]);
  });

  it("follows POTD_CRON in POTD_TIMEZONE for the only guild until the server has its own settings", async () => {
    const env = { channelId: "env-channel", cron: "0 9 * * 1-5", timeZone: "Europe/Paris" };
    const ctx = setup({ env });
    // 2026-11-27 is a Friday: the weekend is skipped.
    await run(ctx, "2026-11-27T00:00:00Z", "2026-12-01T00:00:00Z", 15 * MINUTE);
    expect(ctx.channels.sent.map((m) => [m.channelId, m.at.toISOString()])).toEqual([
      ["env-channel", "2026-11-27T08:00:00.000Z"],
      ["env-channel", "2026-11-30T08:00:00.000Z"],
    ]);
    ctx.store.settings.update("g1", { channelId: "own", time: "18:00" }, new Date(0), defaults);
    await run(ctx, "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", 15 * MINUTE);
    expect(ctx.channels.sent.at(-1)).toMatchObject({
      channelId: "own",
      at: new Date("2026-12-01T18:00:00Z"),
    });
    ctx.store.settings.switchOff("g1", new Date(0), defaults);
    await run(ctx, "2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z", 15 * MINUTE);
    expect(ctx.channels.sent).toHaveLength(3);
  });

  it("applies the env schedule only to its guild when the shard holds several", async () => {
    const env = { channelId: "env-channel", cron: "0 9 * * *", timeZone: "UTC" };
    const ctx = setup({ env, guilds: ["g1", "g2"] });
    await run(ctx, "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z", 15 * MINUTE);
    expect(ctx.channels.attempts).toBe(0);
    const named = setup({ env: { ...env, guildId: "g2" }, guilds: ["g1", "g2"] });
    await run(named, "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z", 15 * MINUTE);
    expect(named.channels.sent).toHaveLength(1);
    expect(await named.scheduler.scheduleFor("g1")).toBeUndefined();
  });

  it("posts nothing and claims nothing when the collection is empty", async () => {
    const ctx = setup({ collection: () => ({ posts: [] }) });
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    const ticks = await ctx.scheduler.tick(new Date("2026-11-27T10:00:00Z"));
    expect(ticks.map((t) => t.outcome)).toEqual([
      { kind: "nothing", localDate: "2026-11-27", reason: "empty" },
    ]);
    expect(ctx.store.deliveries.get("g1", "2026-11-27")).toBeUndefined();
  });
});

describe("status and the cron job", () => {
  it("reports the schedule, today's delivery, the next run and the deck", async () => {
    const ctx = setup();
    ctx.store.settings.update("g1", { channelId: "c", timeZone: "Europe/Paris" }, new Date(0), defaults);
    const before = await ctx.scheduler.status("g1", new Date("2026-11-27T07:00:00Z"));
    expect(before).toMatchObject({
      localDate: "2026-11-27",
      nextRun: new Date("2026-11-27T08:00:00Z"),
      today: undefined,
      remainingInCycle: 5,
      lastError: null,
    });
    await run(ctx, "2026-11-27T08:00:00Z", "2026-11-27T08:01:00Z");
    const after = await ctx.scheduler.status("g1", new Date("2026-11-27T09:00:00Z"));
    expect(after).toMatchObject({
      nextRun: new Date("2026-11-28T08:00:00Z"),
      today: { status: "sent" },
      remainingInCycle: 4,
    });
    expect(after.schedule).toMatchObject({ channelId: "c", at: { time: "09:00" }, source: "settings" });
  });

  it("runs one every-minute job that ticks with the injected clock, and stops it", async () => {
    const jobs: { expression: string; fn: () => unknown; stopped: boolean }[] = [];
    const cron: CronLike = {
      schedule: (expression, fn) => {
        const job = { expression, fn, stopped: false };
        jobs.push(job);
        return {
          stop: () => {
            job.stopped = true;
          },
        };
      },
    };
    const ctx = setup({ cron });
    ctx.store.settings.update("g1", { channelId: "c" }, new Date(0), defaults);
    ctx.channels.clock = new Date("2026-11-27T08:00:00Z");
    await ctx.scheduler.start();
    expect(jobs.map((j) => j.expression)).toEqual(["* * * * *"]);
    ctx.channels.clock = new Date("2026-11-27T09:00:00Z");
    await jobs[0]!.fn();
    expect(ctx.channels.sent).toHaveLength(1);
    await ctx.scheduler.stop();
    expect(jobs[0]!.stopped).toBe(true);
  });
});

describe("/schedule operations", () => {
  it("validates and canonicalises settings, inheriting the env schedule on a server's first row", async () => {
    const env = { channelId: "env-channel", cron: "30 7 * * *", timeZone: "Europe/Paris" };
    const ctx = setup({ env });
    const first = await ctx.scheduler.configure("g1", { roleId: "r1" }, new Date("2026-11-27T00:00:00Z"));
    expect(first).toMatchObject({
      channelId: "env-channel",
      time: "07:30",
      timeZone: "Europe/Paris",
      roleId: "r1",
    });
    expect(await ctx.scheduler.configure("g1", { timeZone: "america/new_york" })).toMatchObject({
      timeZone: "America/New_York",
    });
    await expect(ctx.scheduler.configure("g1", { timeZone: "Mars/Base" })).rejects.toThrow(RangeError);
    await expect(ctx.scheduler.configure("g1", { time: "25:00" })).rejects.toThrow(RangeError);
    expect(await ctx.scheduler.switchOff("g1")).toMatchObject({ channelId: null, roleId: "r1" });
    expect(await ctx.scheduler.scheduleFor("g1")).toBeUndefined();
  });

  it("skips today in the server's zone", async () => {
    const ctx = setup();
    await ctx.scheduler.configure("g1", { channelId: "c", timeZone: "Pacific/Auckland" });
    // 20:00 UTC on the 27th is already the 28th in Auckland.
    expect(await ctx.scheduler.skipToday("g1", new Date("2026-11-27T20:00:00Z"))).toEqual({
      localDate: "2026-11-28",
      skipped: true,
    });
    await run(ctx, "2026-11-27T20:00:00Z", "2026-11-28T21:00:00Z", 15 * MINUTE);
    expect(ctx.channels.sent.map((m) => m.localDate)).toEqual(["2026-11-29"]);
    expect(await ctx.scheduler.skipToday("g1", new Date("2026-11-28T21:00:00Z"))).toEqual({
      localDate: "2026-11-29",
      skipped: false,
    });
  });
});

describe("fixing a failed day", () => {
  it("retries today's permanently failed post at once when /schedule sets a channel, without a repeat tomorrow", async () => {
    const ctx = setup();
    await ctx.scheduler.configure("g1", { channelId: "no-access" }, new Date(0));
    ctx.channels.failWith.push({ status: 403, code: 50001 });
    await run(ctx, "2026-11-27T09:00:00Z", "2026-11-27T10:00:00Z");
    const failed = ctx.store.deliveries.get("g1", "2026-11-27")!;
    expect(failed.status).toBe("failed");
    await ctx.scheduler.configure("g1", { channelId: "fixed" }, new Date("2026-11-27T10:00:00Z"));
    await run(ctx, "2026-11-27T10:00:00Z", "2026-11-28T10:00:00Z");
    expect(ctx.channels.sent.map((m) => [m.channelId, m.localDate, m.at.toISOString()])).toEqual([
      ["fixed", "2026-11-27", "2026-11-27T10:00:00.000Z"],
      ["fixed", "2026-11-28", "2026-11-28T09:00:00.000Z"],
    ]);
    expect(ctx.channels.sent[0]?.postId).toBe(failed.postId);
    expect(ctx.channels.sent[1]?.postId).not.toBe(failed.postId);
  });
});

describe("many servers due at once", () => {
  it("works on a bounded number at a time and claims each only when its turn comes", async () => {
    const guilds = Array.from({ length: 20 }, (_, i) => `g${i}`);
    let sending = 0;
    let most = 0;
    /** Rows in the delivery log each time a send starts. */
    const claimedBeforeTurn: number[] = [];
    const ctx = setup({
      guilds,
      concurrency: 3,
      send: async (_channelId, _post, schedule) => {
        sending++;
        most = Math.max(most, sending);
        const claimed = ctx.store.db.prepare("SELECT count(*) AS n FROM deliveries").get() as { n: number };
        claimedBeforeTurn.push(claimed.n);
        await new Promise((resolve) => setTimeout(resolve, 5));
        sending--;
        return { messageId: `m-${schedule.guildId}` };
      },
    });
    const at = new Date("2026-05-01T09:00:00Z");
    for (const g of guilds) ctx.store.settings.update(g, { channelId: `c-${g}` }, at, defaults);
    const ticks = await ctx.scheduler.tick(at);
    expect(ticks.map((t) => t.outcome.kind)).toEqual(guilds.map(() => "sent"));
    expect(most).toBe(3);
    // When the first send starts, only the servers being worked on hold a claim, not all twenty.
    expect(claimedBeforeTurn[0]).toBeLessThanOrEqual(3);
  });
});
