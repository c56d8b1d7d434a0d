import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../fake-discord/index.js";
import { type BotProcess, GUILD, startBotAgainstFake, TOKEN } from "./bot-process.js";

const OTHER_USER = { id: "200000000000000002", username: "someone-else" };
const EPHEMERAL = 64;

// Payloads are read as JSON, the way Discord would see them.
type Body = { type: number; data: any };

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  ({ fake, bot } = await startBotAgainstFake({ readyLog: "connected to Discord" }));
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
});

async function command(
  name: string,
  options: Record<string, string | boolean> = {},
  user?: typeof OTHER_USER,
) {
  return (await fake.sendInteraction(
    fake.slashCommand({ name, options, ...(user ? { user } : {}) }),
  )) as Body;
}

function original(payload: { token: string }) {
  const message = fake.originalResponse(payload.token);
  if (!message) throw new Error("no original response stored");
  return message;
}

describe("the bot against a fake Discord", () => {
  it("registers every command to the configured server", () => {
    const names = fake.commands(GUILD).map((c) => c.name);
    expect(names).toEqual(["search", "random", "post", "onthisday", "saved", "potd", "about", "schedule"]);
    const search = fake.commands(GUILD).find((c) => c.name === "search") as {
      options: { name: string; autocomplete?: boolean }[];
    };
    expect(search.options.map((o) => [o.name, o.autocomplete ?? false])).toEqual([
      ["query", true],
      ["topic", true],
      ["hide", false],
    ]);
  });

  it("answers /search with ranked results, a menu, paging buttons and no mentions", async () => {
    const body = await command("search", { query: "learning rate" });
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const embed = body.data.embeds[0];
    expect(embed.title).toBe("Search: learning rate");
    expect(embed.description.split("\n")[0]).toMatch(/^\*\*1\. .*learning-rate decay/i);
    const [menu, buttons] = body.data.components;
    expect(menu.components[0].type).toBe(3);
    expect(menu.components[0].options).toHaveLength(5);
    expect(
      buttons.components.map((b: { label: string; disabled: boolean }) => [b.label, b.disabled]),
    ).toEqual([
      ["Previous", true],
      ["Next", false],
    ]);
  });

  it("answers hide:true ephemerally", async () => {
    const body = await command("search", { query: "bellard", hide: true });
    expect(body.data.flags).toBe(EPHEMERAL);
  });

  it("tells the user, ephemerally, when nothing matches", async () => {
    const body = await command("search", { query: "zzzqqqxxx" });
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0].description).toMatch(/No posts match/);
  });

  it("pages search results with Next, for the searcher only", async () => {
    const payload = fake.slashCommand({ name: "search", options: { query: "learning" } });
    await fake.sendInteraction(payload);
    const message = original(payload);
    const next = (message.components![1] as { components: { custom_id: string }[] }).components[1]!.custom_id;

    const refused = (await fake.sendInteraction(
      fake.button({ customId: next, message, user: OTHER_USER }),
    )) as Body;
    expect(refused.type).toBe(4);
    expect(refused.data.flags).toBe(EPHEMERAL);
    expect(refused.data.embeds[0].description).toMatch(/Only the person who searched/);

    const turned = (await fake.sendInteraction(fake.button({ customId: next, message }))) as Body;
    expect(turned.type).toBe(7);
    expect(turned.data.embeds[0].footer.text).toMatch(/page 2\//);
    expect(turned.data.embeds[0].description).toMatch(/^\*\*6\. /);
  });

  it("opens a search result in full from the menu, privately", async () => {
    const payload = fake.slashCommand({ name: "search", options: { query: "mosaic weather" } });
    await fake.sendInteraction(payload);
    const message = original(payload);
    const menu = (
      message.components![0] as { components: { custom_id: string; options: { value: string }[] }[] }
    ).components[0]!;
    const body = (await fake.sendInteraction(
      fake.selectMenu({
        customId: menu.custom_id,
        values: [menu.options[0]!.value],
        message,
        user: OTHER_USER,
      }),
    )) as Body;
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0].footer.text).toContain(`id: ${menu.options[0]!.value}`);
  });

  it("autocompletes the query with at most 25 posts, names within 100 characters", async () => {
    const body = (await fake.sendInteraction(
      fake.autocomplete({ name: "search", options: { query: "bel" }, focused: "query" }),
    )) as Body;
    expect(body.type).toBe(8);
    const choices = body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(choices.map((c) => c.value)).toContain("id:bellard");
  });

  it("autocompletes topics", async () => {
    const body = (await fake.sendInteraction(
      fake.autocomplete({ name: "random", options: { topic: "wea" }, focused: "topic" }),
    )) as Body;
    expect(body.data.choices).toEqual([{ name: "weather (1)", value: "weather" }]);
  });

  it("shows the Bellard thread in pages, each within Discord's limits, turned by buttons", async () => {
    const payload = fake.slashCommand({ name: "post", options: { id: "bellard" } });
    const first = (await fake.sendInteraction(payload)) as Body;
    const embed = first.data.embeds[0];
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    const pages = Number(/page 1\/(\d+)/.exec(embed.footer.text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    let message = original(payload);
    const texts = [embed.description as string];
    for (let page = 2; page <= pages; page++) {
      const next = (message.components![0] as { components: { custom_id: string }[] }).components[1]!
        .custom_id;
      const turned = (await fake.sendInteraction(fake.button({ customId: next, message }))) as Body;
      expect(turned.type).toBe(7);
      expect(turned.data.embeds[0].footer.text).toContain(`page ${page}/${pages}`);
      texts.push(turned.data.embeds[0].description);
      message = original(payload);
    }
    const joined = texts.join(" ").replace(/\\/g, "").replace(/\s+/g, " ");
    expect(joined).toContain("A French engineer who lives quietly in Paris");
    expect(joined).toContain("He is still shipping.");
  });

  it("draws a random post with an Another button that draws a different one", async () => {
    const payload = fake.slashCommand({ name: "random" });
    const first = (await fake.sendInteraction(payload)) as Body;
    const message = original(payload);
    const rows = message.components as { components: { custom_id: string; label: string }[] }[];
    const another = rows.flatMap((r) => r.components).find((c) => c.label === "Another")!;
    const second = (await fake.sendInteraction(
      fake.button({ customId: another.custom_id, message }),
    )) as Body;
    expect(second.type).toBe(7);
    expect(second.data.embeds[0].footer.text).not.toBe(first.data.embeds[0].footer.text);
  });

  it("answers /about with the collection's figures", async () => {
    const body = await command("about");
    const fields = Object.fromEntries(
      (body.data.embeds[0].fields as { name: string; value: string }[]).map((f) => [f.name, f.value]),
    );
    expect(fields.Posts).toBe("18");
    expect(fields.Collection).toContain("data/posts.json");
  });

  it("refuses a forged button ephemerally", async () => {
    const payload = fake.slashCommand({ name: "about" });
    await fake.sendInteraction(payload);
    const body = (await fake.sendInteraction(
      fake.button({ customId: "sp|not-a-user|zz|nothex||x", message: original(payload) }),
    )) as Body;
    expect(body.data.flags).toBe(EPHEMERAL);
  });

  it("retries a reply that Discord rate-limits with 429 and Retry-After", async () => {
    fake.failNext({
      method: "POST",
      pathMatch: /\/interactions\/.*\/callback/,
      status: 429,
      retryAfter: 0.2,
    });
    const from = fake.requests.length;
    const body = await command("about");
    expect(body.type).toBe(4);
    const callbacks = fake.requests.slice(from).filter((r) => /\/callback/.test(r.path));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
  });

  it("retries a reply that fails with a 500", async () => {
    fake.failNext({ method: "POST", pathMatch: /\/interactions\/.*\/callback/, status: 500 });
    const from = fake.requests.length;
    const body = await command("about");
    expect(body.type).toBe(4);
    const callbacks = fake.requests.slice(from).filter((r) => /\/callback/.test(r.path));
    expect(callbacks.map((r) => r.status)).toEqual([500, 204]);
  });

  it("resumes after the gateway closes with 4000 and keeps answering", async () => {
    const opsBefore = fake.gatewayOps.length;
    fake.closeGateway(4000);
    await bot.waitForLog("gateway resumed", 15_000);
    expect(fake.gatewayOps.slice(opsBefore).some((op) => op.op === 6)).toBe(true);
    const body = await command("about");
    expect(body.type).toBe(4);
  });

  it("never logs the token", () => {
    expect(bot.output()).not.toContain(TOKEN);
  });

  it("exits 0 soon after SIGTERM", async () => {
    const started = Date.now();
    const code = await bot.stop("SIGTERM");
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
