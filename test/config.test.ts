import { describe, expect, it } from "vitest";
import { loadConfig, rolesOf } from "../src/config.js";

const TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.fake-token_value-for-tests-only";
const CLIENT = "109876543210987654";

describe("loadConfig", () => {
  it("gives defaults for an empty environment when no token is required", () => {
    expect(loadConfig({}, { requireToken: false })).toEqual({
      ok: true,
      config: {
        COLLECTION_PATH: "data/posts.json",
        CURATOR_DB: "data/curator.db",
        LOG_LEVEL: "info",
        REGISTER_COMMANDS: false,
        POTD_CRON: "0 9 * * *",
        POTD_TIMEZONE: "UTC",
        POTD_RETRY_DELAYS: [60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000],
        METRICS_HOST: "127.0.0.1",
        LOG_FORMAT: "json",
      },
    });
  });

  it("reads POTD_RETRY_DELAYS with units and refuses what is not a delay list", () => {
    const ok = loadConfig({ POTD_RETRY_DELAYS: "30s, 2m,1h" }, { requireToken: false });
    expect(ok.ok && ok.config.POTD_RETRY_DELAYS).toEqual([30_000, 120_000, 3_600_000]);
    const bad = loadConfig({ POTD_RETRY_DELAYS: "1m,soon,0s" }, { requireToken: false });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'POTD_RETRY_DELAYS: "1m,soon,0s" is not a list of up to 20 delays such as "1m,2m,5m" (units: s, m, h; 1s to 12h)',
    ]);
    const url = loadConfig({ DATABASE_URL: "mysql://x" }, { requireToken: false });
    expect(url.ok ? [] : url.problems).toEqual([
      "DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@host/db",
    ]);
  });

  it("returns a frozen, typed config for a full environment", () => {
    const result = loadConfig(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: CLIENT,
        DISCORD_GUILD_ID: "209876543210987654",
        DISCORD_REST_URL: "http://127.0.0.1:8080/api/",
        POTD_CHANNEL_ID: "309876543210987654",
        POTD_TIMEZONE: "Europe/Paris",
        SHARD_COUNT: "2",
        LOG_LEVEL: "debug",
        REGISTER_COMMANDS: "yes",
      },
      { requireToken: true },
    );
    if (!result.ok) throw new Error(result.problems.join("; "));
    expect(result.config).toMatchObject({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: CLIENT,
      DISCORD_REST_URL: "http://127.0.0.1:8080/api",
      POTD_TIMEZONE: "Europe/Paris",
      SHARD_COUNT: 2,
      LOG_LEVEL: "debug",
      REGISTER_COMMANDS: true,
    });
    expect(Object.isFrozen(result.config)).toBe(true);
  });

  it.each([
    ["true", true],
    ["1", true],
    ["yes", true],
    ["false", false],
    ["0", false],
    ["no", false],
    ["", false],
  ])("reads REGISTER_COMMANDS=%j as %s", (value, flag) => {
    const result = loadConfig({ REGISTER_COMMANDS: value }, { requireToken: false });
    expect(result.ok && result.config.REGISTER_COMMANDS).toBe(flag);
  });

  it("refuses a REGISTER_COMMANDS that is not a yes or no", () => {
    const result = loadConfig({ REGISTER_COMMANDS: "maybe" }, { requireToken: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toHaveLength(1);
    expect(!result.ok && result.problems[0]).toMatch(/^REGISTER_COMMANDS: /u);
  });

  it.each(["http://127.0.0.1:8080/api", "https://discord.example.org/api"])(
    "accepts DISCORD_REST_URL %s",
    (url) => {
      const result = loadConfig({ DISCORD_REST_URL: url }, { requireToken: false });
      expect(result.ok && result.config.DISCORD_REST_URL).toBe(url);
    },
  );

  it.each(["ftp://127.0.0.1/api", "not a url"])("refuses DISCORD_REST_URL %s", (url) => {
    const result = loadConfig({ DISCORD_REST_URL: url }, { requireToken: false });
    expect(!result.ok && result.problems.map((p) => p.split(":")[0])).toEqual(["DISCORD_REST_URL"]);
  });

  it.each(["Mars/Olympus_Mons", "UTC+2", "europe/paris2"])("refuses POTD_TIMEZONE %s, naming it", (zone) => {
    const result = loadConfig({ POTD_TIMEZONE: zone }, { requireToken: false });
    expect(result).toEqual({
      ok: false,
      problems: [`POTD_TIMEZONE: "${zone}" is not an IANA time zone such as Europe/Paris`],
    });
  });

  it("requires a token and a client id to connect", () => {
    expect(loadConfig({ DISCORD_TOKEN: "" }, { requireToken: true })).toEqual({
      ok: false,
      problems: [
        "DISCORD_TOKEN: is required to connect to Discord",
        "DISCORD_CLIENT_ID: is required to connect to Discord",
      ],
    });
  });

  it.each(["short", "has a space in the middle of it ok", "tab\tseparated-token-value-long"])(
    "refuses the token %j, without ever echoing it",
    (token) => {
      const result = loadConfig({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: CLIENT }, { requireToken: true });
      expect(result).toEqual({
        ok: false,
        problems: ["DISCORD_TOKEN: does not look like a bot token (copy it again from the Bot page)"],
      });
    },
  );

  it("lists every problem at once, and never the token", () => {
    const badToken = "bad token value that must never be printed";
    const result = loadConfig(
      {
        DISCORD_TOKEN: badToken,
        DISCORD_GUILD_ID: "123",
        LOG_LEVEL: "loud",
        POTD_TIMEZONE: "Nowhere/Land",
        POTD_CHANNEL_ID: "channel",
        SHARD_COUNT: "0",
        DISCORD_REST_URL: "localhost",
      },
      { requireToken: true },
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "DISCORD_CLIENT_ID",
      "DISCORD_GUILD_ID",
      "DISCORD_REST_URL",
      "DISCORD_TOKEN",
      "LOG_LEVEL",
      "POTD_CHANNEL_ID",
      "POTD_TIMEZONE",
      "SHARD_COUNT",
    ]);
    for (const problem of problems) {
      expect(problem).not.toContain(badToken);
      expect(problem).not.toContain("must never be printed");
    }
  });

  it("never shows a well-formed token either, whatever else is wrong", () => {
    const result = loadConfig(
      { DISCORD_TOKEN: TOKEN, LOG_LEVEL: TOKEN, POTD_CRON: "" },
      { requireToken: true },
    );
    const text = result.ok ? "" : result.problems.join("\n");
    expect(text).toContain("LOG_LEVEL");
    expect(text).not.toContain(TOKEN);
  });
});

