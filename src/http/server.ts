import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIInteraction, Client, Interaction } from "discord.js";
import type { Logger } from "pino";
import type { CallbackBody, createCallbackRelay } from "./callbacks.js";
import { toInteraction } from "./to-interaction.js";
import { MAX_SKEW_SECONDS, publicKeyFromHex, verifyInteraction } from "./verify.js";

/** Discord's largest interaction payloads (a component on a message with ten full embeds) are well under this. */
export const MAX_BODY_BYTES = 256 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;
const NOT_ANSWERABLE: CallbackBody = {
  type: 4,
  data: { content: "This is not something I can answer.", flags: 64, allowed_mentions: { parse: [] } },
};

export interface InteractionServerOptions {
  port: number;
  host: string;
  /** DISCORD_PUBLIC_KEY: the application's Ed25519 public key, hex. */
  publicKey: string;
  client: Client;
  route(interaction: Interaction): Promise<void>;
  relay: ReturnType<typeof createCallbackRelay>;
  log: Logger;
  now?: () => number;
}

export interface InteractionServer {
  port: number;
  /** Stops taking requests and waits (up to `deadlineMs`) for the ones being answered. */
  close(deadlineMs: number): Promise<void>;
}

/** Discord's interactions endpoint: verify, then hand the interaction to the same router as the gateway's. */
export async function startInteractionServer(options: InteractionServerOptions): Promise<InteractionServer> {
  const key = publicKeyFromHex(options.publicKey);
  const now = options.now ?? Date.now;
  const seen = new RecentIds(MAX_SKEW_SECONDS * 1000);
  const { log } = options;

  const server = createServer(
    { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        log.error({ err: error }, "interactions endpoint failed on a request");
        send(response, 500, { message: "internal error" });
      });
    },
  );
  server.on("clientError", (_error, socket) => socket.destroy());

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method === "GET" && path === "/healthz") return send(response, 200, { ok: true });
    if (path !== "/" && path !== "/interactions") return send(response, 404, { message: "not found" });
    if (request.method !== "POST") return send(response, 405, { message: "POST only" });
    const body = await readBody(request);
    if (body === "too large") {
      response.setHeader("connection", "close");
      return send(response, 413, { message: `body over ${MAX_BODY_BYTES} bytes` });
    }
    const verdict = verifyInteraction(
      key,
      header(request, "x-signature-ed25519"),
      header(request, "x-signature-timestamp"),
      body,
      now(),
    );
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason, from: request.socket.remoteAddress }, "interaction refused");
      return send(response, 401, { message: verdict.reason });
    }
    const data = parse(body);
    if (!data) return send(response, 400, { message: "not an interaction" });
    if (data.type === 1) return send(response, 200, { type: 1 });
    if (!seen.add(data.id, now())) {
      log.warn({ interaction: data.id }, "interaction refused: replayed");
      return send(response, 401, { message: "replayed" });
    }
    let interaction: Interaction | undefined;
    try {
      interaction = toInteraction(options.client, data);
    } catch (error) {
      log.warn({ err: error, interaction: data.id }, "interaction refused: discord.js cannot read it");
      return send(response, 400, { message: "not an interaction" });
    }
    if (!interaction) return send(response, 200, NOT_ANSWERABLE);
    const answer = options.relay.expect(data);
    void options.route(interaction);
    send(response, 200, await answer);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    async close(deadlineMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref());
      await Promise.race([closed, timeout]);
      server.closeAllConnections();
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body, or "too large" as soon as it is (by its Content-Length, or by what arrived). */
function readBody(request: IncomingMessage): Promise<Buffer | "too large"> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    request.resume();
    return Promise.resolve("too large");
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners("data");
        request.resume();
        resolve("too large");
      } else {
        chunks.push(chunk);
      }
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** The interaction, if the body is JSON shaped like one (the signature says Discord sent it, not that it is sane). */
function parse(body: Buffer): (APIInteraction & { id: string; token: string }) | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const { type, id, token, application_id } = data as Record<string, unknown>;
  if (type === 1) return data as APIInteraction & { id: string; token: string };
  const valid =
    typeof type === "number" &&
    typeof id === "string" &&
    typeof token === "string" &&
    typeof application_id === "string";
  return valid ? (data as APIInteraction & { id: string; token: string }) : undefined;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  response.end(json);
}

/** Interaction ids answered within the timestamp window: the same signed request sent twice is refused. */
class RecentIds {
  readonly #seen = new Map<string, number>();
  constructor(private readonly windowMs: number) {}

  /** False if the id was already seen within the window. */
  add(id: string, nowMs: number): boolean {
    for (const [old, at] of this.#seen) {
      if (nowMs - at <= this.windowMs) break;
      this.#seen.delete(old);
    }
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, nowMs);
    return true;
  }
}
