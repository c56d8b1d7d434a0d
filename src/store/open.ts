import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrations } from "./migrations.js";

export class SchemaTooNewError extends Error {
  constructor(path: string, found: number, known: number) {
    super(
      `${path} has schema version ${found} but this Curator knows only up to ${known}: ` +
        "it was written by a newer Curator. Upgrade Curator, or point CURATOR_DB at another file.",
    );
    this.name = "SchemaTooNewError";
  }
}

/** The longest SQLite may block the event loop waiting for a lock before `whenFree` takes over. */
export const BUSY_WAIT_MS = 20;

/** Opens (creating if needed) the database and brings its schema up to date. */
export function openDatabase(path: string): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    migrate(db, path);
    // From here on, a lock held by another process is waited for asynchronously (store/busy.ts): SQLite's own
    // busy wait blocks the event loop, and every interaction reply with it.
    db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database, path: string): void {
  // Up to date: no write lock needed (another process may hold it for a while; we must still start).
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) throw new SchemaTooNewError(path, current, migrations.length);
  if (current === migrations.length) return;
  // IMMEDIATE: two processes starting together must not both run step 0.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > migrations.length) throw new SchemaTooNewError(path, version, migrations.length);
    for (let v = version; v < migrations.length; v++) migrations[v]!(db);
    if (version !== migrations.length) db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}
