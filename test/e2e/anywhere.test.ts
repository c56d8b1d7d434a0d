import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIMessage, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCustomId } from "../../src/discord/custom-id.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import {
  APP_ID,
  type BotProcess,
  defaultGuilds,
  GUILD,
  PLAY_CHANNEL,
  POTD_CHANNEL,
  startBotProcess,
  TOKEN,
} from "./bot-process.js";

// Payloads are read as JSON, the way Discord would see them.
type Body = { type: number; data: any };

const EPHEMERAL = 64;
const ADA = { id: "200000000000000011", username: "ada" };
const BOB = { id: "200000000000000012", username: "bob" };
/** Today in UTC, when the test runs: a DM has no server, so "today" is UTC's. */
const TODAY = new Date().toISOString().slice(0, 10);

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;

beforeAll(async () => {
  // The on-this-day fixture, plus three posts written on today's month and day in earlier years.
  dir = mkdtempSync(join(tmpdir(), "curator-anywhere-"));
  const posts = JSON.parse(readFileSync(new URL("../fixtures/on-this-day.json", import.meta.url), "utf8"));
  const year = Number(TODAY.slice(0, 4));
  // 29 February has no match in most years' calendars; the test then uses the 28th's rule (see the library).
  const monthDay = TODAY.slice(5) === "02-29" ? "02-28" : TODAY.slice(5);
  for (const back of [1, 4, 10])
    posts.push({
      id: `today-minus-${back}`,
      title: `Written in ${year - back}`,
      text: `A post from ${year - back}.`,
      topics: [],
      links: [],
      mentions: [],
      createdAt: `${year - back}-${monthDay}T12:00:00Z`,
    });
  writeFileSync(join(dir, "posts.json"), JSON.stringify(posts));

  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: defaultGuilds(),
    heartbeatIntervalMs: 1000,
  });
  bot = startBotProcess({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    // Registered globally: only global commands can be installed by a user and used outside servers.
    DISCORD_REST_URL: fake.restUrl,
    REGISTER_COMMANDS: "true",
    CURATOR_DB: join(dir, "curator.db"),
    COLLECTION_PATH: join(dir, "posts.json"),
    // The same process also serves the HTTP interactions endpoint: one router for both transports.
    INTERACTIONS_PORT: "0",
    INTERACTIONS_HOST: "127.0.0.1",
    DISCORD_PUBLIC_KEY: fake.publicKey,
  });
  const [endpoint] = await Promise.all([
    bot.waitForLog("interactions endpoint listening", 60_000),
    bot.waitForLog("scheduler started", 60_000),
  ]);
  fake.setInteractionUrls([`http://127.0.0.1:${endpoint.port}/interactions`]);
}, 120_000);

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const send = async (payload: ReturnType<FakeDiscord["slashCommand"]>) =>
  (await fake.sendInteraction(payload)) as Body;

function original(payload: { token: string }): APIMessage {
  const message = fake.originalResponse(payload.token);
  if (!message) throw new Error("no original response stored");
  return message;
}