describe("POTD_CRON", () => {
  it("accepts a five-field expression and refuses seconds or garbage, naming the variable", () => {
    const base = { DISCORD_TOKEN: "a".repeat(30), DISCORD_CLIENT_ID: "123456789012345678" };
    expect(loadConfig({ ...base, POTD_CRON: "30 8 * * 1-5" }, { requireToken: true }).ok).toBe(true);
    for (const bad of ["0 0 9 * * *", "every day", "61 9 * * *"]) {
      const result = loadConfig({ ...base, POTD_CRON: bad }, { requireToken: true });
      expect(result).toEqual({
        ok: false,
        problems: [expect.stringMatching(/^POTD_CRON: .*five-field cron/)],
      });
    }
  });

  describe("roles, the interactions endpoint and shard ranges", () => {
    const KEY = "a".repeat(64);
    const load = (env: Record<string, string>) => loadConfig(env, { requireToken: false });
    const problemsOf = (env: Record<string, string>) => {
      const result = load(env);
      return result.ok ? [] : result.problems.map((p) => p.split(":")[0]);
    };
    const roles = (env: Record<string, string>) => {
      const result = load(env);
      if (!result.ok) throw new Error(result.problems.join("; "));
      return [...rolesOf(result.config)].sort();
    };

    it("runs everything by default, HTTP only when a port is set", () => {
      expect(roles({})).toEqual(["gateway", "scheduler"]);
      expect(roles({ INTERACTIONS_PORT: "8080", DISCORD_PUBLIC_KEY: KEY })).toEqual([
        "gateway",
        "http",
        "scheduler",
      ]);
      expect(roles({ CURATOR_ROLES: "http", INTERACTIONS_PORT: "0", DISCORD_PUBLIC_KEY: KEY })).toEqual([
        "http",
      ]);
      expect(roles({ CURATOR_ROLES: " Scheduler , gateway" })).toEqual(["gateway", "scheduler"]);
    });

    it("names an unknown role, and what the http role is missing", () => {
      const unknown = load({ CURATOR_ROLES: "gateway,sender" });
      expect(!unknown.ok && unknown.problems).toEqual([
        "CURATOR_ROLES: unknown role sender (use gateway,http,scheduler)",
      ]);
      expect(problemsOf({ CURATOR_ROLES: "http" })).toEqual(["INTERACTIONS_PORT", "DISCORD_PUBLIC_KEY"]);
      expect(problemsOf({ INTERACTIONS_PORT: "8080" })).toEqual(["DISCORD_PUBLIC_KEY"]);
      expect(problemsOf({ INTERACTIONS_PORT: "70000", DISCORD_PUBLIC_KEY: "abc" })).toEqual([
        "INTERACTIONS_PORT",
        "DISCORD_PUBLIC_KEY",
      ]);
    });

    it("reads SHARD_IDS as a range or a list below SHARD_COUNT", () => {
      const ids = (value: string) => {
        const result = load({ SHARD_IDS: value, SHARD_COUNT: "16" });
        if (!result.ok) throw new Error(result.problems.join("; "));
        return result.config.SHARD_IDS;
      };
      expect(ids("0-7")).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(ids("8-9, 3,3")).toEqual([3, 8, 9]);
      expect(problemsOf({ SHARD_IDS: "0-7" })).toEqual(["SHARD_COUNT"]);
      expect(problemsOf({ SHARD_IDS: "8-16", SHARD_COUNT: "16" })).toEqual(["SHARD_IDS"]);
      expect(problemsOf({ SHARD_IDS: "7-0", SHARD_COUNT: "16" })).toEqual(["SHARD_IDS"]);
      expect(problemsOf({ SHARD_IDS: "a-b", SHARD_COUNT: "16" })).toEqual(["SHARD_IDS"]);
    });
  });
  it.each([
    ["*/5 * * * *", 288],
    ["0 9,21 * * *", 2],
    ["* 9 * * *", 60],
  ])("refuses POTD_CRON=%j, which fires %i times a day", (cron, times) => {
    const result = loadConfig({ POTD_CRON: cron }, { requireToken: false });
    expect(result).toEqual({
      ok: false,
      problems: [
        `POTD_CRON: "${cron}" fires ${times} times a day, but the post of the day goes out once a day: give one ` +
          'minute and one hour, such as "0 9 * * *" (or "0 9 * * 1-5" for weekdays)',
      ],
    });
  });

  it.each(["30 8 * * 1-5", "0 9 1,15 * *", "5 0 * * *"])(
    "accepts POTD_CRON=%j (once on the days it fires)",
    (cron) => {
      expect(loadConfig({ POTD_CRON: cron }, { requireToken: false }).ok).toBe(true);
    },
  );
});
