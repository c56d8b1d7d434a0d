import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { chooseSourcedPost } from "../src/library/post-source.js";
import { choosePostOfTheDay } from "../src/library/potd.js";
import { migrations } from "../src/store/migrations.js";
import { type PostStore, settledKey } from "../src/store/post-store.js";
import { postgresMigrations } from "../src/store/postgres-migrations.js";
import { openPostgresStore, PostgresSchemaTooNewError } from "../src/store/postgres-store.js";
import { openSqlitePostStore } from "../src/store/sqlite-store.js";
import { freshPostgresUrl } from "./postgres-schema.js";

const posts: Post[] = ["a", "b", "c"].map((id) => ({ id, text: id, topics: [], links: [], mentions: [] }));
const now = new Date("2026-11-27T09:00:00.000Z");
const later = new Date("2026-11-27T09:10:00.000Z");
const defaults = { time: "09:00", timeZone: "UTC" };
const own = (id: string) => ({ id, host: "h", pid: 1 });
const day = { guildId: "g", localDate: "2026-11-27", channelId: "c", now, leaseMs: 60_000 };
const choose = (history: Parameters<typeof choosePostOfTheDay>[2]) =>
  choosePostOfTheDay({ posts }, day.localDate, history);

/** A fresh, empty database of each kind for every test: a temp file, or a schema of its own on the server. */
type Backend = {
  name: string;
  open(): Promise<{ url: string; stores: () => Promise<PostStore> }>;
  /** A database with no schema yet. */
  openEmpty(): Promise<{ url: string }>;
  /** Brings a database to schema version `version` with that version's migrations, then runs `statements`. */
  runOld(url: string, version: number, statements: string[]): Promise<void>;
  reopen(url: string): Promise<PostStore>;
};

const backends: Backend[] = [
  {
    name: "SQLite",
    async open() {
      const file = join(mkdtempSync(join(tmpdir(), "curator-contract-")), "curator.db");
      return { url: file, stores: async () => openSqlitePostStore(file) };
    },
    async openEmpty() {
      return { url: join(mkdtempSync(join(tmpdir(), "curator-contract-")), "curator.db") };
    },
    async runOld(url, version, statements) {
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(url);
      for (const step of migrations.slice(0, version)) step(db);
      db.pragma(`user_version = ${version}`);
      for (const sql of statements) db.exec(sql);
      db.close();
    },
    reopen: async (url) => openSqlitePostStore(url),
  },
  {
    name: "PostgreSQL",
    async open() {
      const url = await freshPostgresUrl("t");
      return { url, stores: () => openPostgresStore(url, { max: 4 }) };
    },
    async openEmpty() {
      return { url: await freshPostgresUrl("t") };
    },
    async runOld(url, version, statements) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const step of postgresMigrations.slice(0, version)) await client.query(step);
      await client.query("CREATE TABLE curator_schema (version INTEGER NOT NULL)");
      await client.query("INSERT INTO curator_schema (version) VALUES ($1)", [version]);
      for (const sql of statements) await client.query(sql);
      await client.end();
    },
    reopen: (url) => openPostgresStore(url, { max: 4 }),
  },
];

