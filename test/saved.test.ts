import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  answerClearAsk,
  answerSave,
  answerSavedCleared,
  answerSavedList,
  CLEAR_CONFIRM_MS,
  clearConfirmExpired,
} from "../src/answers/saved.js";
import type { Library } from "../src/discord/context.js";
import { decodeCustomId } from "../src/discord/custom-id.js";
import type { Reply } from "../src/discord/reply.js";
import { withLanguage } from "../src/i18n/translate.js";
import { loadLibrary } from "../src/load-library.js";
import type { PostStore } from "../src/store/post-store.js";
import { openSqlitePostStore } from "../src/store/sqlite-store.js";

const USER = "80351110224678912";
let library: Library;
let store: PostStore;

beforeAll(async () => {
  library = await loadLibrary(new URL("../data/posts.json", import.meta.url).pathname);
});
afterEach(async () => {
  await store?.close();
});

const labels = (reply: Reply) =>
  reply.components.map((row) => row.components.map((c) => ("label" in c ? c.label : c.type)));

describe("saved posts", () => {
  it("saves a post once, tells only the presser how many they have, and refuses past the cap", async () => {
    store = openSqlitePostStore(":memory:");
    const [a, b] = library.collection.posts;
    const first = answerSave(library, a!.id, await store.saved.add(USER, a!.id, new Date(), 2), 2);
    expect(first.ephemeral).toBe(true);
    expect(first.embeds[0]?.description).toMatch(
      /^Saved \*\*.+\*\* \(1 of 2\)\. See your saved posts with `\/saved list`\.$/,
    );
    const again = answerSave(library, a!.id, await store.saved.add(USER, a!.id, new Date(), 2), 2);
    expect(again.embeds[0]?.description).toMatch(/is already in your saved posts \(1 of 2\)/);
    await store.saved.add(USER, b!.id, new Date(), 2);
    const third = library.collection.posts[2]!;
    const full = answerSave(library, third.id, await store.saved.add(USER, third.id, new Date(), 2), 2);
    expect(full.isError).toBe(true);
    expect(full.embeds[0]?.description).toMatch(/^You have 2 saved posts, the most I keep for one person/);
    expect(full.embeds[0]?.description).toContain("`/saved clear`");
  });

  it("lists saved posts five a page, newest first, with a menu, a Remove button each and paging", async () => {
    store = openSqlitePostStore(":memory:");
    const posts = library.collection.posts.slice(0, 7);
    for (const [i, p] of posts.entries())
      await store.saved.add(USER, p.id, new Date(Date.UTC(2026, 0, 1 + i)), 100);
    const saved = await store.saved.list(USER);
    const reply = answerSavedList(library, saved, { userId: USER, cap: 100 });
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.footer?.text).toBe("7 of 100 saved · page 1/2 · /saved clear deletes them all");
    expect(labels(reply)).toEqual([
      [3],
      ["Remove 1", "Remove 2", "Remove 3", "Remove 4", "Remove 5"],
      ["Previous", "Next"],
    ]);
    const remove = reply.components[1]!.components[0] as { custom_id: string };
    expect(decodeCustomId(remove.custom_id)).toEqual({
      kind: "savedRemove",
      userId: USER,
      page: 0,
      postId: posts[6]!.id,
    });
    const second = answerSavedList(library, saved, { userId: USER, page: 1, cap: 100 });
    expect(labels(second)[1]).toEqual(["Remove 6", "Remove 7"]);
    expect(second.embeds[0]?.description).toMatch(/^\*\*6\. /);
  });

  it("keeps a saved post the collection no longer has, removable, and says so", async () => {
    store = openSqlitePostStore(":memory:");
    await store.saved.add(USER, "gone-post", new Date("2026-01-01T00:00:00Z"), 100);
    const reply = answerSavedList(library, await store.saved.list(USER), { userId: USER, cap: 100 });
    expect(reply.embeds[0]?.description).toContain("`gone-post`");
    expect(reply.embeds[0]?.description).toContain("No longer in the collection.");
    expect(labels(reply)).toEqual([["Remove 1"]]);
  });

  it("says how to fill an empty list, and how many were deleted", async () => {
    expect(answerSavedList(library, [], { userId: USER, cap: 100 }).embeds[0]?.description).toMatch(
      /^You have no saved posts\. Press \*\*Save\*\*/,
    );
    expect(answerSavedCleared(3).embeds[0]?.description).toBe("Deleted your 3 saved posts.");
    expect(answerSavedCleared(0).embeds[0]?.description).toMatch(/nothing to delete/);
  });
});

describe("/saved clear asks first", () => {
  it("asks with Delete all / Cancel for the asker only, and refuses a confirmation older than 5 minutes", () => {
    const now = new Date("2026-11-30T10:00:00.000Z");
    const ask = answerClearAsk(6, USER, now);
    expect(ask.ephemeral).toBe(true);
    expect(ask.embeds[0]?.description).toBe("Delete all your 6 saved posts? This cannot be undone.");
    expect(labels(ask)).toEqual([["Delete all", "Cancel"]]);
    const ids = ask.components[0]!.components.map((c) =>
      decodeCustomId((c as { custom_id: string }).custom_id),
    );
    expect(ids).toEqual([
      { kind: "savedClear", userId: USER, askedAt: now.getTime() / 1000, confirm: true },
      { kind: "savedClear", userId: USER, askedAt: now.getTime() / 1000, confirm: false },
    ]);
    expect(answerClearAsk(1, USER, now).embeds[0]?.description).toBe(
      "Delete your saved post? This cannot be undone.",
    );
    // Nothing saved: nothing to confirm.
    expect(answerClearAsk(0, USER, now).components).toEqual([]);
    const askedAt = now.getTime() / 1000;
    expect(clearConfirmExpired(askedAt, new Date(now.getTime() + CLEAR_CONFIRM_MS))).toBe(false);
    expect(clearConfirmExpired(askedAt, new Date(now.getTime() + CLEAR_CONFIRM_MS + 1000))).toBe(true);
    // A forged id "asked" in the future is no better.
    expect(clearConfirmExpired(askedAt + 3600, now)).toBe(true);
    expect(withLanguage("ja", () => labels(answerClearAsk(2, USER, now)))).toEqual([
      ["すべて削除", "キャンセル"],
    ]);
  });
});
