import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redact } from "../src/logger.js";

const TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.secret-token-value";

/** A logger writing JSON lines into an array instead of stdout. */
function capture(level = "info", secrets: (string | undefined)[] = [TOKEN]) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger(level, secrets, sink), lines };
}

describe("createLogger", () => {
  it("writes one JSON line per entry at or above its level", () => {
    const { log, lines } = capture("info");
    log.debug("hidden");
    log.info({ posts: 18 }, "collection loaded");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, posts: 18, msg: "collection loaded" });
  });

  it("replaces the token in a message with [redacted]", () => {
    const { log, lines } = capture();
    log.warn(`connecting with ${TOKEN} now`);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(JSON.parse(lines[0]!).msg).toBe("connecting with [redacted] now");
  });

  it("replaces the token in an error's message and stack", () => {
    const { log, lines } = capture();
    const error = new Error(`401: Unauthorized for token ${TOKEN}`);
    log.error({ err: error }, "login failed");
    expect(lines.join("\n")).not.toContain(TOKEN);
    const entry = JSON.parse(lines[0]!);
    expect(entry.err.message).toBe("401: Unauthorized for token [redacted]");
    expect(entry.err.stack).toMatch(/^Error: 401: Unauthorized for token \[redacted\]\n\s+at /u);
  });

  it("redacts token-named fields and authorization headers by path", () => {
    const { log, lines } = capture("info", []);
    log.info({ token: "abc", config: { DISCORD_TOKEN: "def" }, headers: { authorization: "Bot ghi" } }, "x");
    expect(JSON.parse(lines[0]!)).toMatchObject({
      token: "[redacted]",
      config: { DISCORD_TOKEN: "[redacted]" },
      headers: { authorization: "[redacted]" },
    });
  });

  it("ignores missing and too-short secrets rather than redacting every short word", () => {
    const { log, lines } = capture("info", [undefined, "a"]);
    log.info("a cat and a dog");
    expect(JSON.parse(lines[0]!).msg).toBe("a cat and a dog");
  });
});

describe("redact", () => {
  it("replaces every occurrence of every secret of 8 characters or more", () => {
    expect(redact(`a ${TOKEN} b ${TOKEN} c 12345678`, [TOKEN, "12345678", "short", undefined])).toBe(
      "a [redacted] b [redacted] c [redacted]",
    );
  });
});
