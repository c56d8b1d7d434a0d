import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failureSettings } from "../src/config.js";
import { explainFailure } from "../src/ops/explain-failure.js";
import { openDatabase } from "../src/store/open.js";
import { APP_ID, startBotProcess, TOKEN } from "./e2e/bot-process.js";
import { freePort } from "./free-port.js";

const dir = mkdtempSync(join(tmpdir(), "curator-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("explainFailure names the setting a start-up failure comes from", () => {
  it("a CURATOR_DB that is not a database", () => {
    const file = join(dir, "not-a-db.db");
    writeFileSync(file, "these are not the bytes of an SQLite file, not even close to it\n".repeat(100));
    const error = thrownBy(() => openDatabase(file));
    expect(explainFailure(error, { CURATOR_DB: file })).toBe(
      `CURATOR_DB=${file}: file is not a database (${file} is not an SQLite file, or is damaged). Point CURATOR_DB at ` +
        "Curator's database, restore one with npm run restore -- <backup>, or move the file away to start with an empty one.",
    );
  });

  it("a CURATOR_DB that cannot be opened (a folder)", () => {
    const error = thrownBy(() => openDatabase(dir));
    expect(explainFailure(error, { CURATOR_DB: dir })).toMatch(
      new RegExp(
        `^CURATOR_DB=${dir}: unable to open database file\\. Check that ${dir} is a file \\(not a folder\\)`,
      ),
    );
  });

  it("a DISCORD_REST_URL where nothing listens, and Discord itself out of reach", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await fetch(url).catch((e: unknown) => e);
    expect(explainFailure(error, { CURATOR_DB: "x", DISCORD_REST_URL: url })).toMatch(
      new RegExp(
        `^DISCORD_REST_URL=${url}: cannot reach it \\(connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\)\\. Start`,
      ),
    );
    expect(explainFailure(error, { CURATOR_DB: "x" })).toMatch(
      /^Cannot reach Discord \(connect ECONNREFUSED/u,
    );
  });

  it("a METRICS_PORT another program holds", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const second = createServer();
    const error = await new Promise((resolve) => second.once("error", resolve).listen(port, "127.0.0.1"));
    await new Promise((resolve) => server.close(resolve));
    expect(explainFailure(error, { CURATOR_DB: "x", METRICS_PORT: String(port) })).toBe(
      `METRICS_PORT=${port}: cannot listen there (listen EADDRINUSE: address already in use 127.0.0.1:${port}). ` +
        "Choose a free port, stop what holds it, or leave METRICS_PORT empty to serve no health and metrics.",
    );
  });

  it("keeps any other message as it is", () => {
    expect(explainFailure(new Error("something else"), { CURATOR_DB: "x" })).toBe("something else");
  });

  it("reads CURATOR_DB with its default when unset", () => {
    expect(failureSettings({})).toEqual({ CURATOR_DB: "data/curator.db" });
    expect(failureSettings({ CURATOR_DB: "/srv/c.db", DISCORD_REST_URL: "http://h" })).toEqual({
      CURATOR_DB: "/srv/c.db",
      DISCORD_REST_URL: "http://h",
    });
  });
});

describe("npm start says which setting to fix", () => {
  it("exits 1 naming CURATOR_DB when it is not a database", async () => {
    const file = join(dir, "junk.db");
    writeFileSync(file, "junk ".repeat(2000));
    const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, CURATOR_DB: file });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(`Curator stopped: CURATOR_DB=${file}: file is not a database`);
  });

  it("exits 1 naming DISCORD_REST_URL when nothing answers there", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const bot = startBotProcess({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_REST_URL: url,
      REGISTER_COMMANDS: "true",
      CURATOR_DB: ":memory:",
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(
      `Curator stopped: DISCORD_REST_URL=${url}: cannot reach it (connect ECONNREFUSED`,
    );
  });

  it("with no token still checks the other settings, and lists their problems", async () => {
    const bot = startBotProcess({
      POTD_CRON: "*/5 * * * *",
      LOG_LEVEL: "loud",
      DOTENV_CONFIG_PATH: join(dir, "none"),
    });
    expect(await bot.exited).toBe(1);
    const output = bot.output();
    expect(output).toContain("No DISCORD_TOKEN");
    expect(output).toContain('POTD_CRON: "*/5 * * * *" fires 288 times a day');
    expect(output).toContain("LOG_LEVEL:");
  });
});
