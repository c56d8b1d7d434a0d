import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { choosePostOfTheDay } from "../src/library/potd.js";
import { migrations } from "../src/store/migrations.js";
import { BUSY_WAIT_MS, SchemaTooNewError } from "../src/store/open.js";
import { openStore, type Store } from "../src/store/store.js";

const posts: Post[] = ["a", "b", "c"].map((id) => ({ id, text: id, topics: [], links: [], mentions: [] }));
const choose = (date: string) => (h: Parameters<typeof choosePostOfTheDay>[2]) =>
  choosePostOfTheDay({ posts }, date, h);
const now = new Date("2026-11-27T09:00:00Z");
const defaults = { time: "09:00", timeZone: "UTC" };

let dir: string;
let file: string;
const opened: Store[] = [];
function open(): Store {
  const store = openStore(file);
  opened.push(store);
  return store;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "curator-store-"));
  file = join(dir, "nested", "curator.db");
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("openStore", () => {
  it("creates the file, runs the migrations and uses WAL", () => {
    const store = open();
    expect(store.db.pragma("user_version", { simple: true })).toBe(migrations.length);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("busy_timeout", { simple: true })).toBe(BUSY_WAIT_MS);
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("reopens an up-to-date database without migrating again", () => {
    open().settings.update("g", { channelId: "c" }, now, defaults);
    opened.shift()!.close();
    expect(open().settings.get("g")?.channelId).toBe("c");
  });

  it("refuses a database written by a newer version", () => {
    open();
    opened.shift()!.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(SchemaTooNewError);
    expect(() => openStore(file)).toThrow(/newer Curator/);
  });
});

describe("settings", () => {
  it("creates a row from defaults, patches it, and switches off without deleting", () => {
    const { settings } = open();
    expect(settings.get("g")).toBeUndefined();
    const created = settings.update("g", { channelId: "c1" }, now, defaults);
    expect(created).toMatchObject({
      guildId: "g",
      channelId: "c1",
      time: "09:00",
      timeZone: "UTC",
      paused: false,
    });
    const later = new Date("2026-11-28T00:00:00Z");
    const patched = settings.update(
      "g",
      { time: "18:30", timeZone: "Europe/Paris", paused: true },
      later,
      defaults,
    );
    expect(patched).toMatchObject({ channelId: "c1", time: "18:30", timeZone: "Europe/Paris", paused: true });
    expect(patched.createdAt).toBe(now.toISOString());
    expect(patched.updatedAt).toBe(later.toISOString());
    expect(settings.switchOff("g", later, defaults).channelId).toBeNull();
    expect(settings.all()).toHaveLength(1);
  });

  it("rejects a time that is not HH:MM", () => {
    const { settings } = open();
    expect(() => settings.update("g", { time: "24:00" }, now, defaults)).toThrow(/HH:MM/);
    expect(() => settings.update("g", { time: "9:00" }, now, defaults)).toThrow(/HH:MM/);
    expect(settings.get("g")).toBeUndefined();
  });

  it("records and clears the last error", () => {
    const { settings } = open();
    settings.update("g", { channelId: "c" }, now, defaults);
    settings.recordError("g", "Missing Access", now);
    expect(settings.get("g")).toMatchObject({ lastError: "Missing Access", lastErrorAt: now.toISOString() });
    settings.recordError("g", null, now);
    expect(settings.get("g")).toMatchObject({ lastError: null, lastErrorAt: null });
  });
});

describe("deliveries", () => {
  const day = { guildId: "g", localDate: "2026-11-27", channelId: "c", now, leaseMs: 60_000 };
  const own = (id: string) => ({ id, host: "h", pid: 1 });

  it("claims once per guild and day, advancing the deck in the same transaction", () => {
    const store = open();
    const first = store.deliveries.claim({ ...day, owner: own("p1"), choose: choose(day.localDate) });
    expect(first.claimed).toBe(true);
    const postId = first.claimed ? first.delivery.postId : undefined;
    expect(store.decks.get("g").shown).toEqual([postId]);
    const second = store.deliveries.claim({ ...day, owner: own("p2"), choose: choose(day.localDate) });
    expect(second).toMatchObject({ claimed: false, reason: "exists", delivery: { claimOwner: "p1" } });
    expect(store.decks.get("g").shown).toEqual([postId]);
  });

  it("lets only one of two connections to the same file claim", () => {
    const [a, b] = [open(), open()];
    const results = [a, b].map((s, i) =>
      s.deliveries.claim({ ...day, owner: own(`p${i}`), choose: choose(day.localDate) }),
    );
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    expect(b.decks.get("g").shown).toHaveLength(1);
  });

  it("reports an empty collection without claiming", () => {
    const store = open();
    expect(store.deliveries.claim({ ...day, owner: own("p"), choose: () => undefined })).toEqual({
      claimed: false,
      reason: "empty",
    });
    expect(store.deliveries.get("g", day.localDate)).toBeUndefined();
  });

  it("marks sent with the message id", () => {
    const store = open();
    store.deliveries.claim({ ...day, owner: own("p"), choose: choose(day.localDate) });
    expect(store.deliveries.markSent({ ...day, messageId: "m1" })).toBe(true);
    expect(store.deliveries.get("g", day.localDate)).toMatchObject({ status: "sent", messageId: "m1" });
  });

  it("re-uses a retryable failure's claim only once its retry time has come", () => {
    const store = open();
    store.deliveries.claim({ ...day, owner: own("p"), choose: choose(day.localDate) });
    const retryAt = new Date(now.getTime() + 60_000);
    expect(store.deliveries.markFailed({ ...day, owner: own("p"), error: "503", retryAt })).toBe(true);
    expect(store.deliveries.get("g", day.localDate)).toMatchObject({ status: "failed", error: "503" });
    expect(store.deliveries.retakeFailed({ ...day, owner: own("p") })).toBe(false);
    expect(store.deliveries.retakeFailed({ ...day, owner: own("p"), now: retryAt })).toBe(true);
    expect(store.deliveries.retakeFailed({ ...day, owner: own("q"), now: retryAt })).toBe(false);
    expect(store.deliveries.get("g", day.localDate)).toMatchObject({ status: "claimed", attempts: 2 });
  });

  it("puts the post back in the deck on a permanent failure", () => {
    const store = open();
    store.deliveries.claim({ ...day, owner: own("p"), choose: choose(day.localDate) });
    store.deliveries.markFailed({ ...day, owner: own("p"), error: "Missing Access", retryAt: null });
    expect(store.decks.get("g").shown).toEqual([]);
    expect(
      store.deliveries.retakeFailed({ ...day, owner: own("p"), now: new Date("2026-11-27T23:59:00Z") }),
    ).toBe(false);
  });

  it("lets one of two repairers take over a stale claim", () => {
    const [a, b] = [open(), open()];
    a.deliveries.claim({ ...day, owner: own("dead"), choose: choose(day.localDate) });
    const stale = a.deliveries.get("g", day.localDate)!;
    const later = new Date(now.getTime() + 600_000);
    expect(a.deliveries.retakeStale({ delivery: stale, owner: own("a"), now: later, leaseMs: 60_000 })).toBe(
      true,
    );
    expect(b.deliveries.retakeStale({ delivery: stale, owner: own("b"), now: later, leaseMs: 60_000 })).toBe(
      false,
    );
    expect(b.deliveries.get("g", day.localDate)).toMatchObject({ claimOwner: "a", attempts: 2 });
  });

  it("keeps the first claim time across retakes, and ends a lease only for its owner", () => {
    const store = open();
    store.deliveries.claim({ ...day, owner: own("p"), choose: choose(day.localDate) });
    const claimed = store.deliveries.get("g", day.localDate)!;
    expect(claimed).toMatchObject({ claimHost: "h", claimPid: 1, firstClaimedAt: now.toISOString() });
    expect(claimed.leaseUntil).toBe(new Date(now.getTime() + 60_000).toISOString());
    const later = new Date(now.getTime() + 600_000);
    expect(store.deliveries.endLease({ ...day, owner: own("q"), now: later })).toBe(false);
    expect(store.deliveries.endLease({ ...day, owner: own("p"), now: later })).toBe(true);
    store.deliveries.retakeStale({
      delivery: store.deliveries.get("g", day.localDate)!,
      owner: own("q"),
      now: later,
      leaseMs: 1,
    });
    expect(store.deliveries.get("g", day.localDate)).toMatchObject({
      claimOwner: "q",
      claimedAt: later.toISOString(),
      firstClaimedAt: now.toISOString(),
    });
  });

  it("records a server's last error without a settings row (a server set up by the environment)", () => {
    const store = open();
    store.settings.recordError("env-only", "403 50013: Missing Permissions", now);
    expect(store.settings.get("env-only")).toBeUndefined();
    expect(store.settings.lastError("env-only")).toEqual({
      message: "403 50013: Missing Permissions",
      at: now.toISOString(),
    });
    store.settings.recordError("env-only", null, now);
    expect(store.settings.lastError("env-only")).toBeNull();
  });

  it("skips a day not yet sent, but never one already sent or in flight", () => {
    const store = open();
    expect(store.deliveries.skip("g", "2026-11-28")).toBe(true);
    expect(
      store.deliveries.claim({
        ...day,
        localDate: "2026-11-28",
        owner: own("p"),
        choose: choose("2026-11-28"),
      }).claimed,
    ).toBe(false);
    store.deliveries.claim({ ...day, owner: own("p"), choose: choose(day.localDate) });
    expect(store.deliveries.skip("g", day.localDate)).toBe(false);
    store.deliveries.markFailed({ ...day, owner: own("p"), error: "503", retryAt: now });
    expect(store.deliveries.skip("g", day.localDate)).toBe(true);
    expect(store.deliveries.recent("g").map((d) => d.status)).toEqual(["skipped", "skipped"]);
  });
});
