import { once } from "node:events";
import {
  ButtonStyle,
  ChannelType,
  Client,
  ComponentType,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  type TextChannel,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { type FakeDiscord, type FakeGuild, startFakeDiscord } from "./fake-discord/index.js";

const TOKEN = "fake-bot-token";
const APPLICATION_ID = "100000000000000001";
const GUILD_ID = "300000000000000001";
const CHANNEL_ID = "300000000000000011";
const QUIET_CHANNEL_ID = "300000000000000012";

const guild: FakeGuild = {
  id: GUILD_ID,
  name: "Fake Guild",
  channels: [
    { id: CHANNEL_ID, name: "general" },
    {
      id: QUIET_CHANNEL_ID,
      name: "read-only",
      permissionOverwrites: [{ id: GUILD_ID, type: "role", deny: PermissionFlagsBits.SendMessages }],
    },
  ],
};

function newClient(restUrl: string, shards?: "auto"): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: restUrl },
    ...(shards ? { shards } : {}),
  });
}

/** discord.js's destroy can hang while a shard reconnects; never let it hold the test run. */
async function destroyWithin(client: Client, ms: number): Promise<void> {
  await Promise.race([client.destroy(), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

describe("fake Discord with a real discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client;
  let onInteraction: (interaction: Interaction) => Promise<unknown> = async () => {};
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APPLICATION_ID,
      guilds: [guild],
      heartbeatIntervalMs: 2000,
    });
    client = newClient(fake.restUrl);
    client.on(Events.InteractionCreate, (interaction) => {
      onInteraction(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
  });

  afterAll(async () => {
    await destroyWithin(client, 2000);
    await fake.stop();
  });

  it("logs in and becomes ready with the guild, its channels and the bot's permissions", async () => {
    const ready = once(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;

    const cached = client.guilds.cache.get(GUILD_ID);
    expect(cached?.name).toBe("Fake Guild");
    const general = client.channels.cache.get(CHANNEL_ID) as TextChannel;
    expect(general.permissionsFor(client.user!.id)?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    const readOnly = client.channels.cache.get(QUIET_CHANNEL_ID) as TextChannel;
    expect(readOnly.permissionsFor(client.user!.id)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(client.application?.id).toBe(APPLICATION_ID);
    expect(fake.gatewayConnections[0]?.query).toEqual({ v: "10", encoding: "json" });
    expect(fake.gatewayOps.find((op) => op.op === 2)?.d).toMatchObject({ token: true, shard: [0, 1] });
  });

  it("echoes registered guild commands with ids", async () => {
    const registered = await client.application!.commands.set(
      [
        {
          name: "search",
          description: "Search the collection",
          options: [
            { type: 3, name: "query", description: "Words to find", required: true, autocomplete: true },
          ],
        },
      ],
      GUILD_ID,
    );
    expect([...registered.values()].map((command) => command.name)).toEqual(["search"]);
    expect(fake.commands(GUILD_ID)[0]?.id).toBe([...registered.keys()][0]);
  });

  it("delivers a slash command and records the reply", async () => {
    let query: string | null = null;
    let repliedId: string | undefined;
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      query = interaction.options.getString("query");
      const response = await interaction.reply({
        content: `Results for ${query}`,
        allowedMentions: { parse: [] },
        withResponse: true,
      });
      repliedId = response.resource?.message?.id;
    };
    const payload = fake.slashCommand({ name: "search", options: { query: "cats" } });
    const callback = await fake.sendInteraction(payload);

    expect(query).toBe("cats");
    expect(callback).toMatchObject({
      type: 4,
      data: { content: "Results for cats", allowed_mentions: { parse: [] } },
    });
    // sendInteraction settles when the callback arrives, before discord.js has read the response.
    await vi.waitFor(() => expect(repliedId).toBeDefined());
    expect(fake.originalResponse(payload.token)).toMatchObject({
      id: repliedId,
      content: "Results for cats",
    });
    expect(handlerErrors).toEqual([]);
  });

  it("delivers a DM interaction as Discord documents it: user, no member, no guild, context and user install", async () => {
    let seen: Record<string, unknown> = {};
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen = {
        user: interaction.user.id,
        member: interaction.member,
        guildId: interaction.guildId,
        context: interaction.context,
        installer: interaction.authorizingIntegrationOwners.userId,
        query: interaction.options.getString("query"),
      };
      await interaction.reply({ content: "in a DM", allowedMentions: { parse: [] } });
    };
    const payload = fake.slashCommand({ name: "search", options: { query: "dm" }, context: "botDm" });
    expect(payload).not.toHaveProperty("member");
    expect(payload).not.toHaveProperty("guild_id");
    expect(payload).toMatchObject({ context: 1, channel: { type: 1 }, user: { id: "200000000000000001" } });
    const callback = await fake.sendInteraction(payload);
    expect(callback).toMatchObject({ type: 4, data: { content: "in a DM" } });
    expect(seen).toEqual({
      user: "200000000000000001",
      member: null,
      guildId: null,
      context: 1,
      installer: "200000000000000001",
      query: "dm",
    });
    const group = fake.slashCommand({ name: "search", options: { query: "g" }, context: "privateChannel" });
    expect(group).toMatchObject({ context: 2, channel: { type: 3 } });
  });

  it("types options from the registered command, inside subcommand groups too", async () => {
    await client.application!.commands.create(
      {
        name: "deck",
        description: "Decks",
        options: [
          {
            type: 2,
            name: "cards",
            description: "Cards",
            options: [
              {
                type: 1,
                name: "draw",
                description: "Draw",
                options: [{ type: 10, name: "count", description: "How many" }],
              },
            ],
          },
        ],
      },
      GUILD_ID,
    );
    let seen: unknown[] = [];
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const { options } = interaction;
      seen = [options.getSubcommandGroup(), options.getSubcommand(), options.getNumber("count")];
      await interaction.reply({ content: "drawn" });
    };
    const payload = fake.slashCommand({
      name: "deck",
      subcommandGroup: "cards",
      subcommand: "draw",
      options: { count: 3 },
    });
    await fake.sendInteraction(payload);

    expect(seen).toEqual(["cards", "draw", 3]);
  });

  it("delivers an autocomplete with the focused option and records the choices", async () => {
    let focused: string | null = null;
    onInteraction = async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      focused = interaction.options.getFocused();
      await interaction.respond([{ name: "cats and dogs", value: "cats and dogs" }]);
    };
    const callback = await fake.sendInteraction(
      fake.autocomplete({ name: "search", options: { query: "ca" }, focused: "query" }),
    );

    expect(focused).toBe("ca");
    expect(callback).toEqual({
      type: 8,
      data: { choices: [{ name: "cats and dogs", value: "cats and dogs" }] },
    });
  });

  it("delivers button, select menu and modal payloads that discord.js accepts", async () => {
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: "pick",
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                { type: ComponentType.Button, customId: "next", label: "Next", style: ButtonStyle.Primary },
              ],
            },
          ],
        });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `pressed ${interaction.customId}` });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.update({ content: `chose ${interaction.values.join(",")}` });
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `typed ${interaction.fields.getTextInputValue("words")}` });
      }
    };
    const command = fake.slashCommand({ name: "search", options: { query: "x" } });
    await fake.sendInteraction(command);
    const original = fake.originalResponse(command.token)!;

    expect(await fake.sendInteraction(fake.button({ customId: "next", message: original }))).toEqual({
      type: 7,
      data: expect.objectContaining({ content: "pressed next" }),
    });
    expect(fake.messages(CHANNEL_ID).find((m) => m.id === original.id)?.content).toBe("pressed next");
    const select = await fake.sendInteraction(
      fake.selectMenu({ customId: "pick", values: ["a", "b"], message: original.id }),
    );
    expect(select.data).toMatchObject({ content: "chose a,b" });
    const modal = await fake.sendInteraction(
      fake.modalSubmit({ customId: "ask", fields: { words: "hello" } }),
    );
    expect(modal).toMatchObject({ type: 4, data: { content: "typed hello" } });
    expect(handlerErrors).toEqual([]);
  });

  it("keeps a deferred reply loading until it is edited, and stores follow-ups", async () => {
    let followUpId = "";
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: "done" });
      followUpId = (await interaction.followUp({ content: "and more", flags: MessageFlags.Ephemeral })).id;
    };
    const payload = fake.slashCommand({ name: "search", options: { query: "slow" } });
    const from = fake.requests.length;

    expect(await fake.sendInteraction(payload)).toMatchObject({ type: 5 });
    const edit = await fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/@original"),
      2000,
      from,
    );
    expect(edit.body).toMatchObject({ content: "done" });
    await fake.waitForRequest(
      (r) => r.method === "POST" && r.path === `/webhooks/${APPLICATION_ID}/${payload.token}`,
    );
    await vi.waitFor(() => expect(followUpId).not.toBe(""));
    expect(fake.originalResponse(payload.token)).toMatchObject({ content: "done", flags: 0 });
    expect(fake.messages(CHANNEL_ID).some((m) => m.id === followUpId)).toBe(false);
  });

  it("stores sent messages, pages them, and refuses a channel the bot cannot write to", async () => {
    const general = client.channels.cache.get(CHANNEL_ID) as TextChannel;
    const first = await general.send("one");
    const second = await general.send("two");
    const older = await general.messages.fetch({ before: second.id, limit: 1, cache: false });
    expect([...older.values()].map((m) => m.id)).toEqual([first.id]);

    const readOnly = client.channels.cache.get(QUIET_CHANNEL_ID) as TextChannel;
    await expect(readOnly.send("nope")).rejects.toMatchObject({ status: 403, code: 50013 });
  });

  it("resumes after closeGateway(4000) and replays an interaction sent while disconnected", async () => {
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: "still here" });
    };
    const resumed = once(client, Events.ShardResume);
    fake.closeGateway(4000);
    const callback = fake.sendInteraction(fake.slashCommand({ name: "search", options: { query: "y" } }));
    await resumed;

    expect(await callback).toMatchObject({ type: 4, data: { content: "still here" } });
    expect(fake.gatewayOps.filter((op) => op.op === 6).map((op) => op.d)).toEqual([
      expect.objectContaining({ token: true, session_id: expect.any(String) }),
    ]);
    const later = await fake.sendInteraction(fake.slashCommand({ name: "search", options: { query: "z" } }));
    expect(later.type).toBe(4);
  });

  it("retries the interaction callback after a 429 with Retry-After", async () => {
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: "after the wait" });
    };
    fake.failNext({
      method: "POST",
      pathMatch: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 429,
      retryAfter: 0.2,
    });
    const payload = fake.slashCommand({ name: "search", options: { query: "slow" } });
    const callback = await fake.sendInteraction(payload);

    expect(callback).toMatchObject({ type: 4, data: { content: "after the wait" } });
    const attempts = fake.requests.filter((r) => r.path.includes(payload.token));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
  });

  it("retries a message send after a 500", async () => {
    fake.failNext({ method: "POST", pathMatch: /^\/channels\/\d+\/messages$/, status: 500 });
    const sent = await (client.channels.cache.get(CHANNEL_ID) as TextChannel).send("persistent");
    const sends = fake.requests.filter(
      (r) => r.method === "POST" && r.path === `/channels/${CHANNEL_ID}/messages`,
    );
    expect(sends.slice(-2).map((r) => r.status)).toEqual([500, 200]);
    expect(fake.messages(CHANNEL_ID).at(-1)?.id).toBe(sent.id);
  });

  it("rejects sendInteraction with Discord's reason when every callback was refused", async () => {
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: "x".repeat(2001) });
    };
    const sent = fake.sendInteraction(fake.slashCommand({ name: "search", options: { query: "long" } }), {
      timeoutMs: 500,
    });
    await expect(sent).rejects.toThrow(/got no callback within 500 ms; refused: .*50035/);
    expect(handlerErrors).toEqual([expect.objectContaining({ status: 400, code: 50035 })]);
    handlerErrors.length = 0;
  });

  it("keeps every send succeeding under seeded random 500s and 429s", async () => {
    const general = client.channels.cache.get(CHANNEL_ID) as TextChannel;
    const from = fake.requests.length;
    fake.failRate({ status500: 0.15, status429: 0.15, seed: 42 });
    const sent = [];
    for (let i = 0; i < 20; i++) sent.push((await general.send(`soak ${i}`)).id);
    fake.clearFaults();

    const statuses = new Set(fake.requests.slice(from).map((r) => r.status));
    expect(statuses).toEqual(new Set([200, 429, 500]));
    const stored = fake.messages(CHANNEL_ID).map((m) => m.id);
    expect(sent.every((id) => stored.includes(id))).toBe(true);
    expect(new Set(sent).size).toBe(20);
  });

  it("makes login reject with a wrong token", async () => {
    const intruder = newClient(fake.restUrl);
    await expect(intruder.login("wrong-token")).rejects.toThrow("An invalid token was provided.");
    const attempt = fake.requests.findLast((r) => r.path === "/gateway/bot");
    expect(attempt).toMatchObject({ authorized: false, status: 401 });
    await destroyWithin(intruder, 1000);
  });

  it("lets client.destroy() close the session for good", async () => {
    await client.destroy();
    await vi.waitFor(() => expect(fake.connectedShards()).toBe(0));
    await expect(fake.sendInteraction(fake.slashCommand({ name: "search" }))).rejects.toThrow(
      /no gateway session/,
    );
  });
});

