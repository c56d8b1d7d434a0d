import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Post, PostSchema } from "../src/library/post.js";
import { choosePostOfTheDay, type DeckHistory, newDeck, remainingInCycle } from "../src/library/potd.js";

const seedPosts: Post[] = PostSchema.array().parse(
  JSON.parse(readFileSync(new URL("../data/posts.json", import.meta.url), "utf8")),
);

function post(id: string, day?: string): Post {
  return { id, text: `post ${id}`, topics: [], links: [], mentions: [], ...(day ? { day } : {}) };
}

function collectionOf(n: number, extra: Post[] = []) {
  return { posts: [...Array.from({ length: n }, (_, i) => post(`p${i}`)), ...extra] };
}

/** Runs the deck for consecutive days starting on 2026-01-01 (no pinned day in January in these tests). */
function run(
  collection: { posts: readonly Post[] },
  days: number,
  history: DeckHistory = newDeck("guild-1"),
) {
  const ids: string[] = [];
  let h = history;
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
    const pick = choosePostOfTheDay(collection, date, h)!;
    ids.push(pick.post.id);
    h = pick.history;
  }
  return { ids, history: h };
}

describe("choosePostOfTheDay", () => {
  it("is deterministic for the same collection, date and history", () => {
    const c = collectionOf(10);
    expect(run(c, 25)).toEqual(run(c, 25));
  });

  it("gives different servers different orders", () => {
    const c = collectionOf(10);
    expect(run(c, 10, newDeck("a")).ids).not.toEqual(run(c, 10, newDeck("b")).ids);
  });

  it("shows every post once before any repeats, then reshuffles", () => {
    const c = collectionOf(7);
    const { ids, history } = run(c, 14);
    expect(new Set(ids.slice(0, 7)).size).toBe(7);
    expect(new Set(ids.slice(7, 14)).size).toBe(7);
    expect(ids.slice(7, 14)).not.toEqual(ids.slice(0, 7));
    expect(history.cycle).toBe(1);
    expect(history.shown).toHaveLength(7);
  });

  it("never repeats within a cycle (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.string(), (n, seed) => {
        const { ids } = run(collectionOf(n), n, newDeck(seed));
        expect(new Set(ids).size).toBe(n);
      }),
    );
  });

  it("keeps the order of the remaining posts when posts are added mid-cycle", () => {
    const before = collectionOf(12);
    const firstDays = run(before, 4);
    const rest = run(before, 8, firstDays.history).ids;
    const after = { posts: [...before.posts, post("new-1"), post("new-2"), post("new-3")] };
    const restAfter = run(after, 11, firstDays.history).ids;
    expect(restAfter.filter((id) => !id.startsWith("new-"))).toEqual(rest);
    expect(restAfter).toEqual(expect.arrayContaining(["new-1", "new-2", "new-3"]));
  });

  it("skips ids that left the collection and counts what remains", () => {
    const c = collectionOf(5);
    const { history } = run(c, 2);
    expect(remainingInCycle(c, history)).toBe(3);
    const smaller = { posts: c.posts.filter((p) => p.id !== history.shown[0]) };
    expect(remainingInCycle(smaller, history)).toBe(3);
    expect(remainingInCycle(c, { ...history, shown: c.posts.map((p) => p.id) })).toBe(0);
  });

  it("shows the seed post pinned to 05-12 on 12 May and keeps the deck untouched", () => {
    const history = newDeck("guild-1");
    const pick = choosePostOfTheDay({ posts: seedPosts }, "2027-05-12", history)!;
    expect(pick.post.day).toBe("05-12");
    expect(pick.post.text).toContain("Maryam Mirzakhani");
    expect(pick.history).toEqual(history);
  });

  it("never shows a pinned post on another day", () => {
    const pinnedId = seedPosts.find((p) => p.day === "05-12")!.id;
    const { ids } = run({ posts: seedPosts }, 3 * seedPosts.length);
    expect(ids).not.toContain(pinnedId);
    expect(new Set(ids).size).toBe(seedPosts.length - 1);
  });

  it("picks one of several posts pinned to the same day deterministically", () => {
    const c = collectionOf(3, [post("x", "07-04"), post("y", "07-04")]);
    const a = choosePostOfTheDay(c, "2026-07-04", newDeck("s"))!.post.id;
    expect(["x", "y"]).toContain(a);
    expect(choosePostOfTheDay(c, "2026-07-04", newDeck("s"))!.post.id).toBe(a);
  });

  it("shows 02-29 posts on 29 February, and on 28 February in common years", () => {
    const c = collectionOf(3, [post("leap", "02-29")]);
    expect(choosePostOfTheDay(c, "2028-02-29", newDeck("s"))!.post.id).toBe("leap");
    expect(choosePostOfTheDay(c, "2027-02-28", newDeck("s"))!.post.id).toBe("leap");
    expect(choosePostOfTheDay(c, "2028-02-28", newDeck("s"))!.post.id).not.toBe("leap");
    expect(choosePostOfTheDay(c, "2027-03-01", newDeck("s"))!.post.id).not.toBe("leap");
  });

  it("uses pinned posts as the deck when every post is pinned", () => {
    const c = { posts: [post("a", "01-01"), post("b", "06-01")] };
    const { ids } = run(c, 4, newDeck("s"));
    expect(ids[0]).toBe("a");
    expect(new Set(ids.slice(1, 3))).toEqual(new Set(["a", "b"]));
  });

  it("returns undefined for an empty collection and rejects a malformed date", () => {
    expect(choosePostOfTheDay({ posts: [] }, "2026-01-01", newDeck("s"))).toBeUndefined();
    expect(remainingInCycle({ posts: [] }, newDeck("s"))).toBe(0);
    expect(() => choosePostOfTheDay(collectionOf(1), "1/1/2026", newDeck("s"))).toThrow(RangeError);
  });
});
