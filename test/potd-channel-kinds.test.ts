/**
 * The scheduler's transport against the fake Discord for each kind of channel: an announcement published to its
 * followers, a forum post, a thread per post; and crash repair reading a forum's posts, archived ones included.
 */
import { ChannelType, PermissionFlagsBits, REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPotdTransport } from "../src/discord/potd-transport.js";
import type { Language } from "../src/i18n/languages.js";
import type { Post } from "../src/library/post.js";
import type { PotdSchedule } from "../src/scheduler/schedule.js";
import { PLAIN_OPTIONS } from "../src/store/schedule-fields.js";
import { type FakeDiscord, startFakeDiscord } from "./fake-discord/index.js";
import { DEFAULT_BOT_PERMISSIONS } from "./fake-discord/model.js";

const TOKEN = "fake-bot-token.0123456789abcdefghijklmnop";
const GUILD = "400000000000000001";
const NEWS = "500000000000000001";
const FORUM = "500000000000000002";
const TEXT = "500000000000000003";
const post: Post = {
  id: "p1",
  title: "Cats",
  text: "About cats.",
  topics: ["cats"],
  links: [],
  mentions: [],
};
const never = new AbortController().signal;

let fake: FakeDiscord;
let transport: ReturnType<typeof createPotdTransport>;
beforeAll(async () => {
  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: "300000000000000001",
    guilds: [
      {
        id: GUILD,
        name: "server",
        channels: [
          { id: NEWS, name: "news", type: ChannelType.GuildAnnouncement },
          { id: FORUM, name: "forum", type: ChannelType.GuildForum },
          { id: TEXT, name: "text" },
        ],
        botPermissions: DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.CreatePublicThreads,
      },
    ],
  });
  const rest = new REST({ retries: 0, api: fake.restUrl }).setToken(TOKEN);
  transport = createPotdTransport(rest, () => fake.botUserId);
});
afterAll(async () => {
  await fake?.stop();
});

const schedule = (over: Partial<PotdSchedule>): PotdSchedule => ({
  guildId: GUILD,
  name: "daily",
  channelId: TEXT,
  timeZone: "UTC",
  at: { time: "09:00" },
  ...PLAIN_OPTIONS,
  source: "settings",
  ...over,
});
const day = (localDate: string) => ({ localDate, nonce: `n-${localDate}` });

