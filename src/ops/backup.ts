import { existsSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { migrations } from "../store/migrations.js";

export interface BackupSummary {
  /** Rows per table, to show what the copy holds. */
  rows: Record<string, number>;
  schemaVersion: number;
}

/**
 * A consistent copy of the SQLite store at `source` into `target`, safe while the bot runs: SQLite's online backup
 * reads committed pages including those still in the write-ahead log, which a plain file copy of a WAL database
 * would miss. The copy is checked before it is reported.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupSummary> {
  if (!existsSync(source)) throw new Error(`CURATOR_DB=${source}: there is no database to back up.`);
  if (resolve(source) === resolve(target))
    throw new Error("The backup must go to another file than CURATOR_DB.");
  const db = new Database(source, { fileMustExist: true, readonly: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  // One self-contained file (no -wal/-shm beside it) to copy off the machine; the bot turns WAL back on at start.
  const copy = new Database(target);
  copy.pragma("journal_mode = DELETE");
  copy.close();
  return checkDatabase(target);
}

/**
 * Puts a backup in place of the store at `target` (the bot must be stopped). The backup is checked first, and the
 * database it replaces is kept beside it as `<target>.before-restore-<time>`: a restore never loses data.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  now: Date = new Date(),
): Promise<BackupSummary & { previous?: string }> {
  const summary = checkDatabase(backup);
  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    await backupDatabase(target, previous);
  }
  const db = new Database(backup, { fileMustExist: true, readonly: true });
  try {
    // The backup API writes through SQLite, so the target's write-ahead log is handled, not left stale beside it.
    await db.backup(target);
  } finally {
    db.close();
  }
  return { ...summary, ...(previous ? { previous } : {}) };
}

/** Opens a database read-only and checks it is a sound Curator store this version can run on. */
export function checkDatabase(path: string): BackupSummary {
  if (!existsSync(path)) throw new Error(`${path}: no such file.`);
  const db = new Database(path, { fileMustExist: true, readonly: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok")
      throw new Error(`${path}: the database is damaged (integrity_check: ${String(integrity)}).`);
    const schemaVersion = db.pragma("user_version", { simple: true }) as number;
    if (schemaVersion === 0) throw new Error(`${path}: this is an SQLite file but not a Curator database.`);
    if (schemaVersion > migrations.length)
      throw new Error(
        `${path}: schema version ${schemaVersion} was written by a newer Curator (this one knows ${migrations.length}).`,
      );
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const rows: Record<string, number> = {};
    for (const table of tables)
      rows[table] = db
        .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number;
    return { rows, schemaVersion };
  } catch (error) {
    if (error instanceof Error && /file is not a database/u.test(error.message))
      throw new Error(`${path}: file is not a database.`);
    throw error;
  } finally {
    db.close();
  }
}
