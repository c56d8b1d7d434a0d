/** Discord's side of the HTTP interactions endpoint: sign each interaction and POST it to the bot's replicas. */
import { generateKeyPairSync, sign } from "node:crypto";
import { Agent, request } from "node:http";
import type { InteractionPayload } from "./interactions.js";
import { receiveCallback } from "./routes-interactions.js";
import type { FakeState, InteractionCallbackBody } from "./state.js";

export interface SignedPostOptions {
  /** Unix seconds; default now. An old one is what a replayed capture looks like. */
  timestamp?: number;
  /** "good" (default), "bad" (a valid signature of other bytes) or "none" (no signature headers at all). */
  signature?: "good" | "bad" | "none";
  timeoutMs?: number;
}

export interface EndpointReply {
  status: number;
  body: unknown;
  url: string;
}

export class HttpInteractions {
  readonly publicKey: string;
  readonly #privateKey;
  #urls: string[] = [];
  #next = 0;

  constructor(private readonly state: FakeState) {
    const pair = generateKeyPairSync("ed25519");
    this.#privateKey = pair.privateKey;
    const x = pair.publicKey.export({ format: "jwk" }).x ?? "";
    this.publicKey = Buffer.from(x, "base64url").toString("hex");
  }

  setUrls(urls: string[]): void {
    this.#urls = [...urls];
    this.#next = 0;
  }

  /** The next replica, round-robin. */
  nextUrl(): string {
    const url = this.#urls[this.#next % this.#urls.length];
    if (!url) throw new Error("fake-discord: no interactions endpoint URL set (setInteractionUrls)");
    this.#next++;
    return url;
  }

  signature(timestamp: string, body: Buffer): string {
    return sign(null, Buffer.concat([Buffer.from(timestamp), body]), this.#privateKey).toString("hex");
  }

  /** POSTs bytes to an endpoint the way Discord does (or with a forged or missing signature); any status. */
  async post(url: string, body: string | Buffer, options: SignedPostOptions = {}): Promise<EndpointReply> {
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { "content-type": "application/json" };
    const mode = options.signature ?? "good";
    if (mode !== "none") {
      headers["x-signature-timestamp"] = timestamp;
      headers["x-signature-ed25519"] =
        mode === "good" ? this.signature(timestamp, bytes) : this.signature(timestamp, Buffer.from("other"));
    }
    const { status, text } = await httpPost(url, bytes, headers, options.timeoutMs ?? 5000);
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status, body: parsed, url };
  }

  /**
   * Sends an interaction to the next replica, like Discord: the HTTP response is the interaction's answer, and it
   * is stored as if it had been POSTed to the callback route (so @original, follow-ups and buttons work after it).
   */
  async send(
    payload: InteractionPayload,
    { timeoutMs = 3000, url = this.nextUrl() }: { timeoutMs?: number; url?: string } = {},
  ): Promise<InteractionCallbackBody & { url: string }> {
    if (payload.type !== 1) {
      this.state.interactions.set(payload.token, {
        id: payload.id,
        token: payload.token,
        payload,
        guildId: typeof payload.guild_id === "string" ? payload.guild_id : undefined,
        channelId: typeof payload.channel_id === "string" ? payload.channel_id : undefined,
        refusals: [],
        viaHttp: true,
      });
    }
    const reply = await this.post(url, JSON.stringify(payload), { timeoutMs });
    if (reply.status !== 200) {
      throw new Error(`fake-discord: ${url} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    if (payload.type !== 1) {
      const stored = receiveCallback(this.state, payload.token, payload.id, reply.body, false);
      if (stored.status >= 400) {
        throw new Error(`fake-discord: the answer from ${url} was refused: ${JSON.stringify(stored.body)}`);
      }
    }
    return { ...(reply.body as InteractionCallbackBody), url };
  }
}

// Discord keeps connections to an endpoint open; so does the fake (and measures the bot, not connection set-up).
const agent = new Agent({ keepAlive: true });

function httpPost(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: "POST", headers, agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", reject);
    });
    outgoing.on("timeout", () =>
      outgoing.destroy(new Error(`fake-discord: ${url} did not answer in ${timeoutMs} ms`)),
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
