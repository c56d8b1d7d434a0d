import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { choosePostOfTheDay } from "../src/library/potd.js";
import type { PostStore } from "../src/store/post-store.js";
import { openPostgresStore } from "../src/store/postgres-store.js";
import { openSqlitePostStore } from "../src/store/sqlite-store.js";
import { openStore } from "../src/store/store.js";
import { ROOT } from "./e2e/bot-process.js";
import { freshPostgresUrl } from "./postgres-schema.js";

const run = promisify(execFile);
const posts = ["a", "b", "c"].map((id) => ({ id, text: id, topics: [], links: [], mentions: [] }));
const now = new Date("2026-11-27T09:00:00.000Z");
const owner = { id: "h/1/x", host: "h", pid: 1 };

async function snapshot(store: PostStore, guilds: string[]) {
  return {
    settings: await store.settings.all(),
    errors: await Promise.all(guilds.map((g) => store.settings.lastError(g))),
    decks: await Promise.all(guilds.map((g) => store.decks.get(g))),
    deliveries: await Promise.all(guilds.map((g) => store.deliveries.recent(g))),
    saved: await Promise.all(["u1", "u2"].map((u) => store.saved.list(u))),
  };
}

describe("npm run db:copy", () => {
  it("moves every setting, deck, delivery and last error from SQLite to an empty PostgreSQL, once", {
    timeout: 60_000,
  }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "curator-copy-")), "curator.db");
    const sqlite = openStore(file);
    sqlite.settings.update("g1", { channelId: "c1", roleId: "r1" }, now, { time: "09:00", timeZone: "UTC" });
    sqlite.settings.update("g2", { channelId: "c2", paused: true }, now, {
      time: "18:30",
      timeZone: "Europe/Paris",
    });
    sqlite.settings.recordError("env-only", "403 50013: Missing Permissions", now);
    for (const [guildId, localDate] of [
      ["g1", "2026-11-26"],
      ["g1", "2026-11-27"],
      ["g2", "2026-11-27"],
    ] as const) {
      sqlite.deliveries.claim({
        guildId,
        localDate,
        channelId: "c",
        owner,
        now,
        leaseMs: 60_000,
        choose: (history) => choosePostOfTheDay({ posts }, localDate, history),
      });
    }
    sqlite.deliveries.markSent({ guildId: "g1", localDate: "2026-11-26", messageId: "m1", now });
    sqlite.deliveries.markFailed({
      guildId: "g2",
      localDate: "2026-11-27",
      owner,
      error: "500",
      retryAt: now,
    });
    sqlite.saved.add("u1", "a", now, 100);
    sqlite.saved.add("u1", "b", new Date(now.getTime() + 1000), 100);
    sqlite.saved.add("u2", "a", now, 100);
    sqlite.close();

    const url = new URL(await freshPostgresUrl("copy"));

    const copy = () =>
      run(
        process.execPath,
        ["--import", "tsx", "src/store/copy-cli.ts", "--from", file, "--to", url.toString()],
        {
          cwd: ROOT,
        },
      );
    const { stdout } = await copy();
    expect(stdout).toContain("2 guild_settings, 1 guild_status, 2 decks, 3 deliveries, 3 saved_posts");

    const guilds = ["g1", "g2", "env-only"];
    const from = openSqlitePostStore(file);
    const to = await openPostgresStore(url.toString());
    try {
      expect(await snapshot(to, guilds)).toEqual(await snapshot(from, guilds));
    } finally {
      await from.close();
      await to.close();
    }
    // A second copy would mix two histories: refused, and nothing changes.
    await expect(copy()).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already has rows/),
    });
  });
});
