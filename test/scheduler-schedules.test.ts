import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeDays } from "../src/answers/schedule-options.js";
import type { Post } from "../src/library/post.js";
import { deliveryNonce, type FindPosted, type SendPost } from "../src/scheduler/deliver.js";
import { localDate } from "../src/scheduler/next-run.js";
import { AmbiguousScheduleError, createScheduler } from "../src/scheduler/scheduler.js";
import { parseDays } from "../src/store/schedule-fields.js";
import { sqlitePostStore } from "../src/store/sqlite-store.js";
import { openStore, type Store } from "../src/store/store.js";

const posts: Post[] = Array.from({ length: 9 }, (_, i) => ({
  id: `p${i}`,
  text: `post ${i}`,
  topics: i % 3 === 0 ? ["cats"] : [],
  links: [],
  mentions: [],
}));
const defaults = { time: "09:00", timeZone: "UTC" };
const silent = { info() {}, warn() {}, error() {} };

type Sent = {
  id: string;
  channelId: string;
  postId: string;
  schedule: string;
  localDate: string;
  nonce: string;
  at: Date;
};

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "curator-schedules-"));
  store = openStore(join(dir, "curator.db"));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(options: { env?: boolean; loseAnswers?: number } = {}) {
  const sent: Sent[] = [];
  let clock = new Date(0);
  let lose = options.loseAnswers ?? 0;
  const send: SendPost = async (channelId, post, schedule, delivery) => {
    const id = `m${sent.length + 1}`;
    sent.push({ id, channelId, postId: post.id, schedule: schedule.name, ...delivery, at: clock });
    if (lose-- > 0) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    return { messageId: id };
  };
  const findPosted: FindPosted = async (channelId, after) =>
    sent.filter((m) => m.channelId === channelId && m.at > after).map((m) => ({ id: m.id, marker: m.nonce }));
  const scheduler = createScheduler({
    store: sqlitePostStore(store),
    now: () => clock,
    listGuilds: () => ["g1"],
    collection: () => ({ posts }),
    send,
    findPosted,
    log: silent,
    owner: { id: "test", host: "h", pid: 1 },
    isAlive: () => true,
    retry: { delaysMs: [60_000, 60_000], leaseMs: 120_000 },
    ...(options.env ? { env: { channelId: "env-channel", cron: "0 9 * * *", timeZone: "UTC" } } : {}),
  });
  const run = async (from: string, to: string, stepMs = 5 * 60_000) => {
    for (let t = Date.parse(from); t < Date.parse(to); t += stepMs) {
      clock = new Date(t);
      await scheduler.tick(clock);
    }
  };
  return { sent, scheduler, run };
}

const weekday = (date: string) =>
  ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date(`${date}T00:00:00Z`).getUTCDay()];

