import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/store/store.js";
import { ROOT } from "./e2e/bot-process.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "curator-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEFAULTS = { time: "09:00", timeZone: "UTC" };
const NOW = new Date("2026-11-30T10:00:00Z");

/** `npm run backup|restore -- <file>` as a process, with CURATOR_DB set. */
function cli(mode: "backup" | "restore", file: string, db: string) {
  return run(process.execPath, ["--import", "tsx", "src/ops/backup-cli.ts", mode, file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", CURATOR_DB: db, DOTENV_CONFIG_PATH: join(dir, "no.env") },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

function channels(path: string): (string | null)[] {
  const store = openStore(path);
  try {
    return store.settings.all().map((s) => s.channelId);
  } finally {
    store.close();
  }
}

/** A store that keeps recent writes in its write-ahead log, as a running bot's does between checkpoints. */
function runningStore(path: string): Store {
  const store = openStore(path);
  store.db.pragma("wal_autocheckpoint = 0");
  return store;
}

describe("npm run backup / restore", () => {
  it("backs up a store in use, with the writes still in its WAL that a plain copy loses", async () => {
    const db = join(dir, "live.db");
    const store = runningStore(db);
    try {
      for (let i = 1; i <= 3; i++)
        store.settings.update(`40000000000000000${i}`, { channelId: `50000000000000000${i}` }, NOW, DEFAULTS);
      const plainCopy = join(dir, "plain-copy.db");
      copyFileSync(db, plainCopy);
      expect(channels(plainCopy)).toEqual([]);

      const backup = join(dir, "backup.db");
      const { code, stdout } = await cli("backup", backup, db);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        new RegExp(`^Backed up ${db} to ${backup} \\(schema \\d+; .*guild_settings: 3`, "u"),
      );
      expect(channels(backup)).toEqual(["500000000000000001", "500000000000000002", "500000000000000003"]);
    } finally {
      store.close();
    }
  });

  it("restores a backup, keeping the database it replaces", async () => {
    const db = join(dir, "restore.db");
    const store = openStore(db);
    store.settings.update("400000000000000001", { channelId: "500000000000000001" }, NOW, DEFAULTS);
    store.close();
    const backup = join(dir, "restore-backup.db");
    expect((await cli("backup", backup, db)).code).toBe(0);

    const later = openStore(db);
    later.settings.update("400000000000000002", { channelId: "500000000000000002" }, NOW, DEFAULTS);
    later.close();

    const { code, stdout } = await cli("restore", backup, db);
    expect(code).toBe(0);
    expect(stdout).toContain(`Restored ${backup} to ${db}`);
    expect(channels(db)).toEqual(["500000000000000001"]);
    const kept = readdirSync(dir).filter((f) => f.startsWith("restore.db.before-restore-"));
    expect(kept).toHaveLength(1);
    expect(channels(join(dir, kept[0]!))).toEqual(["500000000000000001", "500000000000000002"]);
  });

  it("refuses to restore a file that is not a Curator database, and leaves CURATOR_DB as it was", async () => {
    const db = join(dir, "kept.db");
    const store = openStore(db);
    store.settings.update("400000000000000001", { channelId: "500000000000000001" }, NOW, DEFAULTS);
    store.close();
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "not sqlite ".repeat(500));
    const before = readFileSync(db);

    const { code, stderr } = await cli("restore", junk, db);
    expect(code).toBe(1);
    expect(stderr).toBe(`restore failed: ${junk}: file is not a database.\n`);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(dir).some((f) => f.startsWith("kept.db.before-restore-"))).toBe(false);
  });

  it("says what is wrong with no file, and with no database to back up", async () => {
    const missing = join(dir, "missing.db");
    expect(await cli("backup", "", missing)).toMatchObject({
      code: 2,
      stderr: "Usage: npm run backup -- <file>\n",
    });
    const { code, stderr } = await cli("backup", join(dir, "out.db"), missing);
    expect(code).toBe(1);
    expect(stderr).toBe(`backup failed: CURATOR_DB=${missing}: there is no database to back up.\n`);
    expect(existsSync(missing)).toBe(false);
  });
});