describe("the post of the day in each kind of channel", () => {
  it("publishes a post in an announcement channel to its followers, once", async () => {
    const news = schedule({ channelId: NEWS, channelKind: "announcement", crosspost: true });
    const { messageId, warning } = await transport.send(NEWS, post, news, day("2026-11-30"), never);
    expect(warning).toBeUndefined();
    const [message] = fake.messages(NEWS);
    expect(message!.id).toBe(messageId);
    expect(message!.flags! & 1).toBe(1);
    // Publishing it again is refused by Discord; the post is out all the same, so it is a warning.
    const again = await fetch(`${fake.restUrl}/v10/channels/${NEWS}/messages/${messageId}/crosspost`, {
      method: "POST",
      headers: { authorization: `Bot ${TOKEN}` },
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: number }).code).toBe(40033);
  });

  it("says so when a text channel's post cannot be published, without failing the post", async () => {
    const wrong = schedule({ channelId: TEXT, channelKind: "announcement", crosspost: true });
    const { warning } = await transport.send(TEXT, post, wrong, day("2026-11-29"), never);
    expect(warning).toMatch(/^posted, but could not publish it: .*50024/);
  });

  it("makes a forum post named by the heading, which crash repair finds, archived or not", async () => {
    const forum = schedule({ channelId: FORUM, channelKind: "forum", template: "{topic}: {title} ({date})" });
    const before = new Date(Date.now() - 60_000);
    const { messageId } = await transport.send(FORUM, post, forum, day("2026-11-30"), never);
    const [thread] = fake.threads(FORUM);
    expect(thread).toMatchObject({
      id: messageId,
      name: "cats: Cats (2026-11-30)",
      type: ChannelType.PublicThread,
    });
    expect(fake.messages(messageId)[0]!.content).toBe("cats: Cats (2026-11-30)");
    expect(await transport.findPosted(FORUM, before, never, forum)).toEqual([
      { id: messageId, marker: "2026-11-30" },
    ]);
    fake.archiveThread(messageId);
    expect(await transport.findPosted(FORUM, before, never, forum)).toEqual([
      { id: messageId, marker: "2026-11-30" },
    ]);
    expect(await transport.findPosted(FORUM, new Date(Date.now() + 60_000), never, forum)).toEqual([]);
    // A forum takes no plain message.
    const plain = await fetch(`${fake.restUrl}/v10/channels/${FORUM}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "hello" }),
    });
    expect(((await plain.json()) as { code: number }).code).toBe(50008);
  });

  it("opens a thread on each post in a text channel", async () => {
    const threads = schedule({ channelKind: "thread", template: "Daily {title} · {date}" });
    const { messageId, warning } = await transport.send(TEXT, post, threads, day("2026-12-01"), never);
    expect(warning).toBeUndefined();
    expect(fake.threads(TEXT).map((t) => [t.id, t.name])).toEqual([[messageId, "Daily Cats · 2026-12-01"]]);
    const found = await transport.findPosted(TEXT, new Date(Date.now() - 60_000), never, threads);
    expect(found.find((m) => m.id === messageId)?.marker).toBe("2026-12-01");
    // One thread per message: Discord refuses a second.
    const again = await fetch(`${fake.restUrl}/v10/channels/${TEXT}/messages/${messageId}/threads`, {
      method: "POST",
      headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "again" }),
    });
    expect(((await again.json()) as { code: number }).code).toBe(160004);
  });
  it("writes in the server's language, and crash repair finds a Japanese forum post and a French message", async () => {
    const rest = new REST({ retries: 0, api: fake.restUrl }).setToken(TOKEN);
    const japanese = createPotdTransport(
      rest,
      () => fake.botUserId,
      () => "ja",
    );
    const forum = schedule({ channelId: FORUM, channelKind: "forum" });
    const before = new Date(Date.now() - 1000);
    const { messageId } = await japanese.send(FORUM, post, forum, day("2026-12-01"), never);
    expect(fake.threads(FORUM).find((t) => t.id === messageId)?.name).toBe("今日の投稿 · 2026年12月1日");
    // The name carries no ISO date: the forum post's first message's Save button says the day.
    expect(await japanese.findPosted(FORUM, before, never, forum)).toContainEqual({
      id: messageId,
      marker: "2026-12-01",
    });

    const french = createPotdTransport(
      rest,
      () => fake.botUserId,
      async (): Promise<Language> => "fr",
    );
    const text = schedule({ channelId: TEXT, template: "{title}, le {date}" });
    const sent = await french.send(TEXT, post, text, day("2026-12-02"), never);
    expect(fake.messages(TEXT).find((m) => m.id === sent.messageId)?.content).toBe(
      "Cats, le 2 décembre 2026",
    );
    const found = await french.findPosted(TEXT, before, never, text);
    expect(found).toContainEqual({ id: sent.messageId, marker: "2026-12-02" });
  });
});

describe("finishing a post found in the channel instead of sent", () => {
  const bot = () => ({ id: fake.botUserId, username: "Curator" });
  const crossposts = (id: string) =>
    fake.requests.filter(
      (r) => r.method === "POST" && r.path === `/channels/${NEWS}/messages/${id}/crosspost`,
    );

  it("publishes it, and takes Discord's 'already crossposted' (40033) as done", async () => {
    const news = schedule({ channelId: NEWS, channelKind: "announcement", crosspost: true });
    const found = fake.addMessage(NEWS, "**Post of the day** · 2026-12-02", bot());
    expect(await transport.finish(NEWS, found.id, post, news, { localDate: "2026-12-02" })).toEqual({});
    expect(fake.messages(NEWS).find((m) => m.id === found.id)!.flags! & 1).toBe(1);
    // Found again after a crash that came after the publishing: Discord says it is done, and so it is.
    expect(await transport.finish(NEWS, found.id, post, news, { localDate: "2026-12-02" })).toEqual({});
    expect(crossposts(found.id).map((r) => r.status)).toEqual([200, 400]);
  });

  it("opens its thread, and takes 'a thread has already been created' (160004) as done", async () => {
    const threads = schedule({ channelKind: "thread", template: "Daily {title} · {date}" });
    const found = fake.addMessage(TEXT, "Daily Cats · 2026-12-02", bot());
    expect(await transport.finish(TEXT, found.id, post, threads, { localDate: "2026-12-02" })).toEqual({});
    expect(await transport.finish(TEXT, found.id, post, threads, { localDate: "2026-12-02" })).toEqual({});
    expect(
      fake
        .threads(TEXT)
        .filter((t) => t.id === found.id)
        .map((t) => t.name),
    ).toEqual(["Daily Cats · 2026-12-02"]);
    // The claimed post gone from the collection: the thread is named by the heading without a title.
    const orphan = fake.addMessage(TEXT, "**Post of the day** · 2026-12-03", bot());
    await transport.finish(TEXT, orphan.id, undefined, schedule({ channelKind: "thread" }), {
      localDate: "2026-12-03",
    });
    expect(fake.threads(TEXT).find((t) => t.id === orphan.id)?.name).toBe("Post of the day · 2026-12-03");
  });

  it("reports any other refusal as a warning, and does nothing for a plain text channel", async () => {
    const news = schedule({ channelId: NEWS, channelKind: "announcement", crosspost: true });
    const gone = "500000000000000999";
    expect(await transport.finish(NEWS, gone, post, news, { localDate: "2026-12-04" })).toEqual({
      warning: expect.stringMatching(/^posted, but could not publish it: .*10008/),
    });
    const before = fake.requests.length;
    const found = fake.addMessage(TEXT, "**Post of the day** · 2026-12-04", bot());
    expect(await transport.finish(TEXT, found.id, post, schedule({}), { localDate: "2026-12-04" })).toEqual(
      {},
    );
    expect(fake.requests.length).toBe(before);
  });
});
