/** A fake Discord (REST + gateway) on 127.0.0.1 for end-to-end tests of a real discord.js client. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIMessage, APIThreadChannel } from "discord.js";
import {
  type DelayNextOptions,
  type FailNextOptions,
  type FailRateOptions,
  Faults,
  type LoseAnswerOptions,
  type RateLimitOptions,
} from "./faults.js";
import { FakeGateway, GATEWAY_PATH, type GatewayConnection, type ReceivedOp } from "./gateway.js";
import { type EndpointReply, HttpInteractions, type SignedPostOptions } from "./http-interactions.js";
import {
  type AutocompleteInput,
  type ButtonInput,
  InteractionBuilders,
  type InteractionPayload,
  type ModalSubmitInput,
  type SelectMenuInput,
  type SlashCommandInput,
} from "./interactions.js";
import { type FakeGuild, GuildModel, makeUser } from "./model.js";
import { createRestHandler } from "./rest.js";
import { createSnowflakes } from "./snowflake.js";
import { FakeState, type InteractionCallbackBody, type RecordedRequest } from "./state.js";

export type {
  DelayNextOptions,
  FailNextOptions,
  FailRateOptions,
  LoseAnswerOptions,
  RateLimitOptions,
} from "./faults.js";
export type { GatewayConnection, ReceivedOp } from "./gateway.js";
export type { EndpointReply, SignedPostOptions } from "./http-interactions.js";
export type * from "./interactions.js";
export type { FakeChannel, FakeGuild, FakeOverwrite, FakeRole } from "./model.js";
export type { InteractionCallbackBody, RecordedRequest } from "./state.js";

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  guilds: FakeGuild[];
  botUserId?: string;
  botUsername?: string;
  /** `shards` in GET /gateway/bot (default 1). */
  shards?: number;
  /** `max_concurrency` in GET /gateway/bot (default 16, so shards identify without discord.js's 5 s spacing). */
  maxConcurrency?: number;
  /** Default 41250 ms, like Discord; tests may use less. */
  heartbeatIntervalMs?: number;
  /** How long `enforce_nonce` deduplicates a message (default 3 minutes, Discord's "few minutes"; 0 = off). */
  nonceWindowMs?: number;
}

export interface SendInteractionOptions {
  /** Default 3000 ms: Discord's own deadline for the first answer. */
  timeoutMs?: number;
}

export interface FakeDiscord {
  readonly restUrl: string;
  readonly gatewayUrl: string;
  readonly requests: RecordedRequest[];
  /** Ops received on the gateway (IDENTIFY, RESUME, heartbeats...), tokens replaced by whether they matched. */
  readonly gatewayOps: ReceivedOp[];
  readonly gatewayConnections: GatewayConnection[];
  readonly botUserId: string;

  failNext(options: FailNextOptions): void;
  /** Holds back the answer to the next matching request by `ms`; resolves when that request has arrived. */
  delayNext(options: DelayNextOptions): Promise<void>;
  /** Carries out the next matching request but loses its answer (a 502, or no answer at all). */
  loseAnswer(options: LoseAnswerOptions): void;
  /** Changes how long `enforce_nonce` deduplicates (0 = off). */
  setNonceWindow(ms: number): void;
  /** The token is reset in the Developer Portal: every REST call gets 401 and the gateway closes with 4004. */
  revokeToken(): void;
  rateLimit(options: RateLimitOptions | null): void;
  failRate(options: FailRateOptions | null): void;
  clearFaults(): void;

  closeGateway(code?: number): void;
  /** Shard sockets currently attached to a gateway session. */
  connectedShards(): number;
  /** Sends a raw dispatch to the shard owning `guildId` (buffered for RESUME while it is disconnected). */
  dispatch(event: string, data: unknown, guildId?: string): boolean;

  slashCommand(input: SlashCommandInput): InteractionPayload;
  autocomplete(input: AutocompleteInput): InteractionPayload;
  button(input: ButtonInput): InteractionPayload;
  selectMenu(input: SelectMenuInput): InteractionPayload;
  modalSubmit(input: ModalSubmitInput): InteractionPayload;
  /** Dispatches INTERACTION_CREATE; resolves with the body of the interaction callback the bot POSTs. */
  sendInteraction(
    payload: InteractionPayload,
    options?: SendInteractionOptions,
  ): Promise<InteractionCallbackBody>;
  /** Discord's Ed25519 public key for this fake application (hex): the bot's DISCORD_PUBLIC_KEY. */
  readonly publicKey: string;
  /** The bot's interactions endpoints; `postInteraction` takes them in turn (round-robin). */
  setInteractionUrls(urls: string[]): void;
  /**
   * Signs the interaction and POSTs it to the next endpoint; resolves with the HTTP response's answer (plus the
   * `url` that answered), stored as the interaction's callback. Rejects on any status but 200 or a refused answer.
   */
  postInteraction(
    payload: InteractionPayload | { type: 1; id: string; token: string },
    options?: { timeoutMs?: number; url?: string },
  ): Promise<InteractionCallbackBody & { url: string }>;
  /** POSTs raw bytes to an endpoint, signed (or with a bad, missing or old signature); resolves with any status. */
  postToEndpoint(url: string, body: string | Buffer, options?: SignedPostOptions): Promise<EndpointReply>;
  /** The message an interaction's @original points to (after a reply/defer/update), if any. */
  originalResponse(interactionToken: string): APIMessage | undefined;

