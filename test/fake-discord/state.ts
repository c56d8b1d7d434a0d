/** Everything the fake remembers: requests, messages, commands, pending interactions. */
import type { APIMessage, APIThreadChannel, APIUser } from "discord.js";
import type { GuildModel } from "./model.js";

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased headers without `authorization`. */
  headers: Record<string, string>;
  /** Whether the Authorization header carried the right bot token. */
  authorized: boolean;
  body: unknown;
  time: number;
  /** The status the fake answered with (set once answered). */
  status?: number;
}

export interface InteractionCallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

export interface InteractionRecord {
  id: string;
  token: string;
  payload: Record<string, unknown>;
  channelId: string | undefined;
  guildId: string | undefined;
  callback?: InteractionCallbackBody;
  originalMessageId?: string;
  /** Error bodies of callbacks the fake refused (e.g. content over 2000 characters), to explain a timeout. */
  refusals: unknown[];
  /** Sent to the HTTP interactions endpoint: its answer is the HTTP response, never a REST callback. */
  viaHttp?: boolean;
  settle?: { resolve: (body: InteractionCallbackBody) => void; reject: (error: Error) => void };
}

export interface RequestWaiter {
  predicate: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

export class FakeState {
  readonly requests: RecordedRequest[] = [];
  readonly requestWaiters = new Set<RequestWaiter>();
  /** Channel id -> messages in creation order (ephemeral messages are only in `messagesById`). */
  readonly channelMessages = new Map<string, APIMessage[]>();
  readonly messagesById = new Map<string, APIMessage>();
  /** Threads and forum posts by id (a forum post's first message has its id, in the thread's own list). */
  readonly threads = new Map<string, APIThreadChannel>();
  /** "global" or a guild id -> registered commands. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly guilds: Map<string, GuildModel>;
  /** How long `enforce_nonce` deduplicates (Discord: "the past few minutes"); 0 turns it off. */
  nonceWindowMs = 3 * 60_000;
  /** `${channel}\u0000${author}\u0000${nonce}` -> the message it created and when. */
  readonly nonces = new Map<string, { message: APIMessage; at: number }>();

  constructor(
    public token: string,
    readonly applicationId: string,
    readonly botUser: APIUser,
    guilds: GuildModel[],
    readonly newId: () => string,
  ) {
    this.guilds = new Map(guilds.map((guild) => [guild.id, guild]));
  }

  /** The message an earlier send with this nonce created, if Discord would still remember it. */
  messageForNonce(channelId: string, nonce: string, now = Date.now()): APIMessage | undefined {
    const seen = this.nonces.get(`${channelId}\u0000${this.botUser.id}\u0000${nonce}`);
    if (!seen || now - seen.at >= this.nonceWindowMs || !this.messagesById.has(seen.message.id))
      return undefined;
    return seen.message;
  }

  rememberNonce(channelId: string, nonce: string, message: APIMessage, now = Date.now()): void {
    this.nonces.set(`${channelId}\u0000${this.botUser.id}\u0000${nonce}`, { message, at: now });
  }

  guildOfChannel(channelId: string): GuildModel | undefined {
    for (const guild of this.guilds.values()) if (guild.channel(channelId)) return guild;
    const thread = this.threads.get(channelId);
    return thread?.guild_id ? this.guilds.get(thread.guild_id) : undefined;
  }

  record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of this.requestWaiters) {
      if (waiter.predicate(request)) {
        this.requestWaiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  }

  storeMessage(message: APIMessage, ephemeral: boolean): APIMessage {
    this.messagesById.set(message.id, message);
    if (!ephemeral) {
      const list = this.channelMessages.get(message.channel_id) ?? [];
      list.push(message);
      this.channelMessages.set(message.channel_id, list);
    }
    return message;
  }

  updateMessage(id: string, patch: Record<string, unknown>): APIMessage | undefined {
    const message = this.messagesById.get(id);
    if (!message) return undefined;
    Object.assign(message, pickMessageFields(patch), { edited_timestamp: new Date().toISOString() });
    return message;
  }

  deleteMessage(id: string): boolean {
    const message = this.messagesById.get(id);
    if (!message) return false;
    this.messagesById.delete(id);
    const list = this.channelMessages.get(message.channel_id);
    if (list)
      this.channelMessages.set(
        message.channel_id,
        list.filter((m) => m.id !== id),
      );
    return true;
  }

  /** Builds a message the way Discord returns it after a send. */
  newMessage(channelId: string, body: Record<string, unknown>, extra: Partial<APIMessage> = {}): APIMessage {
    const guild = this.guildOfChannel(channelId);
    return {
      id: this.newId(),
      type: 0,
      channel_id: channelId,
      ...(guild ? { guild_id: guild.id } : {}),
      author: this.botUser,
      content: "",
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      ...pickMessageFields(body),
      ...extra,
    } as APIMessage;
  }
}

const MESSAGE_FIELDS = [
  "content",
  "embeds",
  "components",
  "flags",
  "tts",
  "poll",
  "attachments",
  "sticker_ids",
];

function pickMessageFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).filter(([key, value]) => MESSAGE_FIELDS.includes(key) && value != null),
  );
}
