import type { PostStore } from "./post-store.js";
import { openSqlitePostStore } from "./sqlite-store.js";

/** `DATABASE_URL` (postgres://…) selects PostgreSQL; without it, the SQLite file `CURATOR_DB`. */
export async function openPostStore(config: {
  CURATOR_DB: string;
  DATABASE_URL?: string | undefined;
}): Promise<PostStore> {
  if (config.DATABASE_URL) {
    const { openPostgresStore } = await import("./postgres-store.js");
    return openPostgresStore(config.DATABASE_URL);
  }
  return openSqlitePostStore(config.CURATOR_DB);
}