  /** Messages of a channel, oldest first (ephemeral ones are not in a channel). */
  messages(channelId: string): APIMessage[];
  /** Threads and forum posts whose parent is `parentId`, oldest first. */
  threads(parentId: string): APIThreadChannel[];
  /** Archives a thread, as Discord does after its auto-archive duration without activity. */
  archiveThread(threadId: string): void;
  /** Stores a message as if someone had posted it (author defaults to the test user). */
  addMessage(channelId: string, content: string, author?: { id: string; username: string }): APIMessage;
  /** Registered commands: global without argument, else those of a guild. */
  commands(guildId?: string): Record<string, unknown>[];

  /** The first request (already recorded, from `fromIndex` on, or future) that matches. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
    fromIndex?: number,
  ): Promise<RecordedRequest>;
  stop(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const newId = createSnowflakes();
  const botUser = makeUser(options.botUserId ?? newId(), options.botUsername ?? "Curator", true);
  const guilds = options.guilds.map((guild) => new GuildModel(guild, botUser, newId));
  const state = new FakeState(options.token, options.applicationId, botUser, guilds, newId);
  if (options.nonceWindowMs !== undefined) state.nonceWindowMs = options.nonceWindowMs;
  const faults = new Faults();
  const builders = new InteractionBuilders(state);
  const http = new HttpInteractions(state);

  let origin = "";
  const gatewayUrl = () => `ws://${origin}${GATEWAY_PATH}`;
  const handler = createRestHandler({
    state,
    faults,
    gatewayUrl,
    shards: options.shards ?? 1,
    maxConcurrency: options.maxConcurrency ?? 16,
  });
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: `fake-discord crashed: ${String(error)}`, code: 0 }));
    });
  });
  const gateway = new FakeGateway(server, {
    state,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    url: gatewayUrl,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const timers = new Set<NodeJS.Timeout>();

  function later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  }

  return {
    restUrl: `http://${origin}/api`,
    gatewayUrl: gatewayUrl(),
    requests: state.requests,
    gatewayOps: gateway.received,
    gatewayConnections: gateway.connections,
    botUserId: botUser.id,

    failNext: (o) => faults.failNext(o),
    delayNext: (o) => faults.delayNext(o),
    loseAnswer: (o) => faults.loseAnswer(o),
    setNonceWindow(ms) {
      state.nonceWindowMs = ms;
    },
    revokeToken() {
      state.token = `revoked-${newId()}`;
      gateway.close(4004);
    },
    rateLimit: (o) => faults.rateLimit(o),
    failRate: (o) => faults.failRate(o),
    clearFaults: () => faults.clear(),

    closeGateway: (code = 4000) => gateway.close(code),
    connectedShards: () => gateway.connectedShards,
    dispatch: (event, data, guildId) => gateway.dispatch(event, data, guildId),

    slashCommand: (input) => builders.slashCommand(input),
    autocomplete: (input) => builders.autocomplete(input),
    button: (input) => builders.button(input),
    selectMenu: (input) => builders.selectMenu(input),
    modalSubmit: (input) => builders.modalSubmit(input),

    sendInteraction(payload, { timeoutMs = 3000 } = {}) {
      const guildId = typeof payload.guild_id === "string" ? payload.guild_id : undefined;
      return new Promise<InteractionCallbackBody>((resolve, reject) => {
        state.interactions.set(payload.token, {
          id: payload.id,
          token: payload.token,
          payload,
          guildId,
          channelId: typeof payload.channel_id === "string" ? payload.channel_id : undefined,
          refusals: [],
          settle: { resolve, reject },
        });
        if (!gateway.dispatch("INTERACTION_CREATE", payload, guildId)) {
          reject(new Error(`fake-discord: no gateway session holds guild ${guildId}`));
          return;
        }
        later(timeoutMs, () => {
          const record = state.interactions.get(payload.token);
          if (record && !record.callback) {
            const refused = record.refusals.length > 0 ? `; refused: ${JSON.stringify(record.refusals)}` : "";
            reject(
              new Error(
                `fake-discord: interaction ${payload.id} got no callback within ${timeoutMs} ms${refused}`,
              ),
            );
          }
        });
      });
    },
    publicKey: http.publicKey,
    setInteractionUrls: (urls) => http.setUrls(urls),
    postInteraction: (payload, options) => http.send(payload as InteractionPayload, options),
    postToEndpoint: (url, body, options) => http.post(url, body, options),
    originalResponse(token) {
      const id = state.interactions.get(token)?.originalMessageId;
      return id ? state.messagesById.get(id) : undefined;
    },

    messages: (channelId) => [...(state.channelMessages.get(channelId) ?? [])],
    threads: (parentId) => [...state.threads.values()].filter((t) => t.parent_id === parentId),
    archiveThread(threadId) {
      const thread = state.threads.get(threadId);
      if (thread?.thread_metadata) thread.thread_metadata.archived = true;
    },
    addMessage(channelId, content, author = { id: "200000000000000001", username: "tester" }) {
      const message = state.newMessage(
        channelId,
        { content },
        { author: makeUser(author.id, author.username) },
      );
      return state.storeMessage(message, false);
    },
    commands: (guildId) => state.commands.get(guildId ?? "global") ?? [],

    waitForRequest(predicate, timeoutMs = 5000, fromIndex = 0) {
      const already = state.requests.slice(fromIndex).find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (request: RecordedRequest) => resolve(request),
        };
        state.requestWaiters.add(waiter);
        later(timeoutMs, () => {
          if (state.requestWaiters.delete(waiter)) {
            reject(new Error(`fake-discord: no matching request within ${timeoutMs} ms`));
          }
        });
      });
    },

    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await gateway.stop();
      handler.dropHung();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
