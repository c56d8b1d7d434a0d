import { copyFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../fake-discord/index.js";
import { type BotProcess, ROOT, startBotAgainstFake } from "./bot-process.js";

let fake: FakeDiscord;
let bot: BotProcess;
let file: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "curator-reload-"));
  file = join(dir, "posts.json");
  copyFileSync(join(ROOT, "data/posts.json"), file);
  ({ fake, bot } = await startBotAgainstFake({
    env: { COLLECTION_PATH: file },
    readyLog: "connected to Discord",
  }));
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
});

async function postCount(): Promise<string> {
  const body = (await fake.sendInteraction(fake.slashCommand({ name: "about" }))) as { data?: any };
  return body.data.embeds[0].fields.find((f: { name: string }) => f.name === "Posts").value;
}

/** Replaces the file the way `npm run import` does: a temporary file renamed over it. */
function replace(content: string) {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

describe("hot reload of the collection", () => {
  it("keeps serving the last good collection when the new file is invalid, with every problem logged", async () => {
    replace(JSON.stringify([{ id: "a", text: "", topics: [], links: [], mentions: [], colour: "red" }]));
    const entry = await bot.waitForLog(
      "the changed collection is not valid: still serving the last good one",
    );
    expect(entry.problems).toEqual([
      `${file}: post #1 (id "a"): text: must not be empty`,
      `${file}: post #1 (id "a"): colour: unknown field`,
    ]);
    expect(await postCount()).toBe("18");
  });

  it("swaps in a valid new collection without a restart, and greys out searches made on the old one", async () => {
    const search = fake.slashCommand({ name: "search", options: { query: "learning" } });
    await fake.sendInteraction(search);
    const message = fake.originalResponse(search.token)!;

    const posts = JSON.parse(readFileSync(join(ROOT, "data/posts.json"), "utf8")) as object[];
    posts.push({
      id: "new-post",
      text: "A brand new post about learning.",
      topics: [],
      links: [],
      mentions: [],
    });
    replace(JSON.stringify(posts));
    await bot.waitForLog("collection reloaded");
    expect(await postCount()).toBe("19");

    const next = (message.components![1] as { components: { custom_id: string }[] }).components[1]!.custom_id;
    const stale = (await fake.sendInteraction(fake.button({ customId: next, message }))) as {
      type: number;
      data?: any;
    };
    expect(stale.type).toBe(7);
    expect(stale.data.components.flatMap((r: any) => r.components.map((c: any) => c.disabled))).toEqual([
      true,
      true,
      true,
    ]);
  });
});
