/** The fake REST API (v10): routes, auth, fault injection and request recording. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type APIMessage, PermissionFlagsBits } from "discord.js";
import type { Faults } from "./faults.js";
import type { GuildModel } from "./model.js";
import { compareSnowflakes } from "./snowflake.js";
import type { FakeState, InteractionCallbackBody, InteractionRecord, RecordedRequest } from "./state.js";
import { type ApiError, validateChoices, validateMessage } from "./validation.js";

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Context {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Interaction and webhook routes are authenticated by the interaction token, not the bot token. */
  botAuth: boolean;
  handle: (context: Context) => Reply;
}

export interface RestOptions {
  state: FakeState;
  faults: Faults;
  gatewayUrl: () => string;
  shards: number;
  maxConcurrency: number;
}

const MESSAGE_FLAG_EPHEMERAL = 64;
const MESSAGE_FLAG_LOADING = 128;

const notFound = (): Reply => ({ status: 404, body: { message: "404: Not Found", code: 0 } });
const unknown = (what: string, code: number): Reply => ({
  status: 404,
  body: { message: `Unknown ${what}`, code },
});
const fromError = (error: ApiError): Reply => ({ status: error.status, body: error.body });
const missingAccess = (): Reply => ({ status: 403, body: { message: "Missing Access", code: 50001 } });
const missingPermissions = (): Reply => ({
  status: 403,
  body: { message: "Missing Permissions", code: 50013 },
});

function route(method: string, path: string, handle: Route["handle"], botAuth = true): Route {
  const source = path.replace(/[.@]/g, "\\$&").replace(/:(\w+)/g, "(?<$1>[^/]+)");
  return { method, pattern: new RegExp(`^${source}$`), botAuth, handle };
}

