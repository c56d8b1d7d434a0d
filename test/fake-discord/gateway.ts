/**
 * The fake gateway (v10, JSON encoding). Text frames only: discord.js asks for zlib-stream only when the optional
 * `zlib-sync` package is installed, and even then it parses uncompressed text frames, so no compression is needed.
 */
import type { IncomingMessage, Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { shardOf } from "./snowflake.js";
import type { FakeState } from "./state.js";

export const GATEWAY_PATH = "/gateway";

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface GatewayEvent {
  op: number;
  t: string;
  s: number;
  d: unknown;
}

/** An op a client sent, with the token replaced by whether it was right. */
export interface ReceivedOp {
  op: number;
  d: unknown;
  sessionId: string | null;
  time: number;
}

export interface GatewayConnection {
  query: Record<string, string>;
  time: number;
}

interface Session {
  id: string;
  shard: [number, number];
  sequence: number;
  events: GatewayEvent[];
  socket: WebSocket | null;
  /** False once the client closed with 1000/1001 (Discord then forgets the session) or it was invalidated. */
  resumable: boolean;
}

export interface GatewayOptions {
  state: FakeState;
  heartbeatIntervalMs: number;
  url: () => string;
}

const MAX_BUFFERED_EVENTS = 1000;

export class FakeGateway {
  readonly received: ReceivedOp[] = [];
  readonly connections: GatewayConnection[] = [];
  readonly #sessions = new Map<string, Session>();
  readonly #server: WebSocketServer;
  readonly #socketSessions = new WeakMap<WebSocket, Session>();

  constructor(
    server: Server,
    private readonly options: GatewayOptions,
  ) {
    this.#server = new WebSocketServer({ server, path: GATEWAY_PATH });
    this.#server.on("connection", (socket, request) => this.#onConnection(socket, request));
  }

  #onConnection(socket: WebSocket, request: IncomingMessage): void {
    const query = Object.fromEntries(new URL(request.url ?? "/", "http://127.0.0.1").searchParams);
    this.connections.push({ query, time: Date.now() });
    if (query.encoding && query.encoding !== "json") {
      socket.close(4002, "Only encoding=json is supported by the fake.");
      return;
    }
    socket.on("message", (data, isBinary) => this.#onMessage(socket, isBinary ? null : data.toString()));
    socket.on("close", (code) => {
      const session = this.#socketSessions.get(socket);
      if (!session || session.socket !== socket) return;
      session.socket = null;
      if (code === 1000 || code === 1001) session.resumable = false;
    });
    this.#send(socket, {
      op: Op.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  #onMessage(socket: WebSocket, text: string | null): void {
    let payload: { op?: number; d?: Record<string, unknown> | number | null };
    try {
      payload = JSON.parse(text ?? "");
    } catch {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    const d = payload.d && typeof payload.d === "object" ? payload.d : {};
    const tokenOk = d.token === undefined ? undefined : d.token === this.options.state.token;
    this.received.push({
      op: payload.op ?? -1,
      d: typeof payload.d === "object" && payload.d ? { ...d, token: tokenOk } : payload.d,
      sessionId: this.#socketSessions.get(socket)?.id ?? null,
      time: Date.now(),
    });
    switch (payload.op) {
      case Op.Heartbeat:
        this.#send(socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.#identify(socket, d, tokenOk === true);
        return;
      case Op.Resume:
        this.#resume(socket, d, tokenOk === true);
        return;
      default:
        // Presence updates, guild member requests, voice: accepted and ignored.
        return;
    }
  }

  #identify(socket: WebSocket, d: Record<string, unknown>, tokenOk: boolean): void {
    if (this.#socketSessions.has(socket)) {
      socket.close(4005, "Already authenticated.");
      return;
    }
    if (!tokenOk) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const requested = Array.isArray(d.shard) ? d.shard.map(Number) : [0, 1];
    const [shardId = 0, shardCount = 1] = requested;
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      socket.close(4010, "Invalid shard.");
      return;
    }
    const { state } = this.options;
    const session: Session = {
      id: state.newId(),
      shard: [shardId, shardCount],
      sequence: 0,
      events: [],
      socket,
      resumable: true,
    };
    this.#sessions.set(session.id, session);
    this.#socketSessions.set(socket, session);
    const guilds = [...state.guilds.values()].filter((guild) => shardOf(guild.id, shardCount) === shardId);
    this.#dispatch(session, "READY", {
      v: 10,
      user: state.botUser,
      user_settings: {},
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      presences: [],
      private_channels: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.options.url(),
      shard: session.shard,
      application: { id: state.applicationId, flags: 0 },
      _trace: ["fake-discord"],
    });
    for (const guild of guilds) this.#dispatch(session, "GUILD_CREATE", guild.apiGuild(true));
  }

  #resume(socket: WebSocket, d: Record<string, unknown>, tokenOk: boolean): void {
    if (!tokenOk) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const session = this.#sessions.get(String(d.session_id));
    if (!session?.resumable) {
      this.#send(socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.socket && session.socket !== socket) session.socket.close(4000, "Session resumed elsewhere.");
    session.socket = socket;
    this.#socketSessions.set(socket, session);
    const since = Number(d.seq ?? 0);
    for (const event of session.events) if (event.s > since) this.#send(socket, event);
    this.#dispatch(session, "RESUMED", { _trace: ["fake-discord"] });
  }

  #dispatch(session: Session, t: string, d: unknown): void {
    const event: GatewayEvent = { op: Op.Dispatch, t, s: ++session.sequence, d };
    session.events.push(event);
    if (session.events.length > MAX_BUFFERED_EVENTS) session.events.shift();
    if (session.socket) this.#send(session.socket, event);
  }

  #send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  /**
   * Dispatches an event to the newest resumable session of the shard that owns the guild (or of shard 0 when no
   * guild is given). While that shard is disconnected the event is buffered and replayed on RESUME, as Discord does.
   */
  dispatch(t: string, d: unknown, guildId?: string): boolean {
    const sessions = [...this.#sessions.values()].filter(
      (s) => s.resumable && (guildId ? shardOf(guildId, s.shard[1]) === s.shard[0] : s.shard[0] === 0),
    );
    const session = sessions.at(-1);
    if (!session) return false;
    this.#dispatch(session, t, d);
    return true;
  }

  /** Closes every shard's socket with `code`; sessions stay resumable unless the code is 1000/1001/4004. */
  close(code: number): void {
    for (const session of this.#sessions.values()) {
      // 4004 (the token was reset) ends the session too: Discord would refuse its RESUME.
      if (code === 1000 || code === 1001 || code === 4004) session.resumable = false;
      session.socket?.close(code);
    }
  }

  /** Number of shard sockets currently attached to a session. */
  get connectedShards(): number {
    return [...this.#sessions.values()].filter((s) => s.socket).length;
  }

  stop(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