type Button = { custom_id: string; label: string; disabled?: boolean };
const buttons = (message: { components?: unknown[] }): Button[] =>
  ((message.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);
const button = (message: { components?: unknown[] }, label: string) => {
  const found = buttons(message).find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button among ${buttons(message).map((b) => b.label)}`);
  return found;
};

describe("usable anywhere", () => {
  it("registers the commands globally with where they can be installed and used", () => {
    const registered = fake.commands() as { name: string; integration_types: number[]; contexts: number[] }[];
    const where = Object.fromEntries(registered.map((c) => [c.name, [c.integration_types, c.contexts]]));
    const anywhere = [
      [0, 1],
      [0, 1, 2],
    ];
    for (const name of ["search", "random", "post", "onthisday", "saved", "about"])
      expect(where[name]).toEqual(anywhere);
    for (const name of ["potd", "schedule"]) expect(where[name]).toEqual([[0], [0]]);
  });

  it("answers /search, /random and /post in a DM with the bot, installed by the member", async () => {
    const search = await send(
      fake.slashCommand({ name: "search", options: { query: "pi day" }, context: "botDm" }),
    );
    expect(search.type).toBe(4);
    expect(search.data.embeds[0].title).toBe("Search: pi day");
    const random = await send(fake.slashCommand({ name: "random", context: "privateChannel" }));
    expect(random.data.embeds[0].footer.text).toMatch(/^id: /);
    const post = await send(
      fake.slashCommand({ name: "post", options: { id: "leap-2020" }, context: "botDm" }),
    );
    expect(post.data.embeds[0].title).toBe("A leap day");
  });

  it("answers a DM interaction over HTTP too, with the same router", async () => {
    const reply = (await fake.postInteraction(
      fake.slashCommand({ name: "post", options: { id: "march-15" }, context: "botDm", user: ADA }),
    )) as Body;
    expect(reply.type).toBe(4);
    expect(reply.data.embeds[0].title).toBe("The ides of March");
  });

  it("refuses /schedule and /potd outside a server that added Curator, clearly and privately", async () => {
    const inDm = await send(fake.slashCommand({ name: "schedule", subcommand: "status", context: "botDm" }));
    expect(inDm.data.flags).toBe(EPHEMERAL);
    expect(inDm.data.embeds[0].description).toMatch(
      /^`\/schedule` works only in a server that has added Curator/,
    );
    // Installed by the member for themselves, used in a server: no server install authorizes it.
    const userInstall = await send(
      fake.slashCommand({ name: "potd", guildId: GUILD, channelId: PLAY_CHANNEL, install: "user" }),
    );
    expect(userInstall.data.flags).toBe(EPHEMERAL);
    expect(userInstall.data.embeds[0].description).toMatch(
      /^`\/potd` works only in a server that has added Curator/,
    );
    // The reading commands work there.
    const search = await send(
      fake.slashCommand({
        name: "search",
        options: { query: "leap" },
        channelId: PLAY_CHANNEL,
        install: "user",
      }),
    );
    expect(search.data.embeds[0].title).toBe("Search: leap");
  });
});

describe("/onthisday", () => {
  it("lists a day's posts in earlier years, newest first, paged by the asker only", async () => {
    const payload = fake.slashCommand({
      name: "onthisday",
      options: { date: "2026-03-14" },
      channelId: PLAY_CHANNEL,
    });
    const first = await send(payload);
    expect(first.type).toBe(4);
    expect(first.data.flags ?? 0).toBe(0);
    expect(first.data.embeds[0].title).toBe("On this day: 14 March");
    expect(first.data.embeds[0].footer.text).toBe("14 posts · page 1/3 · dates in UTC");
    expect(first.data.embeds[0].description).toMatch(/^\*\*1\. Pi day 2024\*\* · 2 years ago · 2024-03-14/);
    const message = original(payload);
    const next = button(message, "Next");

    const refused = await send(fake.button({ customId: next.custom_id, message, user: BOB }));
    expect(refused.data.flags).toBe(EPHEMERAL);
    expect(refused.data.embeds[0].description).toMatch(/Only the person who asked/);

    const turned = await send(fake.button({ customId: next.custom_id, message }));
    expect(turned.type).toBe(7);
    expect(turned.data.embeds[0].footer.text).toBe("14 posts · page 2/3 · dates in UTC");
    expect(turned.data.embeds[0].description).toMatch(/^\*\*6\. Pi day 2019\*\*/);
  });

  it("takes today in UTC in a DM, where there is no server", async () => {
    const reply = await send(fake.slashCommand({ name: "onthisday", context: "botDm", user: ADA }));
    expect(reply.data.embeds[0].footer.text).toMatch(/ · dates in UTC$/);
    const description: string = reply.data.embeds[0].description;
    expect(description).toMatch(
      new RegExp(`^\\*\\*1\\. Written in ${Number(TODAY.slice(0, 4)) - 1}\\*\\* · 1 year ago`),
    );
    expect(description.indexOf("1 year ago")).toBeLessThan(description.indexOf("4 years ago"));
    expect(description).toContain("10 years ago");
  });

  it("says so, privately, on a day without posts or a date that is not in the calendar", async () => {
    const none = await send(fake.slashCommand({ name: "onthisday", options: { date: "2026-07-01" } }));
    expect(none.data.flags).toBe(EPHEMERAL);
    expect(none.data.embeds[0].description).toMatch(/^No posts from 1 July in years before 2026/);
    const bad = await send(fake.slashCommand({ name: "onthisday", options: { date: "2027-02-29" } }));
    expect(bad.data.embeds[0].description).toBe("date: 2027-02-29 is not a day in the calendar.");
  });
});

describe("/onthisday in a server with a post of the day", () => {
  it("reads dates in the server's zone, and the post of the day carries a Save button too", async () => {
    const set = await send(
      fake.slashCommand({
        name: "schedule",
        subcommand: "set",
        options: { channel: POTD_CHANNEL, time: "23:59", timezone: "Asia/Tokyo" },
        permissions: PermissionFlagsBits.Administrator,
      }),
    );
    expect(set.data.flags).toBe(EPHEMERAL);
    // In Tokyo the afternoon (UTC) posts of 14 March are on the 15th; one evening post of the 13th is on the 14th.
    const reply = await send(
      fake.slashCommand({ name: "onthisday", options: { date: "2026-03-14" }, channelId: PLAY_CHANNEL }),
    );
    expect(reply.data.embeds[0].footer.text).toBe("2 posts · page 1/1 · dates in Asia/Tokyo");
    expect(reply.data.embeds[0].description).toContain("Pi day in Tokyo, not in London");

    const potd = await send(fake.slashCommand({ name: "potd", channelId: PLAY_CHANNEL }));
    expect(buttons(potd.data).map((b) => b.label)).toContain("Save");
  });
});

describe("saved posts", () => {
  it("saves from a post in a server, lists in a DM, removes one, pages, and clears everything", async () => {
    // Save, pressed under a post shown to someone else: it is saved for whoever presses it, answered privately.
    const shown = fake.slashCommand({
      name: "post",
      options: { id: "leap-2020" },
      channelId: PLAY_CHANNEL,
      user: BOB,
    });
    await send(shown);
    const saveLeap = button(original(shown), "Save");
    const saved = await send(
      fake.button({ customId: saveLeap.custom_id, message: original(shown), user: ADA }),
    );
    expect(saved.type).toBe(4);
    expect(saved.data.flags).toBe(EPHEMERAL);
    expect(saved.data.embeds[0].description).toBe(
      "Saved **A leap day** (1 of 100). See your saved posts with `/saved list`.",
    );
    const again = await send(
      fake.button({ customId: saveLeap.custom_id, message: original(shown), user: ADA }),
    );
    expect(again.data.embeds[0].description).toMatch(/is already in your saved posts \(1 of 100\)/);

    // Six more, from a DM: the Save button of /onthisday's post, opened from its menu.
    for (const year of [2015, 2016, 2017, 2018, 2019, 2020]) {
      const post = fake.slashCommand({
        name: "post",
        options: { id: `pi-day-${year}` },
        context: "botDm",
        user: ADA,
      });
      await send(post);
      const body = await send(
        fake.button({
          customId: button(original(post), "Save").custom_id,
          message: original(post),
          context: "botDm",
          user: ADA,
        }),
      );
      expect(body.data.embeds[0].description).toMatch(/^Saved \*\*Pi day \d+\*\*/);
    }

    const list = fake.slashCommand({ name: "saved", subcommand: "list", context: "botDm", user: ADA });
    const listed = await send(list);
    expect(listed.data.flags).toBe(EPHEMERAL);
    expect(listed.data.embeds[0].title).toBe("Your saved posts");
    expect(listed.data.embeds[0].footer.text).toBe(
      "7 of 100 saved · page 1/2 · /saved clear deletes them all",
    );
    expect(listed.data.embeds[0].description).toMatch(/^\*\*1\. Pi day 2020\*\*/);
    let message = original(list);
    expect(buttons(message).map((b) => b.label ?? "(menu)")).toEqual([
      "(menu)",
      "Remove 1",
      "Remove 2",
      "Remove 3",
      "Remove 4",
      "Remove 5",
      "Previous",
      "Next",
    ]);

    // Someone else's list cannot be changed, even with its buttons.
    const forged = await send(
      fake.button({
        customId: button(message, "Remove 1").custom_id,
        message,
        context: "botDm",
        user: BOB,
      }),
    );
    expect(forged.data.embeds[0].description).toMatch(/someone else's saved posts/);

    const removed = await send(
      fake.button({ customId: button(message, "Remove 1").custom_id, message, context: "botDm", user: ADA }),
    );
    expect(removed.type).toBe(7);
    expect(removed.data.embeds[0].footer.text).toMatch(/^6 of 100 saved · page 1\/2/);
    expect(removed.data.embeds[0].description).toMatch(/^\*\*1\. Pi day 2019\*\*/);
    message = original(list);
    const page2 = await send(
      fake.button({ customId: button(message, "Next").custom_id, message, context: "botDm", user: ADA }),
    );
    expect(page2.type).toBe(7);
    expect(page2.data.embeds[0].description).toMatch(/^\*\*6\. A leap day\*\*/);

    // Bob saved nothing; Ada's clear deletes hers only.
    const bobs = await send(fake.slashCommand({ name: "saved", subcommand: "list", user: BOB }));
    expect(bobs.data.embeds[0].description).toMatch(/^You have no saved posts/);
    const list6 = () => fake.slashCommand({ name: "saved", subcommand: "list", context: "botDm", user: ADA });
    // /saved clear only asks, privately: nothing is deleted yet.
    const clear = () =>
      fake.slashCommand({ name: "saved", subcommand: "clear", channelId: PLAY_CHANNEL, user: ADA });
    const ask = clear();
    const asked = await send(ask);
    expect(asked.data.flags).toBe(EPHEMERAL);
    expect(asked.data.embeds[0].description).toBe("Delete all your 6 saved posts? This cannot be undone.");
    expect(buttons(asked.data).map((b) => b.label)).toEqual(["Delete all", "Cancel"]);
    expect((await send(list6())).data.embeds[0].footer.text).toMatch(/^6 of 100 saved/);

    // The buttons work only for Ada: Bob pressing Delete all deletes nothing.
    const question = original(ask);
    const bobPresses = await send(
      fake.button({ customId: button(question, "Delete all").custom_id, message: question, user: BOB }),
    );
    expect(bobPresses.data.embeds[0].description).toMatch(/someone else's saved posts/);
    expect((await send(list6())).data.embeds[0].footer.text).toMatch(/^6 of 100 saved/);

    // Cancel: the question becomes "nothing was deleted", without buttons; the list is untouched.
    const cancelled = await send(
      fake.button({ customId: button(question, "Cancel").custom_id, message: question, user: ADA }),
    );
    expect(cancelled.type).toBe(7);
    expect(cancelled.data.embeds[0].description).toMatch(/^Nothing was deleted/);
    expect(cancelled.data.components).toEqual([]);
    expect((await send(list6())).data.embeds[0].footer.text).toMatch(/^6 of 100 saved/);

    // A confirmation pressed long after it was asked (here: asked 6 minutes ago) deletes nothing and says why.
    const stale = encodeCustomId({
      kind: "savedClear",
      userId: ADA.id,
      askedAt: Math.floor(Date.now() / 1000) - 6 * 60,
      confirm: true,
    });
    const expired = await send(fake.button({ customId: stale, message: question, user: ADA }));
    expect(expired.type).toBe(7);
    expect(expired.data.embeds[0].description).toBe(
      "This confirmation is more than 5 minutes old, so nothing was deleted. Run `/saved clear` again if you still want to.",
    );
    expect((await send(list6())).data.embeds[0].footer.text).toMatch(/^6 of 100 saved/);

    // Asked again and confirmed: everything goes.
    const askAgain = clear();
    await send(askAgain);
    const confirmed = await send(
      fake.button({
        customId: button(original(askAgain), "Delete all").custom_id,
        message: original(askAgain),
        user: ADA,
      }),
    );
    expect(confirmed.type).toBe(7);
    expect(confirmed.data.embeds[0].description).toBe("Deleted your 6 saved posts.");
    expect(confirmed.data.components).toEqual([]);
    const empty = await send(list6());
    expect(empty.data.embeds[0].description).toMatch(/^You have no saved posts/);
    // With nothing saved, clear says so at once (nothing to confirm).
    const nothing = await send(clear());
    expect(nothing.data.embeds[0].description).toBe("You had no saved posts: there was nothing to delete.");
    expect(nothing.data.components ?? []).toEqual([]);
  });
});
