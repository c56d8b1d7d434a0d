/**
 * Threads, forum posts and crossposts, as Discord documents them (resources/channel.md, topics/threads.md):
 * - POST /channels/{forum}/threads (Start Thread in Forum or Media Channel): `name` 1-100 characters and a
 *   `message`; creates a PUBLIC_THREAD (11) whose first message has the thread's id; needs only SEND_MESSAGES.
 * - POST /channels/{channel}/messages/{message}/threads (Start Thread from Message): the thread has the message's
 *   id; one thread per message (160004); needs CREATE_PUBLIC_THREADS.
 * - POST /channels/{channel}/messages/{message}/crosspost: announcement channels only; the message gets the
 *   CROSSPOSTED flag (1); once (40033).
 * - GET /guilds/{guild}/threads/active, GET /channels/{channel}/threads/archived/public: `{ threads, members }`.
 */
import {
  type APIMessage,
  type APIThreadChannel,
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import type { GuildModel } from "./model.js";
import {
  asObject,
  type Context,
  fromError,
  isReply,
  missingAccess,
  missingPermissions,
  type Reply,
  type Route,
  route,
  unknown,
} from "./routes.js";
import type { FakeState } from "./state.js";
import { validateMessage } from "./validation.js";

const THREAD_ONLY = [ChannelType.GuildForum, ChannelType.GuildMedia];
const ARCHIVE_DURATIONS = [60, 1440, 4320, 10080];

const badRequest = (message: string, code: number): Reply => ({ status: 400, body: { message, code } });
const wrongChannelType = () => badRequest("Cannot execute action on this channel type", 50024);

function invalidName(name: unknown): Reply | undefined {
  if (typeof name === "string" && name.length >= 1 && name.length <= 100) return undefined;
  return {
    status: 400,
    body: {
      message: "Invalid Form Body",
      code: 50035,
      errors: {
        name: {
          _errors: [{ code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." }],
        },
      },
    },
  };
}

export function threadRoutes(state: FakeState): Route[] {
  function channelOf(
    id: string | undefined,
  ): { guild: GuildModel; channelId: string; type: ChannelType } | Reply {
    const guild = state.guildOfChannel(id ?? "");
    const channel = guild?.channel(id ?? "");
    return guild && channel
      ? { guild, channelId: channel.id, type: channel.type ?? ChannelType.GuildText }
      : unknown("Channel", 10003);
  }

  function newThread(
    guild: GuildModel,
    parentId: string,
    id: string,
    body: Record<string, unknown>,
    type: ChannelType,
  ): APIThreadChannel {
    const duration = ARCHIVE_DURATIONS.includes(Number(body.auto_archive_duration))
      ? Number(body.auto_archive_duration)
      : 4320;
    const thread = {
      id,
      type,
      guild_id: guild.id,
      parent_id: parentId,
      owner_id: state.botUser.id,
      name: body.name as string,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: duration,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
      total_message_sent: 0,
    } as unknown as APIThreadChannel;
    state.threads.set(id, thread);
    return thread;
  }

  function startInForum({ params, body }: Context): Reply {
    const found = channelOf(params.channel);
    if (isReply(found)) return found;
    if (!THREAD_ONLY.includes(found.type)) return wrongChannelType();
    const permissions = found.guild.botPermissionsIn(found.channelId);
    if (!(permissions & PermissionFlagsBits.ViewChannel)) return missingAccess();
    if (!(permissions & PermissionFlagsBits.SendMessages)) return missingPermissions();
    const data = asObject(body);
    const nameError = invalidName(data.name);
    if (nameError) return nameError;
    if (!data.message || typeof data.message !== "object")
      return badRequest("Invalid Form Body: message is required in a forum channel", 50035);
    const messageBody = asObject(data.message);
    const error = validateMessage(messageBody, true);
    if (error) return fromError(error);
    const id = state.newId();
    const thread = newThread(found.guild, found.channelId, id, data, ChannelType.PublicThread);
    const message = state.storeMessage(
      state.newMessage(id, messageBody, { id, position: 0 } as Partial<APIMessage>),
      false,
    );
    Object.assign(thread, { last_message_id: id, message_count: 1, total_message_sent: 1 });
    return { status: 201, body: { ...thread, message } };
  }

  function startFromMessage({ params, body }: Context): Reply {
    const found = channelOf(params.channel);
    if (isReply(found)) return found;
    if (![ChannelType.GuildText, ChannelType.GuildAnnouncement].includes(found.type))
      return wrongChannelType();
    const permissions = found.guild.botPermissionsIn(found.channelId);
    if (!(permissions & PermissionFlagsBits.ViewChannel)) return missingAccess();
    if (!(permissions & PermissionFlagsBits.CreatePublicThreads)) return missingPermissions();
    const message = state.messagesById.get(params.message ?? "");
    if (!message || message.channel_id !== found.channelId) return unknown("Message", 10008);
    if (state.threads.has(message.id))
      return badRequest("A thread has already been created for this message", 160004);
    const data = asObject(body);
    const nameError = invalidName(data.name);
    if (nameError) return nameError;
    const type =
      found.type === ChannelType.GuildAnnouncement
        ? ChannelType.AnnouncementThread
        : ChannelType.PublicThread;
    const thread = newThread(found.guild, found.channelId, message.id, data, type);
    Object.assign(message, { thread, flags: (message.flags ?? 0) | MessageFlags.HasThread });
    return { status: 201, body: thread };
  }

  function crosspost({ params }: Context): Reply {
    const found = channelOf(params.channel);
    if (isReply(found)) return found;
    if (found.type !== ChannelType.GuildAnnouncement) return wrongChannelType();
    const permissions = found.guild.botPermissionsIn(found.channelId);
    if (!(permissions & PermissionFlagsBits.ViewChannel)) return missingAccess();
    const message = state.messagesById.get(params.message ?? "");
    if (!message || message.channel_id !== found.channelId) return unknown("Message", 10008);
    // Publishing someone else's message needs MANAGE_MESSAGES; one's own, SEND_MESSAGES.
    const needed =
      message.author.id === state.botUser.id
        ? PermissionFlagsBits.SendMessages
        : PermissionFlagsBits.ManageMessages;
    if (!(permissions & needed)) return missingPermissions();
    if ((message.flags ?? 0) & MessageFlags.Crossposted)
      return badRequest("This message has already been crossposted", 40033);
    message.flags = (message.flags ?? 0) | MessageFlags.Crossposted;
    return { status: 200, body: message };
  }

  const threadsWhere = (keep: (t: APIThreadChannel) => boolean) => ({
    status: 200,
    body: { threads: [...state.threads.values()].filter(keep), members: [], has_more: false },
  });

  return [
    route("POST", "/channels/:channel/threads", startInForum),
    route("POST", "/channels/:channel/messages/:message/threads", startFromMessage),
    route("POST", "/channels/:channel/messages/:message/crosspost", crosspost),
    route("GET", "/guilds/:guild/threads/active", ({ params }) => {
      if (!state.guilds.has(params.guild ?? "")) return unknown("Guild", 10004);
      return threadsWhere((t) => t.guild_id === params.guild && !t.thread_metadata?.archived);
    }),
    route("GET", "/channels/:channel/threads/archived/public", ({ params }) => {
      const found = channelOf(params.channel);
      if (isReply(found)) return found;
      return threadsWhere((t) => t.parent_id === found.channelId && t.thread_metadata?.archived === true);
    }),
  ];
}
