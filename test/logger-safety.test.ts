import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { APP_ID, startBotProcess, TOKEN } from "./e2e/bot-process.js";

const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQtdG9rZW4tdmFsdWU";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger("info", [TOKEN], sink), lines };
}

describe("error logs", () => {
  it("carry no interaction token and no request body, but say what failed", () => {
    const { log, lines } = capture();
    const error = new DiscordAPIError(
      { code: 10062, message: "Unknown interaction" },
      10062,
      404,
      "POST",
      `https://discord.com/api/v10/interactions/1300000000000000001/${INTERACTION_TOKEN}/callback`,
      { body: { type: 4, data: { content: "the whole reply, which may be long and personal" } } },
    );
    log.error({ err: error }, "interaction failed");
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).not.toContain(INTERACTION_TOKEN);
    expect(line).not.toContain("the whole reply");
    const entry = JSON.parse(line) as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({
      type: "DiscordAPIError",
      message: "Unknown interaction",
      status: 404,
      method: "POST",
      url: "https://discord.com/api/v10/interactions/1300000000000000001/[redacted]/callback",
    });
    expect(entry.err).not.toHaveProperty("requestBody");
  });

  it("scrub webhook tokens in any message too", () => {
    const { log, lines } = capture();
    log.warn(`follow-up to /webhooks/300000000000000001/${INTERACTION_TOKEN}/messages/@original failed`);
    expect(lines[0]).toContain("/webhooks/300000000000000001/[redacted]/messages/@original");
  });
});

describe("LOG_FORMAT=pretty", () => {
  it("writes readable lines instead of JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-pretty-"));
    try {
      const file = join(dir, "posts.json");
      writeFileSync(file, JSON.stringify([{ id: "a", text: "", topics: [], links: [], mentions: [] }]));
      const bot = startBotProcess({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        COLLECTION_PATH: file,
        LOG_FORMAT: "pretty",
      });
      expect(await bot.exited).toBe(1);
      const output = bot.output();
      expect(output).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] FATAL \(\d+\): the collection is not valid$/mu);
      expect(output).not.toContain('{"level"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
