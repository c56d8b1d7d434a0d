import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIMessage, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, type SlashCommandInput, startFakeDiscord } from "../fake-discord/index.js";
import { freePort } from "../free-port.js";
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
type Body = { type: number; data?: any; url?: string };

const REPLICAS = 3;
let fake: FakeDiscord;
let gateway: BotProcess;
let replicas: BotProcess[];
let urls: string[];
let dir: string;
let metricsPort: number;

beforeAll(async () => {
  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: defaultGuilds(),
    heartbeatIntervalMs: 1000,
  });
  dir = mkdtempSync(join(tmpdir(), "curator-http-"));
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_GUILD_ID: GUILD,
    DISCORD_REST_URL: fake.restUrl,
    // One SQLite file for every process of this host: /schedule over HTTP is seen by the gateway's scheduler.
    CURATOR_DB: join(dir, "curator.db"),
  };
  gateway = startBotProcess({ ...env, REGISTER_COMMANDS: "true", CURATOR_ROLES: "gateway,scheduler" });
  await gateway.waitForLog("scheduler started", 60_000);
  metricsPort = await freePort();
  replicas = Array.from({ length: REPLICAS }, (_, i) =>
    startBotProcess({
      ...env,
      // The first replica also serves /healthz: an HTTP-only process has no gateway to wait for.
      ...(i === 0 ? { METRICS_PORT: String(metricsPort) } : {}),
      CURATOR_ROLES: "http",
      INTERACTIONS_PORT: "0",
      INTERACTIONS_HOST: "127.0.0.1",
      DISCORD_PUBLIC_KEY: fake.publicKey,
    }),
  );
  const ready = await Promise.all(
    replicas.map((r) => r.waitForLog("interactions endpoint listening", 60_000)),
  );
  urls = ready.map((entry) => `http://127.0.0.1:${entry.port}/interactions`);
  fake.setInteractionUrls(urls);
}, 120_000);

