/** The fake REST API (v10): request recording, fault injection, bot-token auth and the route table. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Faults } from "./faults.js";
import { notFound, type Reply, type Route, route } from "./routes.js";
import { commandRoutes } from "./routes-commands.js";
import { guildRoutes } from "./routes-guilds.js";
import { interactionRoutes } from "./routes-interactions.js";
import { threadRoutes } from "./routes-threads.js";
import type { FakeState, RecordedRequest } from "./state.js";

export interface RestOptions {
  state: FakeState;
  faults: Faults;
  gatewayUrl: () => string;
  shards: number;
  maxConcurrency: number;
}

export function createRestHandler(options: RestOptions) {
  const { state, faults } = options;
  /** Answers held back forever (`loseAnswer` "hang"), ended when the fake stops. */
  const hung = new Set<ServerResponse>();
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
    ...commandRoutes(state),
    ...interactionRoutes(state),
    ...guildRoutes(state),
    ...threadRoutes(state),
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

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
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
    const delay = apiPath ? faults.takeDelay(recorded.method, apiPath) : undefined;
    if (delay) {
      delay.arrived();
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
    }
    const reply = apiPath
      ? answer(recorded.method, apiPath, url.searchParams, recorded.body, recorded.authorized)
      : notFound();
    recorded.status = reply.status;
    state.record(recorded);
    const loss = apiPath && reply.status < 400 ? faults.takeLoss(recorded.method, apiPath) : undefined;
    if (loss === "hang") {
      hung.add(response);
      response.once("close", () => hung.delete(response));
      return;
    }
    if (loss === "502") {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      return;
    }
    const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      ...(text ? { "content-type": "application/json" } : {}),
      ...reply.headers,
    });
    response.end(text);
  };
  return Object.assign(handle, {
    /** Ends the answers held back by `loseAnswer({ how: "hang" })`. */
    dropHung(): void {
      for (const response of hung) response.destroy();
      hung.clear();
    },
  });
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