describe("several schedules in one server", () => {
  it("posts each schedule once per local day on its own days, to its own channel", async () => {
    store.settings.update("g1", { channelId: "c-daily" }, new Date(0), defaults);
    store.settings.update(
      "g1",
      { channelId: "c-news", time: "18:00", timeZone: "Europe/Paris", days: "mon,wed,fri" },
      new Date(0),
      defaults,
      "news",
    );
    const { sent, run } = setup();
    // Monday 2026-11-30 to Sunday 2026-12-06.
    await run("2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z");
    const daily = sent.filter((m) => m.schedule === "daily");
    const news = sent.filter((m) => m.schedule === "news");
    expect(daily.map((m) => m.localDate)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(daily.every((m) => m.channelId === "c-daily")).toBe(true);
    expect(news.map((m) => [m.localDate, weekday(m.localDate)])).toEqual([
      ["2026-11-30", "mon"],
      ["2026-12-02", "wed"],
      ["2026-12-04", "fri"],
    ]);
    expect(
      news.every((m) => m.channelId === "c-news" && localDate(m.at, "Europe/Paris") === m.localDate),
    ).toBe(true);
    // 18:00 in Paris is 17:00 UTC in winter: never before it.
    expect(news.every((m) => m.at.getUTCHours() === 17)).toBe(true);
    expect(store.deliveries.recent("g1", 10, "news").map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("skips Saturday and Sunday in the schedule's own zone, not UTC's", async () => {
    // 07:00 in Auckland (UTC+13 in December) is 18:00 UTC the day before.
    store.settings.update(
      "g1",
      { channelId: "c", time: "07:00", timeZone: "Pacific/Auckland", days: "weekdays" },
      new Date(0),
      defaults,
    );
    const { sent, run } = setup();
    await run("2026-11-29T00:00:00Z", "2026-12-07T00:00:00Z");
    expect(sent.map((m) => weekday(m.localDate))).toEqual(["mon", "tue", "wed", "thu", "fri", "mon"]);
    expect(sent.map((m) => weekday(m.at.toISOString().slice(0, 10)))).toEqual([
      "sun",
      "mon",
      "tue",
      "wed",
      "thu",
      "sun",
    ]);
  });

  it("draws a topic's schedule from its own deck of that topic only, a full cycle before any repeat", async () => {
    store.settings.update("g1", { channelId: "c-all" }, new Date(0), defaults);
    store.settings.update("g1", { channelId: "c-cats", topic: "cats" }, new Date(0), defaults, "cats");
    const { sent, run } = setup();
    await run("2026-11-30T00:00:00Z", "2026-12-06T00:00:00Z", 30 * 60_000);
    const cats = sent.filter((m) => m.schedule === "cats").map((m) => m.postId);
    const all = sent.filter((m) => m.schedule === "daily").map((m) => m.postId);
    expect(cats).toHaveLength(6);
    expect(new Set(cats.slice(0, 3))).toEqual(new Set(["p0", "p3", "p6"]));
    expect(new Set(cats.slice(3))).toEqual(new Set(["p0", "p3", "p6"]));
    expect(new Set(all).size).toBe(6);
    expect(store.decks.get("g1", "cats").seed).toBe("g1/cats");
  });

  it("after a lost answer finds the schedule's own post by its nonce, and sends the other schedule's once", async () => {
    store.settings.update("g1", { channelId: "c1" }, new Date(0), defaults);
    store.settings.update("g1", { channelId: "c2" }, new Date(0), defaults, "second");
    const { sent, run } = setup({ loseAnswers: 1 });
    await run("2026-11-30T08:55:00Z", "2026-11-30T12:00:00Z", 60_000);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((m) => m.nonce)).size).toBe(2);
    expect(deliveryNonce("g1", "2026-11-30", "second")).not.toBe(deliveryNonce("g1", "2026-11-30"));
    for (const name of ["daily", "second"])
      expect(store.deliveries.get("g1", "2026-11-30", name)).toMatchObject({ status: "sent" });
  });

  it("keeps the env schedule as `daily` beside a named one, until a `daily` row replaces it", async () => {
    store.settings.update("g1", { channelId: "c-news", time: "10:00" }, new Date(0), defaults, "news");
    const { sent, run, scheduler } = setup({ env: true });
    await run("2026-11-30T08:00:00Z", "2026-11-30T12:00:00Z");
    expect(sent.map((m) => [m.schedule, m.channelId])).toEqual([
      ["daily", "env-channel"],
      ["news", "c-news"],
    ]);
    expect((await scheduler.schedulesFor("g1")).map((s) => s.name)).toEqual(["daily", "news"]);
    await scheduler.switchOff("g1", new Date(0));
    expect((await scheduler.schedulesFor("g1")).map((s) => s.name)).toEqual(["news"]);
  });

  it("resolves a command's schedule: the only one, or a clear error naming them all", async () => {
    const { scheduler } = setup();
    expect(await scheduler.resolveName("g1")).toBe("daily");
    store.settings.update("g1", { channelId: "c" }, new Date(0), defaults, "news");
    expect(await scheduler.resolveName("g1")).toBe("news");
    store.settings.update("g1", { channelId: "c2" }, new Date(0), defaults, "art");
    await expect(scheduler.resolveName("g1")).rejects.toThrow(AmbiguousScheduleError);
    await expect(scheduler.resolveName("g1")).rejects.toThrow(/2 schedules: `art`, `news`/);
    expect(await scheduler.resolveName("g1", "art")).toBe("art");
    expect((await scheduler.status("g1", new Date(0), "art")).schedule?.channelId).toBe("c2");
    expect(await scheduler.remove("g1", "art")).toBe(true);
    expect(await scheduler.resolveName("g1")).toBe("news");
  });
});

describe("days of the week", () => {
  it("reads `weekdays`, `every day` and lists of days, and names the word it does not know", () => {
    expect(parseDays("weekdays")).toBe("mon,tue,wed,thu,fri");
    expect(parseDays("Fri, mon wednesday")).toBe("mon,wed,fri");
    expect(parseDays("weekends")).toBe("sat,sun");
    expect(parseDays("every day")).toBeNull();
    expect(parseDays("weekdays,sat,sun")).toBeNull();
    expect(() => parseDays("mon,funday")).toThrow(/`funday` is not a day/);
    expect(() => parseDays("m")).toThrow(/`m` is not a day/);
    expect(describeDays("mon,tue,wed,thu,fri")).toBe("weekdays");
    expect(describeDays(null)).toBe("every day");
  });
});
