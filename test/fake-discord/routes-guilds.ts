/** Guilds, their channels and channel messages, with the bot's permissions enforced. */
import { ChannelType, PermissionFlagsBits } from "discord.js";
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
import { compareSnowflakes } from "./snowflake.js";
import type { FakeState } from "./state.js";
import { validateMessage } from "./validation.js";

export function guildRoutes(state: FakeState): Route[] {
  const guildOr404 = (id: string | undefined): GuildModel | Reply =>
    state.guilds.get(id ?? "") ?? unknown("Guild", 10004);

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
    // Forum and media channels hold posts (threads), never messages of their own.
    const type = found.guild.channel(found.channelId)?.type;
    if (type === ChannelType.GuildForum || type === ChannelType.GuildMedia)
      return { status: 400, body: { message: "Cannot send messages in a non-text channel", code: 50008 } };
    const data = asObject(body);
    const error = validateMessage(data, true);
    if (error) return fromError(error);
    // enforce_nonce: within the window, the same author's same nonce returns the first message, creating nothing.
    const nonce =
      typeof data.nonce === "string" || typeof data.nonce === "number" ? String(data.nonce) : null;
    if (nonce && data.enforce_nonce === true) {
      const earlier = state.messageForNonce(found.channelId, nonce);
      if (earlier) return { status: 200, body: earlier };
    }
    const message = state.storeMessage(state.newMessage(found.channelId, data), false);
    if (nonce && data.enforce_nonce === true) state.rememberNonce(found.channelId, nonce, message);
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

  return [
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
}
