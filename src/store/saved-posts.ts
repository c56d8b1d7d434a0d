import type { Database } from "better-sqlite3";

/** How many posts one person may save: enough for a reading list, small enough to page through. */
export const SAVED_POSTS_CAP = 100;

/** A saved post: the person's id and the post's id are all that is stored (PRIVACY.md), with when. */
export type SavedPost = { postId: string; savedAt: string };

/** `full`: the person has `cap` saved posts already; nothing was added. */
export type SaveResult = { status: "saved" | "already" | "full"; count: number };

/** What both stores implement (test/store-contract.test.ts holds them to it). */
export interface SavedPostsStore {
  add(userId: string, postId: string, now: Date, cap: number): Promise<SaveResult>;
  /** Newest first. */
  list(userId: string): Promise<SavedPost[]>;
  remove(userId: string, postId: string): Promise<boolean>;
  /** Deletes everything saved by the person; the number of posts deleted. */
  clear(userId: string): Promise<number>;
}

/** Newest first; the post id breaks a tie so a page never shuffles. */
export const LIST_ORDER = "ORDER BY saved_at DESC, post_id";

export function savedPostsRepository(db: Database) {
  const exists = db.prepare<[string, string], { one: number }>(
    "SELECT 1 AS one FROM saved_posts WHERE user_id = ? AND post_id = ?",
  );
  const count = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM saved_posts WHERE user_id = ?",
  );
  const insert = db.prepare("INSERT INTO saved_posts (user_id, post_id, saved_at) VALUES (?, ?, ?)");
  const list = db.prepare<[string], { postId: string; savedAt: string }>(
    `SELECT post_id AS postId, saved_at AS savedAt FROM saved_posts WHERE user_id = ? ${LIST_ORDER}`,
  );
  const remove = db.prepare("DELETE FROM saved_posts WHERE user_id = ? AND post_id = ?");
  const clear = db.prepare("DELETE FROM saved_posts WHERE user_id = ?");
  const add = db.transaction((userId: string, postId: string, now: Date, cap: number): SaveResult => {
    const n = count.get(userId)?.n ?? 0;
    if (exists.get(userId, postId)) return { status: "already", count: n };
    if (n >= cap) return { status: "full", count: n };
    insert.run(userId, postId, now.toISOString());
    return { status: "saved", count: n + 1 };
  });
  return {
    /** IMMEDIATE: two processes saving for one person at once cannot both pass the cap. */
    add: (userId: string, postId: string, now: Date, cap: number): SaveResult =>
      add.immediate(userId, postId, now, cap),
    list: (userId: string): SavedPost[] => list.all(userId),
    remove: (userId: string, postId: string): boolean => remove.run(userId, postId).changes === 1,
    clear: (userId: string): number => clear.run(userId).changes,
  };
}

export type SavedPostsRepository = ReturnType<typeof savedPostsRepository>;
