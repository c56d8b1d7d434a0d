/**
 * A schedule whose source is "on this day", through the real scheduler and a real SQLite store: that month-day's
 * post of an earlier year in the schedule's zone, the same post for the same day, no repeat while another match
 * waits, the deck on a day with none, the topic filter on both.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postsOnThisDay } from "../src/library/on-this-day.js";
import type { Post } from "../src/library/post.js";
import { chooseSourcedPost } from "../src/library/post-source.js";
import { newDeck } from "../src/library/potd.js";
import type { FindPosted, SendPost } from "../src/scheduler/deliver.js";
import { nextPost } from "../src/scheduler/preview.js";
import { createScheduler } from "../src/scheduler/scheduler.js";
import { sqlitePostStore } from "../src/store/sqlite-store.js";
import { openStore, type Store } from "../src/store/store.js";

const post = (id: string, createdAt?: string, topics: string[] = []): Post => ({
  id,
  text: `post ${id}`,
  topics,
  links: [],
  mentions: [],
  ...(createdAt ? { createdAt } : {}),
});

/** Undated deck posts, and dated ones: 23:30 UTC on 15 March is already the 16th in Paris. */
const posts: Post[] = [
  ...Array.from({ length: 6 }, (_, i) => post(`deck${i}`, undefined, i % 2 === 0 ? ["cats"] : [])),
  post("paris-16th-2024", "2024-03-15T23:30:00Z"),
  post("march-16th-2021", "2021-03-16T12:00:00Z", ["cats"]),
  post("march-17th-2020", "2020-03-17T08:00:00Z"),
  post("this-year", "2026-03-17T06:00:00Z"),
];
const defaults = { time: "09:00", timeZone: "UTC" };
const silent = { info() {}, warn() {}, error() {} };

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "curator-otd-"));
  store = openStore(join(dir, "curator.db"));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Sent = { id: string; postId: string; localDate: string; nonce: string; at: Date };

function setup(options: { loseAnswers?: number } = {}) {
  const sent: Sent[] = [];
  let clock = new Date(0);
  let lose = options.loseAnswers ?? 0;
  const send: SendPost = async (_channelId, chosen, _schedule, delivery) => {
    const id = `m${sent.length + 1}`;
    sent.push({ id, postId: chosen.id, ...delivery, at: clock });
    if (lose-- > 0) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    return { messageId: id };
  };
  const findPosted: FindPosted = async (_channelId, after) =>
    sent.filter((m) => m.at > after).map((m) => ({ id: m.id, marker: m.nonce }));
  const postStore = sqlitePostStore(store);
  const scheduler = createScheduler({
    store: postStore,
    now: () => clock,
    listGuilds: () => ["g1"],
    collection: () => ({ posts }),
    send,
    findPosted,
    log: silent,
    owner: { id: "test", host: "h", pid: 1 },
    isAlive: () => true,
    retry: { delaysMs: [60_000], leaseMs: 120_000 },
  });
  const run = async (from: string, to: string, stepMs = 10 * 60_000) => {
    for (let t = Date.parse(from); t < Date.parse(to); t += stepMs) {
      clock = new Date(t);
      await scheduler.tick(clock);
    }
  };
  const preview = async (at: string) => {
    const status = await scheduler.status("g1", new Date(at));
    return nextPost(postStore, { posts, byId: new Map(posts.map((p) => [p.id, p])) }, "g1", status);
  };
  return { sent, run, preview };
}

const onThisDay = (over: Record<string, unknown> = {}) =>
  store.settings.update(
    "g1",
    { channelId: "c", time: "08:00", timeZone: "Europe/Paris", postSource: "on-this-day", ...over },
    new Date(0),
    defaults,
  );

/** What each sent day should hold by the rule: the newest match not sent before, else a post that is no match. */
function expectRule(sent: readonly Sent[], timeZone: string) {
  const before = new Set<string>();
  for (const m of sent) {
    const matches = postsOnThisDay(posts, m.localDate, timeZone).map((h) => h.post.id);
    const fresh = matches.filter((id) => !before.has(id));
    if (fresh.length > 0) expect([m.localDate, m.postId]).toEqual([m.localDate, fresh[0]]);
    else expect([m.localDate, matches]).not.toEqual([m.localDate, expect.arrayContaining([m.postId])]);
    expect(before.has(m.postId)).toBe(false);
    before.add(m.postId);
  }
}