function asObject(body: unknown): Record<string, unknown> {
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export function createRestHandler(options: RestOptions) {
  const { state, faults } = options;

  const guildOr404 = (id: string | undefined): GuildModel | Reply =>
    state.guilds.get(id ?? "") ?? unknown("Guild", 10004);
  const isReply = (value: unknown): value is Reply =>
    typeof value === "object" && value !== null && "status" in value;

  const commandScope = (params: Record<string, string>) => params.guild ?? "global";

  function normalizeCommand(input: Record<string, unknown>, scope: string): Record<string, unknown> {
    const existing = (state.commands.get(scope) ?? []).find(
      (c) => c.name === input.name && (c.type ?? 1) === (input.type ?? 1),
    );
    return {
      id: existing?.id ?? state.newId(),
      application_id: state.applicationId,
      version: state.newId(),
      type: 1,
      description: "",
      options: [],
      default_member_permissions: null,
      nsfw: false,
      name_localizations: null,
      description_localizations: null,
      ...(scope === "global" ? {} : { guild_id: scope }),
      ...input,
    };
  }

  function validateCommand(command: Record<string, unknown>): ApiError | null {
    const name = String(command.name ?? "");
    const isChatInput = (command.type ?? 1) === 1;
    const nameOk = isChatInput
      ? /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u.test(name)
      : name.length >= 1 && name.length <= 32;
    const description = String(command.description ?? "");
    const optionCount = Array.isArray(command.options) ? command.options.length : 0;
    if (
      !nameOk ||
      (isChatInput && (description.length < 1 || description.length > 100)) ||
      optionCount > 25
    ) {
      return {
        status: 400,
        body: { message: "Invalid Form Body", code: 50035, errors: { name: command.name } },
      };
    }
    return null;
  }

  function putCommands({ params, body }: Context): Reply {
    if (params.app !== state.applicationId) return missingAccess();
    if (params.guild && !state.guilds.has(params.guild)) return missingAccess();
    const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
    if (list.length > 100)
      return fromError({ status: 400, body: { message: "Invalid Form Body", code: 50035 } });
    for (const command of list) {
      const error = validateCommand(command);
      if (error) return fromError(error);
    }
    const scope = commandScope(params);
    const stored = list.map((command) => normalizeCommand(command, scope));
    state.commands.set(scope, stored);
    return { status: 200, body: stored };
  }

  function postCommand({ params, body }: Context): Reply {
    if (params.app !== state.applicationId) return missingAccess();
    const error = validateCommand(asObject(body));
    if (error) return fromError(error);
    const scope = commandScope(params);
    const command = normalizeCommand(asObject(body), scope);
    const others = (state.commands.get(scope) ?? []).filter((c) => c.id !== command.id);
    state.commands.set(scope, [...others, command]);
    return { status: 201, body: command };
  }

  function deleteCommand({ params }: Context): Reply {
    const scope = commandScope(params);
    const list = state.commands.get(scope) ?? [];
    if (!list.some((c) => c.id === params.command)) return unknown("application command", 10063);
    state.commands.set(
      scope,
      list.filter((c) => c.id !== params.command),
    );
    return { status: 204 };
  }

  function interactionResponseMessage(
    record: InteractionRecord,
    data: Record<string, unknown>,
    loading: boolean,
  ) {
    const payload = record.payload;
    const flags = (Number(data.flags ?? 0) & MESSAGE_FLAG_EPHEMERAL) | (loading ? MESSAGE_FLAG_LOADING : 0);
    const user = asObject(payload.member).user ?? payload.user;
    return state.newMessage(record.channelId ?? "0", data, {
      type: payload.type === 2 ? 20 : 0,
      flags,
      webhook_id: state.applicationId,
      application_id: state.applicationId,
      interaction_metadata: {
        id: record.id,
        type: payload.type,
        user,
        authorizing_integration_owners: payload.authorizing_integration_owners,
      },
    } as Partial<APIMessage>);
  }

  function interactionCallback({ params, query, body }: Context): Reply {
    const record = state.interactions.get(params.token ?? "");
    if (!record || record.id !== params.id) return unknown("interaction", 10062);
    if (record.callback) {
      return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
    }
    const callback = asObject(body) as unknown as InteractionCallbackBody;
    const data = asObject(callback.data);
    const error =
      callback.type === 4
        ? validateMessage(data, true)
        : callback.type === 7
          ? validateMessage(data, false)
          : callback.type === 8
            ? validateChoices(data)
            : null;
    if (error) return fromError(error);
    record.callback = callback;
    const componentMessage = asObject(record.payload.message) as unknown as APIMessage;
    let message: APIMessage | undefined;
    if (callback.type === 4 || callback.type === 5) {
      message = interactionResponseMessage(record, data, callback.type === 5);
      state.storeMessage(message, (Number(message.flags) & MESSAGE_FLAG_EPHEMERAL) !== 0);
    } else if (callback.type === 6 || callback.type === 7) {
      message = state.messagesById.get(componentMessage.id) ?? componentMessage;
      if (callback.type === 7 && state.messagesById.has(componentMessage.id)) {
        message = state.updateMessage(componentMessage.id, data);
      }
    }
    record.originalMessageId = message?.id;
    record.settle?.resolve(callback);
    if (query.get("with_response") !== "true") return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: record.id,
          type: record.payload.type,
          response_message_id: message?.id,
          response_message_loading: callback.type === 5,
          response_message_ephemeral: message
            ? (Number(message.flags) & MESSAGE_FLAG_EPHEMERAL) !== 0
            : undefined,
        },
        resource: { type: callback.type, ...(message ? { message } : {}) },
      },
    };
  }

  function webhookRecord(params: Record<string, string>): InteractionRecord | Reply {
    const record = state.interactions.get(params.token ?? "");
    return record && params.app === state.applicationId ? record : unknown("Webhook", 10015);
  }

  function webhookMessageId(record: InteractionRecord, id: string | undefined): string | undefined {
    return id === "@original" ? record.originalMessageId : id;
  }

  function webhookMessage(method: string) {
    return ({ params, body }: Context): Reply => {
      const record = webhookRecord(params);
      if (isReply(record)) return record;
      const id = webhookMessageId(record, params.message);
      const message = id ? state.messagesById.get(id) : undefined;
      if (!id || !message) return unknown("Message", 10008);
      if (method === "GET") return { status: 200, body: message };
      if (method === "DELETE") {
        state.deleteMessage(id);
        return { status: 204 };
      }
      const patch = asObject(body);
      const error = validateMessage(patch, false);
      if (error) return fromError(error);
      const loading = (Number(message.flags) & MESSAGE_FLAG_LOADING) !== 0;
      const updated = state.updateMessage(id, patch)!;
      if (loading) updated.flags = Number(updated.flags) & ~MESSAGE_FLAG_LOADING;
      return { status: 200, body: updated };
    };
  }

  function followUp({ params, body }: Context): Reply {
    const record = webhookRecord(params);
    if (isReply(record)) return record;
    if (!record.callback) return unknown("Webhook", 10015);
    const data = asObject(body);
    const error = validateMessage(data, true);
    if (error) return fromError(error);
    const message = interactionResponseMessage(record, data, false);
    message.type = 0;
    state.storeMessage(message, (Number(message.flags) & MESSAGE_FLAG_EPHEMERAL) !== 0);
    return { status: 200, body: message };
  }

  function channelOr404(id: string | undefined): { guild: GuildModel; channelId: string } | Reply {
    const guild = state.guildOfChannel(id ?? "");
    return guild && id ? { guild, channelId: id } : unknown("Channel", 10003);
  }

  function getMessages({ params, query }: Context): Reply {
    const found = channelOr404(params.channel);
    if (isReply(found)) return found;
    if (!(found.guild.botPermissionsIn(found.channelId) & PermissionFlagsBits.ViewChannel))
      return missingAccess();
    const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? 50)));
    const before = query.get("before");
    const after = query.get("after");
    const newestFirst = [...(state.channelMessages.get(found.channelId) ?? [])].sort((a, b) =>
      compareSnowflakes(b.id, a.id),
    );
    const window = newestFirst.filter(
      (m) =>
        (!before || compareSnowflakes(m.id, before) < 0) && (!after || compareSnowflakes(m.id, after) > 0),
    );
    // With `after`, Discord pages forward: the `limit` messages closest after the anchor.
    const page = after && !before ? window.slice(-limit) : window.slice(0, limit);
    return { status: 200, body: page };
  }

  function postMessage({ params, body }: Context): Reply {
    const found = channelOr404(params.channel);
    if (isReply(found)) return found;
    const permissions = found.guild.botPermissionsIn(found.channelId);
    if (!(permissions & PermissionFlagsBits.ViewChannel)) return missingAccess();
    if (!(permissions & PermissionFlagsBits.SendMessages)) return missingPermissions();
    const data = asObject(body);
    const error = validateMessage(data, true);
    if (error) return fromError(error);
    const message = state.storeMessage(state.newMessage(found.channelId, data), false);
    return { status: 200, body: message };
  }

  function channelMessage(method: string) {
    return ({ params, body }: Context): Reply => {
      const found = channelOr404(params.channel);
      if (isReply(found)) return found;
      const message = state.messagesById.get(params.message ?? "");
      if (!message || message.channel_id !== found.channelId) return unknown("Message", 10008);
      if (method === "GET") return { status: 200, body: message };
      if (message.author.id !== state.botUser.id) {
        return {
          status: 403,
          body: { message: "Cannot edit a message authored by another user", code: 50005 },
        };
      }
      if (method === "DELETE") {
        state.deleteMessage(message.id);
        return { status: 204 };
      }
      const error = validateMessage(asObject(body), false);
      return error
        ? fromError(error)
        : { status: 200, body: state.updateMessage(message.id, asObject(body)) };
    };
  }

  const routes: Route[] = [
    route("GET", "/gateway", () => ({ status: 200, body: { url: options.gatewayUrl() } }), false),
    route("GET", "/gateway/bot", () => ({
      status: 200,
      body: {
        url: options.gatewayUrl(),
        shards: options.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: options.maxConcurrency,
        },
      },
    })),
    route("GET", "/users/@me", () => ({ status: 200, body: state.botUser })),
    route("GET", "/applications/@me", () => ({
      status: 200,
      body: {
        id: state.applicationId,
        name: state.botUser.username,
        icon: null,
        description: "",
        summary: "",
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: "0".repeat(64),
        flags: 0,
        team: null,
        bot: state.botUser,
        owner: { id: "1", username: "owner", discriminator: "0", global_name: "owner", avatar: null },
      },
    })),
    route("GET", "/applications/:app/commands", ({ params }) => ({
      status: params.app === state.applicationId ? 200 : 403,
      body: state.commands.get("global") ?? [],
    })),
    route("PUT", "/applications/:app/commands", putCommands),
    route("POST", "/applications/:app/commands", postCommand),
    route("DELETE", "/applications/:app/commands/:command", deleteCommand),
    route("GET", "/applications/:app/guilds/:guild/commands", ({ params }) => ({
      status: 200,
      body: state.commands.get(params.guild ?? "") ?? [],
    })),
    route("PUT", "/applications/:app/guilds/:guild/commands", putCommands),
    route("POST", "/applications/:app/guilds/:guild/commands", postCommand),
    route("DELETE", "/applications/:app/guilds/:guild/commands/:command", deleteCommand),
    route("POST", "/interactions/:id/:token/callback", interactionCallback, false),
    route("POST", "/webhooks/:app/:token", followUp, false),
    ...["GET", "PATCH", "DELETE"].map((method) =>
      route(method, "/webhooks/:app/:token/messages/:message", webhookMessage(method), false),
    ),
    route("GET", "/channels/:channel", ({ params }) => {
      const found = channelOr404(params.channel);
      if (isReply(found)) return found;
      return { status: 200, body: found.guild.apiChannel(found.guild.channel(found.channelId)!) };
    }),
    route("GET", "/channels/:channel/messages", getMessages),
    route("POST", "/channels/:channel/messages", postMessage),
    ...["GET", "PATCH", "DELETE"].map((method) =>
      route(method, "/channels/:channel/messages/:message", channelMessage(method)),
    ),
    route("GET", "/guilds/:guild", ({ params }) => {
      const guild = guildOr404(params.guild);
      return isReply(guild) ? guild : { status: 200, body: guild.apiGuild(false) };
    }),
    route("GET", "/guilds/:guild/members/:user", ({ params }) => {
      const guild = guildOr404(params.guild);
      if (isReply(guild)) return guild;
      const member = guild.members.get(params.user ?? "");
      return member ? { status: 200, body: member } : unknown("Member", 10007);
    }),
    route("GET", "/guilds/:guild/channels", ({ params }) => {
      const guild = guildOr404(params.guild);
      if (isReply(guild)) return guild;
      return { status: 200, body: guild.input.channels.map((channel) => guild.apiChannel(channel)) };
    }),
    route("GET", "/guilds/:guild/roles", ({ params }) => {
      const guild = guildOr404(params.guild);
      return isReply(guild) ? guild : { status: 200, body: guild.roles };
    }),
  ];

  function answer(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    authorized: boolean,
  ): Reply {
    const fault = faults.check(method, path);
    if (fault) return fault;
    for (const candidate of routes) {
      const match = candidate.method === method ? candidate.pattern.exec(path) : null;
      if (!match) continue;
      if (candidate.botAuth && !authorized)
        return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
      return candidate.handle({ params: { ...match.groups }, query, body });
    }
    return notFound();
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(request);
    // discord.js percent-encodes path segments (`@original` arrives as `%40original`).
    const pathname = decodeURIComponent(url.pathname);
    const apiPath = /^\/api(?:\/v\d+)?(\/.*)$/.exec(pathname)?.[1];
    const { authorization, ...headers } = request.headers;
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: apiPath ?? pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)])),
      authorized: authorization === `Bot ${state.token}`,
      body: parseBody(raw, String(request.headers["content-type"] ?? "")),
      time: Date.now(),
    };
    const reply = apiPath
      ? answer(recorded.method, apiPath, url.searchParams, recorded.body, recorded.authorized)
      : notFound();
    recorded.status = reply.status;
    state.record(recorded);
    const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      ...(text ? { "content-type": "application/json" } : {}),
      ...reply.headers,
    });
    response.end(text);
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON bodies as objects; for multipart uploads, the `payload_json` part (files are not kept). */
function parseBody(raw: string, contentType: string): unknown {
  if (!raw) return undefined;
  if (contentType.startsWith("multipart/form-data")) {
    const json = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw)?.[1];
    return json ? safeJson(json) : raw;
  }
  return safeJson(raw);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