describe("fake Discord sharding", () => {
  // Two guilds whose ids land on different shards of two: (id >> 22) % 2.
  const evenGuild = String(123_456_788n << 22n);
  const oddGuild = String(123_456_789n << 22n);
  const guilds: FakeGuild[] = [evenGuild, oddGuild].map((id, index) => ({
    id,
    name: `Guild ${index}`,
    channels: [{ id: String(BigInt(id) + 1n), name: "general", type: ChannelType.GuildText }],
  }));

  it("identifies each shard and sends it only its own guilds", async () => {
    const fake = await startFakeDiscord({ token: TOKEN, applicationId: APPLICATION_ID, guilds, shards: 2 });
    // "auto" makes discord.js take the shard count from GET /gateway/bot.
    const client = newClient(fake.restUrl, "auto");
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(TOKEN);
      await ready;

      expect(client.guilds.cache.get(evenGuild)?.shardId).toBe(0);
      expect(client.guilds.cache.get(oddGuild)?.shardId).toBe(1);
      const shards = fake.gatewayOps
        .filter((op) => op.op === 2)
        .map((op) => (op.d as { shard: number[] }).shard);
      expect(shards.sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      let servedBy: number | null = null;
      client.on(Events.InteractionCreate, async (interaction) => {
        servedBy = interaction.guild?.shardId ?? null;
        if (interaction.isChatInputCommand()) await interaction.reply({ content: "ok" });
      });
      await fake.sendInteraction(fake.slashCommand({ name: "search", guildId: oddGuild }));
      expect(servedBy).toBe(1);
    } finally {
      await destroyWithin(client, 2000);
      await fake.stop();
    }
  });
});

