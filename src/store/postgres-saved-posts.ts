import type pg from "pg";
import { transaction } from "./postgres-store.js";
import { LIST_ORDER, type SavedPostsStore, type SaveResult } from "./saved-posts.js";

/** Saved posts on PostgreSQL: the same contract as SQLite's (src/store/saved-posts.ts). */
export function postgresSavedPosts(pool: pg.Pool): SavedPostsStore {
  return {
    add: (userId, postId, now, cap) =>
      transaction(pool, async (client): Promise<SaveResult> => {
        // One saver per person at a time, so two presses at once cannot both pass the cap.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('curator:saved:' || $1))", [userId]);
        const { rows } = await client.query<{ n: string; has: boolean }>(
          `SELECT count(*) AS n, bool_or(post_id = $2) AS has FROM saved_posts WHERE user_id = $1`,
          [userId, postId],
        );
        const n = Number(rows[0]?.n ?? 0);
        if (rows[0]?.has) return { status: "already", count: n };
        if (n >= cap) return { status: "full", count: n };
        await client.query("INSERT INTO saved_posts (user_id, post_id, saved_at) VALUES ($1, $2, $3)", [
          userId,
          postId,
          now.toISOString(),
        ]);
        return { status: "saved", count: n + 1 };
      }),
    async list(userId) {
      const { rows } = await pool.query<{ postId: string; savedAt: string }>(
        `SELECT post_id AS "postId", saved_at AS "savedAt" FROM saved_posts WHERE user_id = $1 ${LIST_ORDER}`,
        [userId],
      );
      return rows;
    },
    async remove(userId, postId) {
      const result = await pool.query("DELETE FROM saved_posts WHERE user_id = $1 AND post_id = $2", [
        userId,
        postId,
      ]);
      return result.rowCount === 1;
    },
    async clear(userId) {
      return (await pool.query("DELETE FROM saved_posts WHERE user_id = $1", [userId])).rowCount ?? 0;
    },
  };
}