const opened: PostStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe.each(backends)("$name store", (backend) => {
  async function fresh(): Promise<{ store: PostStore; another: () => Promise<PostStore>; url: string }> {
    const { url, stores } = await backend.open();
    const store = await stores();
    opened.push(store);
    return {
      store,
      url,
      another: async () => {
        const s = await stores();
        opened.push(s);
        return s;
      },
    };
  }

  it("keeps a server's settings, filling a new row from the defaults, and refuses a bad time", async () => {
    const { store } = await fresh();
    expect(await store.settings.get("g")).toBeUndefined();
    const saved = await store.settings.update("g", { channelId: "c" }, now, defaults);
    expect(saved).toMatchObject({
      channelId: "c",
      time: "09:00",
      timeZone: "UTC",
      paused: false,
      roleId: null,
    });
    await store.settings.update("g", { paused: true, roleId: "r" }, later, defaults);
    expect(await store.settings.get("g")).toMatchObject({
      paused: true,
      roleId: "r",
      updatedAt: later.toISOString(),
    });
    await expect(store.settings.update("g", { time: "25:00" }, now, defaults)).rejects.toThrow(/HH:MM/);
    expect((await store.settings.switchOff("g", now, defaults)).channelId).toBeNull();
    expect((await store.settings.all()).map((s) => s.guildId)).toEqual(["g"]);
  });

  it("records a last error with or without a settings row", async () => {
    const { store } = await fresh();
    await store.settings.recordError("env-only", "403 50013: Missing Permissions", now);
    expect(await store.settings.lastError("env-only")).toEqual({
      message: "403 50013: Missing Permissions",
      at: now.toISOString(),
    });
    await store.settings.update("env-only", { channelId: "c" }, now, defaults);
    expect((await store.settings.get("env-only"))?.lastError).toBe("403 50013: Missing Permissions");
    await store.settings.recordError("env-only", null, now);
    expect(await store.settings.lastError("env-only")).toBeNull();
  });

  it("claims once per server and day, advancing the deck in the same transaction", async () => {
    const { store } = await fresh();
    const first = await store.deliveries.claim({ ...day, owner: own("p1"), choose });
    expect(first.claimed).toBe(true);
    const postId = first.claimed ? first.delivery.postId : undefined;
    expect((await store.decks.get("g")).shown).toEqual([postId]);
    expect(await store.deliveries.claim({ ...day, owner: own("p2"), choose })).toMatchObject({
      claimed: false,
      reason: "exists",
      delivery: { claimOwner: "p1", claimHost: "h", claimPid: 1, firstClaimedAt: now.toISOString() },
    });
    expect(
      await store.deliveries.claim({
        ...day,
        localDate: "2026-11-28",
        owner: own("p"),
        choose: () => undefined,
      }),
    ).toEqual({
      claimed: false,
      reason: "empty",
    });
  });

  it("lets exactly one of several connections claim at the same moment", async () => {
    const { another } = await fresh();
    const stores = await Promise.all([another(), another(), another(), another()]);
    const results = await Promise.all(
      stores.map((s, i) => s.deliveries.claim({ ...day, owner: own(`p${i}`), choose })),
    );
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    expect((await stores[0]!.decks.get("g")).shown).toHaveLength(1);
  });

  it("retakes a retryable failure only once its time has come, and marks sent", async () => {
    const { store } = await fresh();
    await store.deliveries.claim({ ...day, owner: own("p"), choose });
    const retryAt = new Date(now.getTime() + 60_000);
    expect(await store.deliveries.markFailed({ ...day, owner: own("q"), error: "503", retryAt })).toBe(false);
    expect(await store.deliveries.markFailed({ ...day, owner: own("p"), error: "503", retryAt })).toBe(true);
    expect(await store.deliveries.retakeFailed({ ...day, owner: own("p") })).toBe(false);
    expect(await store.deliveries.retakeFailed({ ...day, owner: own("p"), now: retryAt })).toBe(true);
    expect(await store.deliveries.retakeFailed({ ...day, owner: own("q"), now: retryAt })).toBe(false);
    expect(await store.deliveries.get("g", day.localDate)).toMatchObject({
      status: "claimed",
      attempts: 2,
      firstClaimedAt: now.toISOString(),
      claimedAt: retryAt.toISOString(),
    });
    expect(await store.deliveries.markSent({ ...day, messageId: "m1", now: later })).toBe(true);
    expect(await store.deliveries.get("g", day.localDate)).toMatchObject({
      status: "sent",
      messageId: "m1",
      error: null,
    });
    expect((await store.deliveries.recent("g")).map((d) => d.status)).toEqual(["sent"]);
  });

  it("gives the post back to the deck on a permanent failure, and takes it again on a retry", async () => {
    const { store } = await fresh();
    const claim = await store.deliveries.claim({ ...day, owner: own("p"), choose });
    const postId = claim.claimed ? claim.delivery.postId : "";
    await store.deliveries.markFailed({ ...day, owner: own("p"), error: "Missing Access", retryAt: null });
    expect((await store.decks.get("g")).shown).toEqual([]);
    expect(await store.deliveries.retrySoon("g", day.localDate, later)).toBe(true);
    expect(await store.deliveries.retakeFailed({ ...day, owner: own("p"), now: later })).toBe(true);
    expect((await store.decks.get("g")).shown).toEqual([postId]);
  });

  it("lets one of two repairers take over a claim, and ends a lease only for its owner", async () => {
    const { store, another } = await fresh();
    const other = await another();
    await store.deliveries.claim({ ...day, owner: own("dead"), choose });
    const stale = (await store.deliveries.get("g", day.localDate))!;
    const won = await Promise.all([
      store.deliveries.retakeStale({ delivery: stale, owner: own("a"), now: later, leaseMs: 60_000 }),
      other.deliveries.retakeStale({ delivery: stale, owner: own("b"), now: later, leaseMs: 60_000 }),
    ]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = won[0] ? "a" : "b";
    const taken = (await store.deliveries.get("g", day.localDate))!;
    expect(taken).toMatchObject({ claimOwner: winner, attempts: 2, firstClaimedAt: now.toISOString() });
    expect(taken.leaseUntil).toBe(new Date(later.getTime() + 60_000).toISOString());
    expect(await store.deliveries.endLease({ ...day, owner: own("dead"), now: later })).toBe(false);
    expect(await store.deliveries.endLease({ ...day, owner: own(winner), now: later })).toBe(true);
    expect((await store.deliveries.get("g", day.localDate))?.leaseUntil).toBe(later.toISOString());
  });

  it("skips a day not yet sent, but never one already sent or in flight", async () => {
    const { store } = await fresh();
    expect(await store.deliveries.skip("g", "2026-11-28")).toBe(true);
    expect(
      (await store.deliveries.claim({ ...day, localDate: "2026-11-28", owner: own("p"), choose })).claimed,
    ).toBe(false);
    await store.deliveries.claim({ ...day, owner: own("p"), choose });
    expect(await store.deliveries.skip("g", day.localDate)).toBe(false);
    await store.deliveries.markFailed({ ...day, owner: own("p"), error: "503", retryAt: now });
    expect(await store.deliveries.skip("g", day.localDate)).toBe(true);
  });

  it("tells which of many schedules' days are settled in one call: sent or skipped, not claimed or failed", async () => {
    const { store } = await fresh();
    const on = (guildId: string, localDate = day.localDate) => ({
      ...day,
      guildId,
      schedule: "daily",
      localDate,
    });
    await store.deliveries.claim({ ...on("sent"), owner: own("p"), choose });
    await store.deliveries.markSent({ ...on("sent"), messageId: "m1", now: later });
    await store.deliveries.skip("skipped", day.localDate);
    await store.deliveries.claim({ ...on("claimed"), owner: own("p"), choose });
    await store.deliveries.claim({ ...on("failed"), owner: own("p"), choose });
    await store.deliveries.markFailed({ ...on("failed"), owner: own("p"), error: "503", retryAt: later });
    const many = Array.from({ length: 40_000 }, (_, i) => on(`other-${i}`));
    const asked = [
      on("sent"),
      on("skipped"),
      on("claimed"),
      on("failed"),
      on("none"),
      on("sent", "2026-11-28"),
      { ...on("sent"), schedule: "news" },
      ...many,
    ];
    expect([...(await store.deliveries.settled(asked))].sort()).toEqual(
      [settledKey("sent", "daily", day.localDate), settledKey("skipped", "daily", day.localDate)].sort(),
    );
    expect(await store.deliveries.settled([])).toEqual(new Set());
  });

  it("keeps each person's saved posts, newest first, once each, up to the cap, and deletes them on request", async () => {
    const { store } = await fresh();
    expect(await store.saved.list("u1")).toEqual([]);
    expect(await store.saved.add("u1", "a", now, 3)).toEqual({ status: "saved", count: 1 });
    expect(await store.saved.add("u1", "b", later, 3)).toEqual({ status: "saved", count: 2 });
    expect(await store.saved.add("u1", "a", later, 3)).toEqual({ status: "already", count: 2 });
    expect(await store.saved.add("u2", "a", now, 3)).toEqual({ status: "saved", count: 1 });
    expect(await store.saved.list("u1")).toEqual([
      { postId: "b", savedAt: later.toISOString() },
      { postId: "a", savedAt: now.toISOString() },
    ]);
    expect(await store.saved.add("u1", "c", later, 3)).toEqual({ status: "saved", count: 3 });
    expect(await store.saved.add("u1", "d", later, 3)).toEqual({ status: "full", count: 3 });
    expect((await store.saved.list("u1")).map((s) => s.postId)).toEqual(["b", "c", "a"]);
    expect(await store.saved.remove("u1", "c")).toBe(true);
    expect(await store.saved.remove("u1", "c")).toBe(false);
    expect(await store.saved.add("u1", "d", later, 3)).toEqual({ status: "saved", count: 3 });
    expect(await store.saved.clear("u1")).toBe(3);
    expect(await store.saved.list("u1")).toEqual([]);
    // Another person's saved posts are untouched.
    expect(await store.saved.list("u2")).toEqual([{ postId: "a", savedAt: now.toISOString() }]);
  });

  it("never lets one person pass the cap, even with saves from several connections at once", async () => {
    const { store, another } = await fresh();
    const stores = [store, await another(), await another()];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => stores[i % stores.length]!.saved.add("u", `p${i}`, now, 5)),
    );
    expect(results.filter((r) => r.status === "saved")).toHaveLength(5);
    expect(results.filter((r) => r.status === "full")).toHaveLength(7);
    expect(await store.saved.list("u")).toHaveLength(5);
  });

  it("keeps several schedules per server, each with its own fields, deck, deliveries and last error", async () => {
    const { store } = await fresh();
    await store.settings.update("g", { channelId: "c1" }, now, defaults);
    const news = await store.settings.update(
      "g",
      {
        channelId: "c2",
        time: "18:30",
        days: "mon,wed,fri",
        topic: "cats",
        roleId: "r",
        channelKind: "announcement",
        crosspost: true,
        template: "{date}: {title}",
      },
      now,
      defaults,
      "news",
    );
    expect(news).toMatchObject({
      guildId: "g",
      name: "news",
      channelId: "c2",
      time: "18:30",
      days: "mon,wed,fri",
      topic: "cats",
      channelKind: "announcement",
      crosspost: true,
      template: "{date}: {title}",
    });
    expect((await store.settings.get("g"))?.channelKind).toBe("text");
    expect((await store.settings.list("g")).map((s) => s.name)).toEqual(["daily", "news"]);
    expect((await store.settings.all()).map((s) => `${s.guildId}/${s.name}`)).toEqual(["g/daily", "g/news"]);

    // The same server and day, two schedules: two claims, two decks.
    const daily = await store.deliveries.claim({ ...day, owner: own("p"), choose });
    const other = await store.deliveries.claim({ ...day, schedule: "news", owner: own("p"), choose });
    expect([daily.claimed, other.claimed]).toEqual([true, true]);
    expect(await store.deliveries.claim({ ...day, schedule: "news", owner: own("q"), choose })).toMatchObject(
      {
        claimed: false,
        reason: "exists",
        delivery: { schedule: "news", claimOwner: "p" },
      },
    );
    expect((await store.decks.get("g", "news")).seed).toBe("g/news");
    expect((await store.decks.get("g")).seed).toBe("g");
    expect((await store.decks.get("g", "news")).shown).toHaveLength(1);
    expect(await store.deliveries.markSent({ ...day, schedule: "news", messageId: "m2", now })).toBe(true);
    expect((await store.deliveries.get("g", day.localDate))?.status).toBe("claimed");
    expect((await store.deliveries.recent("g", 7, "news")).map((d) => d.messageId)).toEqual(["m2"]);
    expect(await store.deliveries.skip("g", "2026-11-28", "news")).toBe(true);
    expect(await store.deliveries.get("g", "2026-11-28")).toBeUndefined();

    await store.settings.recordError("g", "Missing Access", now, "news");
    expect(await store.settings.lastError("g")).toBeNull();
    expect((await store.settings.get("g", "news"))?.lastError).toBe("Missing Access");

    expect(await store.settings.remove("g", "news")).toBe(true);
    expect(await store.settings.remove("g", "news")).toBe(false);
    expect((await store.settings.list("g")).map((s) => s.name)).toEqual(["daily"]);
    expect(await store.settings.lastError("g", "news")).toBeNull();
    expect((await store.decks.get("g", "news")).shown).toEqual([]);
    // The log stays: a schedule added again under that name does not post that day twice.
    expect((await store.deliveries.get("g", day.localDate, "news"))?.status).toBe("sent");
  });

  it("upgrades a database made by the previous version: the server's schedule, deck and log become `daily`", async () => {
    const { url } = await backend.openEmpty();
    const old = 2;
    const sent = "2026-11-26";
    const stmts = [
      `INSERT INTO guild_settings (guild_id, channel_id, time, timezone, role_id, paused, created_at, updated_at)
       VALUES ('g', 'c', '08:15', 'Europe/Paris', 'r', ${backend.name === "SQLite" ? 0 : "false"}, 'x', 'x')`,
      `INSERT INTO decks (guild_id, seed, cycle, shown) VALUES ('g', 'g', 0, '["a"]')`,
      `INSERT INTO deliveries (guild_id, local_date, post_id, status, claimed_at, first_claimed_at, sent_at,
         message_id, channel_id, attempts) VALUES ('g', '${sent}', 'a', 'sent', 't', 't', 't', 'm1', 'c', 1)`,
      `INSERT INTO deliveries (guild_id, local_date, post_id, status, claimed_at, first_claimed_at, claim_owner,
         claim_host, claim_pid, lease_until, channel_id, attempts)
       VALUES ('g', '${day.localDate}', 'b', 'claimed', 't', 't', 'dead', 'h', 9, 't', 'c', 1)`,
      `INSERT INTO guild_status (guild_id, last_error, last_error_at) VALUES ('g', '503', 't')`,
    ];
    await backend.runOld(url, old, stmts);
    const store = await backend.reopen(url);
    opened.push(store);
    expect(await store.settings.get("g")).toMatchObject({
      name: "daily",
      channelId: "c",
      time: "08:15",
      timeZone: "Europe/Paris",
      roleId: "r",
      days: null,
      topic: null,
      channelKind: "text",
      lastError: "503",
    });
    expect(await store.decks.get("g")).toEqual({ seed: "g", cycle: 0, shown: ["a"] });
    // The day already sent is not sent again; the day in flight stays one claim (repaired, not re-claimed).
    expect(await store.deliveries.claim({ ...day, localDate: sent, owner: own("p"), choose })).toMatchObject({
      claimed: false,
      reason: "exists",
      delivery: { schedule: "daily", status: "sent", messageId: "m1" },
    });
    expect(await store.deliveries.claim({ ...day, owner: own("p"), choose })).toMatchObject({
      claimed: false,
      delivery: { schedule: "daily", postId: "b", claimOwner: "dead" },
    });
    // No post lost: the next day's pick continues the old deck (neither a nor b shown twice).
    const next = await store.deliveries.claim({ ...day, localDate: "2026-11-28", owner: own("p"), choose });
    expect(next.claimed && next.delivery.postId).not.toBe("a");
    expect((await store.decks.get("g")).shown).toHaveLength(2);
    expect((await store.deliveries.recent("g")).map((d) => [d.localDate, d.status])).toEqual([
      ["2026-11-28", "claimed"],
      [day.localDate, "claimed"],
      [sent, "sent"],
    ]);
  });

  it("keeps each schedule's post source: a schedule from before sources takes the deck", async () => {
    const { url } = await backend.openEmpty();
    await backend.runOld(url, 4, [
      `INSERT INTO guild_settings (guild_id, schedule, channel_id, time, timezone, created_at, updated_at)
       VALUES ('g', 'daily', 'c', '08:15', 'UTC', 'x', 'x')`,
    ]);
    const store = await backend.reopen(url);
    opened.push(store);
    expect(await store.settings.get("g")).toMatchObject({
      channelId: "c",
      time: "08:15",
      postSource: "deck",
    });
    const otd = await store.settings.update("g", { postSource: "on-this-day" }, later, defaults, "otd");
    expect(otd).toMatchObject({ name: "otd", postSource: "on-this-day", channelId: null, time: "09:00" });
    // Another field changed later keeps the source; the source changed back keeps the other fields.
    await store.settings.update("g", { channelId: "c2", topic: "cats" }, later, defaults, "otd");
    expect(await store.settings.get("g", "otd")).toMatchObject({
      channelId: "c2",
      postSource: "on-this-day",
    });
    await store.settings.update("g", { postSource: "deck" }, later, defaults, "otd");
    expect(await store.settings.get("g", "otd")).toMatchObject({ topic: "cats", postSource: "deck" });
    expect((await store.settings.all()).map((r) => [r.name, r.postSource])).toEqual([
      ["daily", "deck"],
      ["otd", "deck"],
    ]);
    await expect(
      store.settings.update("g", { postSource: "yesterday" as "deck" }, later, defaults, "otd"),
    ).rejects.toThrow(/not a post source: yesterday/);
    expect((await store.settings.get("g", "otd"))?.postSource).toBe("deck");
  });

  it("claims an on-this-day post with the day, and counts it as shown in the deck", async () => {
    const { store } = await fresh();
    const dated: Post[] = [
      ...posts,
      { id: "old", text: "old", topics: [], links: [], mentions: [], createdAt: "2019-11-27T10:00:00Z" },
    ];
    const how = { postSource: "on-this-day", timeZone: "UTC" } as const;
    const claim = await store.deliveries.claim({
      ...day,
      owner: own("p"),
      choose: (history) => chooseSourcedPost({ posts: dated }, day.localDate, history, how),
    });
    expect(claim).toMatchObject({ claimed: true, delivery: { postId: "old" } });
    expect((await store.decks.get("g")).shown).toEqual(["old"]);
  });

  it("is migrated to the same numbered version, and refuses a database written by a newer Curator", async () => {
    expect(postgresMigrations).toHaveLength(migrations.length);
    const { url } = await fresh();
    if (backend.name === "SQLite") {
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(url);
      expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
      db.pragma(`user_version = ${migrations.length + 1}`);
      db.close();
      await expect(Promise.resolve().then(() => openSqlitePostStore(url))).rejects.toThrow(/newer Curator/);
    } else {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      expect((await client.query("SELECT version FROM curator_schema")).rows).toEqual([
        { version: migrations.length },
      ]);
      await client.query("UPDATE curator_schema SET version = version + 1");
      await client.end();
      await expect(openPostgresStore(url)).rejects.toBeInstanceOf(PostgresSchemaTooNewError);
    }
  });
});