describe("fake Discord protocol details", () => {
  let fake: FakeDiscord;
  const authorized = { authorization: `Bot ${TOKEN}` };

  beforeAll(async () => {
    fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APPLICATION_ID,
      guilds: [guild],
      heartbeatIntervalMs: 500,
    });
  });

  afterAll(() => fake.stop());

  async function get(path: string, headers: Record<string, string> = authorized) {
    const response = await fetch(`${fake.restUrl}/v10${path}`, { headers });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  it("answers a wrong token with 401 and an unknown route with 404, recording both", async () => {
    expect(await get("/gateway/bot", { authorization: "Bot nope" })).toMatchObject({
      status: 401,
      body: { message: "401: Unauthorized", code: 0 },
    });
    expect(await get("/no/such/route")).toMatchObject({
      status: 404,
      body: { message: "404: Not Found", code: 0 },
    });
    expect(fake.requests.map((r) => [r.path, r.authorized, r.status])).toEqual([
      ["/gateway/bot", false, 401],
      ["/no/such/route", true, 404],
    ]);
    expect(fake.requests[0]?.headers).not.toHaveProperty("authorization");
  });

  it("answers 429 with Retry-After and global headers once the per-second budget is spent", async () => {
    fake.rateLimit({ perSecond: 2 });
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await get("/users/@me")).status);
    const limited = await get("/users/@me");
    fake.clearFaults();

    expect(statuses).toEqual([200, 200]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("x-ratelimit-global")).toBe("true");
    expect(limited.headers.get("x-ratelimit-scope")).toBe("global");
    expect(limited.body).toMatchObject({ message: "You are being rate limited.", global: true });
  });

  it("fails at the same requests for the same failRate seed", async () => {
    const run = async () => {
      fake.failRate({ status500: 0.2, status429: 0.2, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await get("/users/@me")).status);
      fake.clearFaults();
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 500]));
  });

  it("says HELLO, acknowledges heartbeats, refuses a wrong token with 4004 and an unknown session with op 9", async () => {
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const frames: { op: number; d: unknown }[] = [];
    const closed = once(socket, "close");
    socket.on("message", (data) => frames.push(JSON.parse(String(data))));
    await once(socket, "open");
    await vi.waitFor(() =>
      expect(frames[0]).toEqual({ op: 10, d: { heartbeat_interval: 500 }, s: null, t: null }),
    );

    socket.send(JSON.stringify({ op: 1, d: null }));
    await vi.waitFor(() => expect(frames.at(-1)?.op).toBe(11));
    socket.send(JSON.stringify({ op: 6, d: { token: TOKEN, session_id: "unknown", seq: 3 } }));
    await vi.waitFor(() => expect(frames.at(-1)).toMatchObject({ op: 9, d: false }));
    socket.send(JSON.stringify({ op: 2, d: { token: "wrong", intents: 1, properties: {} } }));
    const [code] = await closed;
    expect(code).toBe(4004);
  });
});