afterAll(async () => {
  await Promise.all([gateway, ...(replicas ?? [])].map((p) => p?.stop("SIGKILL")));
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const overGateway = async (payload: ReturnType<FakeDiscord["slashCommand"]>) =>
  (await fake.sendInteraction(payload)) as Body;
const overHttp = async (payload: ReturnType<FakeDiscord["slashCommand"]>) =>
  (await fake.postInteraction(payload)) as Body;

function withoutUrl({ url: _url, ...body }: Body): Body {
  return body;
}

describe("3 HTTP interaction replicas as real processes", () => {
  it("reports an HTTP-only replica healthy on /healthz (no gateway to wait for)", async () => {
    const response = await fetch(`http://127.0.0.1:${metricsPort}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers PING with PONG on every replica", async () => {
    for (const url of urls) {
      const pong = await fake.postInteraction({ type: 1, id: "1", token: "ping" }, { url });
      expect(pong.type).toBe(1);
    }
  });

  it("gives the same payload over HTTP as over the gateway, for commands, autocomplete, buttons and menus", async () => {
    const commands: SlashCommandInput[] = [
      { name: "search", options: { query: "learning rate" } },
      { name: "search", options: { query: "bellard", hide: true } },
      { name: "search", options: { query: "zzzqqqxxx" } },
      { name: "post", options: { id: "bellard" } },
      { name: "potd", options: {} },
      { name: "nosuchcommand", options: {} },
    ];
    for (const command of commands) {
      const viaGateway = await overGateway(fake.slashCommand(command));
      const viaHttp = await overHttp(fake.slashCommand(command));
      expect(withoutUrl(viaHttp), command.name).toEqual(viaGateway);
      expect(viaHttp.type).toBe(4);
    }

    const typing = { name: "search", options: { query: "lear" }, focused: "query" };
    const choices = await overHttp(fake.autocomplete(typing));
    expect(choices.type).toBe(8);
    expect(choices.data.choices.length).toBeGreaterThan(0);
    expect(withoutUrl(choices)).toEqual(await overGateway(fake.autocomplete(typing)));

    // Turning a page and opening a result from the menu, on a search answered over HTTP and one over the gateway.
    const searches = [fake.slashCommand(commands[0]!), fake.slashCommand(commands[0]!)];
    await overHttp(searches[0]!);
    await overGateway(searches[1]!);
    const original = (payload: { token: string }): APIMessage => {
      const message = fake.originalResponse(payload.token);
      if (!message) throw new Error("no original response stored");
      return message;
    };
    const httpMessage = original(searches[0]!);
    const gatewayMessage = original(searches[1]!);
    const next = (message: APIMessage) => (message.components as any)[1].components[1].custom_id;
    const menu = (message: APIMessage) => (message.components as any)[0].components[0];
    const pageHttp = await overHttp(fake.button({ customId: next(httpMessage), message: httpMessage }));
    const pageGateway = await overGateway(
      fake.button({ customId: next(gatewayMessage), message: gatewayMessage }),
    );
    expect(pageHttp.type).toBe(7);
    expect(withoutUrl(pageHttp)).toEqual(pageGateway);
    const pick = (message: APIMessage) =>
      fake.selectMenu({
        customId: menu(message).custom_id,
        values: [menu(message).options[0].value],
        message,
      });
    const openedHttp = await overHttp(pick(original(searches[0]!)));
    const openedGateway = await overGateway(pick(original(searches[1]!)));
    expect(openedHttp.data.flags).toBe(64);
    expect(withoutUrl(openedHttp)).toEqual(openedGateway);
  });

  it("takes the replicas in turn and answers in the HTTP response, never with a REST callback", async () => {
    const from = fake.requests.length;
    const answered = [];
    for (let i = 0; i < REPLICAS * 2; i++) {
      answered.push(await overHttp(fake.slashCommand({ name: "post", options: { id: "bellard" } })));
    }
    expect(new Set(answered.map((a) => a.url))).toEqual(new Set(urls));
    expect(fake.requests.slice(from).filter((r) => r.path.startsWith("/interactions/"))).toEqual([]);
  });

  it("refuses bad and missing signatures, old captures, replays and 1 MB bodies on every replica", async () => {
    for (const url of urls) {
      const payload = JSON.stringify(fake.slashCommand({ name: "post", options: { id: "bellard" } }));
      expect((await fake.postToEndpoint(url, payload, { signature: "none" })).status).toBe(401);
      expect((await fake.postToEndpoint(url, payload, { signature: "bad" })).status).toBe(401);
      const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
      expect((await fake.postToEndpoint(url, payload, { timestamp: tenMinutesAgo })).status).toBe(401);
      expect((await fake.postToEndpoint(url, '{"type":1}', { timestamp: tenMinutesAgo })).status).toBe(401);

      // The same signed request twice: answered once (Discord has no record of it, so the fake says 10062).
      const ping = JSON.stringify({ type: 1 });
      expect((await fake.postToEndpoint(url, ping)).status).toBe(200);
      const once = JSON.stringify(fake.slashCommand({ name: "about" }));
      const timestamp = Math.floor(Date.now() / 1000);
      expect((await fake.postToEndpoint(url, once, { timestamp })).status).toBe(200);
      const replay = await fake.postToEndpoint(url, once, { timestamp });
      expect(replay).toMatchObject({ status: 401, body: { message: "replayed" } });

      const huge = Buffer.alloc(1024 * 1024, "a");
      expect((await fake.postToEndpoint(url, huge)).status).toBe(413);
      expect((await fake.postToEndpoint(url, huge, { signature: "none" })).status).toBe(413);
    }
  });

  it("survives garbage that carries a valid signature, and keeps answering", async () => {
    const garbage = [
      "",
      "not json",
      "null",
      "[]",
      '{"type":"2"}',
      '{"type":2}',
      `{"type":2,"id":"1","token":"t","application_id":"${APP_ID}"}`,
      `{"type":3,"id":"2","token":"t","application_id":"${APP_ID}","data":{}}`,
      `{"type":99,"id":"3","token":"t","application_id":"${APP_ID}","data":{}}`,
      "\u0000\u00ff".repeat(1000),
    ];
    for (const url of urls) {
      for (const body of garbage) {
        const reply = await fake.postToEndpoint(url, body);
        expect([200, 400], `${url} ${body.slice(0, 40)}`).toContain(reply.status);
      }
      const pong = await fake.postInteraction({ type: 1, id: "1", token: "ping" }, { url });
      expect(pong.type).toBe(1);
    }
    for (const replica of replicas) expect(replica.child.exitCode).toBeNull();
  });

  it("runs /schedule over HTTP (permissions asked over REST); a late answer is deferred, then edited in", async () => {
    const admin = { permissions: PermissionFlagsBits.Administrator };
    const set = (channel: string) =>
      fake.slashCommand({
        name: "schedule",
        subcommand: "set",
        options: { channel, time: "23:59", timezone: "Europe/Paris" },
        ...admin,
      });
    const quick = await overHttp(set(POTD_CHANNEL));
    expect(quick.type).toBe(4);
    expect(quick.data.embeds[0].description).toContain(`<#${POTD_CHANNEL}> at 23:59 Europe/Paris`);

    // Discord waits 3 s: a reply held up by a slow REST call goes out as a deferral, then as an edit.
    const slow = fake.delayNext({ method: "GET", pathMatch: /^\/guilds\/\d+$/, ms: 3500 });
    const payload = set(PLAY_CHANNEL);
    const from = fake.requests.length;
    const deferred = await overHttp(payload);
    await slow;
    expect(deferred).toMatchObject({ type: 5, data: { flags: 64 } });
    await fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${payload.token}/messages/@original`),
      10_000,
      from,
    );
    const edited = fake.originalResponse(payload.token) as any;
    expect(edited.embeds[0].description).toContain(`<#${PLAY_CHANNEL}> at 23:59 Europe/Paris`);

    // The gateway process reads the same store.
    const status = await overGateway(fake.slashCommand({ name: "schedule", subcommand: "status", ...admin }));
    expect(JSON.stringify(status.data.embeds[0])).toContain(PLAY_CHANNEL);
  });

  it("stops a replica on SIGTERM (exit 0) while the others keep answering", async () => {
    const last = replicas[REPLICAS - 1]!;
    expect(await last.stop("SIGTERM")).toBe(0);
    expect(last.output()).toContain('"msg":"shutting down"');
    for (const url of urls.slice(0, -1)) {
      expect((await fake.postInteraction({ type: 1, id: "1", token: "ping" }, { url })).type).toBe(1);
    }
  });
});