describe("a schedule with source on-this-day", () => {
  it("posts that month-day's post of an earlier year in its zone, and the deck on a day with none", async () => {
    onThisDay();
    const { sent, run } = setup();
    await run("2026-03-14T00:00:00Z", "2026-03-18T12:00:00Z");
    expect(sent.map((m) => m.localDate)).toEqual([
      "2026-03-14",
      "2026-03-15",
      "2026-03-16",
      "2026-03-17",
      "2026-03-18",
    ]);
    // Two matches on the 16th in Paris (the newest goes first); the post written this year on the 17th is none.
    expect(postsOnThisDay(posts, "2026-03-16", "Europe/Paris").map((h) => h.post.id)).toEqual([
      "paris-16th-2024",
      "march-16th-2021",
    ]);
    expect(sent.slice(2, 4).map((m) => m.postId)).toEqual(["paris-16th-2024", "march-17th-2020"]);
    expectRule(sent, "Europe/Paris");
    // Every pick, from either source, is in the deck's shown list: the deck does not repeat them this cycle.
    expect(store.decks.get("g1").shown).toEqual(sent.map((m) => m.postId));
  });

  it("reads the month-day in the schedule's zone: in UTC the Paris post of the 16th is the 15th's", async () => {
    onThisDay({ timeZone: "UTC" });
    const { sent, run } = setup();
    await run("2026-03-15T00:00:00Z", "2026-03-16T12:00:00Z");
    expect(sent.map((m) => [m.localDate, m.postId])).toEqual([
      ["2026-03-15", "paris-16th-2024"],
      ["2026-03-16", "march-16th-2021"],
    ]);
  });

  it("takes the other match a year later, and the deck once both were shown this cycle", async () => {
    onThisDay();
    const { sent, run } = setup();
    for (const year of [2026, 2027, 2028]) await run(`${year}-03-16T06:00:00Z`, `${year}-03-16T08:00:00Z`);
    expect(sent.map((m) => m.postId).slice(0, 2)).toEqual(["paris-16th-2024", "march-16th-2021"]);
    expect(sent[2]!.postId).not.toMatch(/16th/);
    expectRule(sent, "Europe/Paris");
  });

  it("filters by the schedule's topic, the matches and the deck alike", async () => {
    onThisDay({ topic: "cats" });
    const { sent, run } = setup();
    await run("2026-03-16T00:00:00Z", "2026-03-18T12:00:00Z");
    expect(sent.map((m) => [m.localDate, m.postId])).toEqual([
      ["2026-03-16", "march-16th-2021"],
      ["2026-03-17", expect.stringMatching(/^deck[024]$/)],
      ["2026-03-18", expect.stringMatching(/^deck[024]$/)],
    ]);
  });

  it("gives the day the post its preview showed, and keeps it through a lost answer", async () => {
    onThisDay();
    const { sent, run, preview } = setup({ loseAnswers: 1 });
    const before = await preview("2026-03-16T06:00:00Z");
    expect(before).toMatchObject({
      localDate: "2026-03-16",
      post: { id: "paris-16th-2024" },
      onThisDay: { yearsAgo: 2, localDate: "2024-03-16" },
    });
    await run("2026-03-16T07:00:00Z", "2026-03-16T08:00:00Z", 30_000);
    expect(sent.map((m) => m.postId)).toEqual(["paris-16th-2024"]);
    expect(store.deliveries.get("g1", "2026-03-16")).toMatchObject({ status: "sent", messageId: "m1" });
    // Tomorrow's preview: the 17th's match; on the 18th, the deck (no "on this day" to show).
    expect((await preview("2026-03-16T09:00:00Z"))?.post.id).toBe("march-17th-2020");
    expect(await preview("2026-03-18T06:00:00Z")).not.toHaveProperty("onThisDay");
  });

  it("keeps today's behaviour for a deck schedule: dated posts come in the deck's order", () => {
    const deck = newDeck("g1");
    const how = { postSource: "deck", timeZone: "Europe/Paris" } as const;
    const pick = chooseSourcedPost({ posts }, "2026-03-16", deck, how);
    const again = chooseSourcedPost({ posts }, "2026-03-16", deck, how);
    expect(pick?.post.id).toBe(again?.post.id);
    expect(pick).not.toHaveProperty("onThisDay");
    const otd = chooseSourcedPost({ posts }, "2026-03-16", deck, { ...how, postSource: "on-this-day" });
    expect(otd).toMatchObject({ post: { id: "paris-16th-2024" }, history: { shown: ["paris-16th-2024"] } });
  });
});
