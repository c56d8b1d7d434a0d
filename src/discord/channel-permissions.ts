import {
  type APIUser,
  type Client,
  type GuildMember,
  PermissionFlagsBits,
  PermissionsBitField,
  Routes,
} from "discord.js";
import { t } from "../i18n/translate.js";

/**
 * What the bot needs in the post-of-the-day channel (Read Message History: to check for a post after a crash), named
 * as Discord's channel settings show them, so an admin can find them.
 */
const NEEDED = [
  ["permission.viewChannel", PermissionFlagsBits.ViewChannel],
  ["permission.sendMessages", PermissionFlagsBits.SendMessages],
  ["permission.embedLinks", PermissionFlagsBits.EmbedLinks],
  ["permission.readMessageHistory", PermissionFlagsBits.ReadMessageHistory],
] as const;

/**
 * The names (in the reader's language) of the permissions the bot lacks to post the post of the day in a channel; empty when it can. From the
 * gateway's cache when this process holds the server; else (an HTTP-only process) asked of Discord over REST.
 */
export async function missingPostingPermissions(
  client: Client,
  guildId: string,
  channelId: string,
): Promise<string[]> {
  const cached = client.guilds.cache.get(guildId);
  let permissions: Readonly<PermissionsBitField> | null | undefined;
  if (cached) {
    const me = cached.members.me ?? (await cached.members.fetchMe());
    permissions = cached.channels.cache.get(channelId)?.permissionsFor(me);
  } else {
    const guild = await client.guilds.fetch({ guild: guildId, cache: false, force: true });
    const me: GuildMember = await guild.members.fetch({ user: await botUserId(client), cache: false });
    const channel = await guild.channels.fetch(channelId, { cache: false }).catch(() => null);
    permissions = channel?.permissionsFor(me);
  }
  const granted = permissions ?? new PermissionsBitField();
  return NEEDED.filter(([, flag]) => !granted.has(flag)).map(([key]) => t(key));
}

const botUserIds = new WeakMap<Client, Promise<string>>();

/** The bot's user id: from the gateway's login, else asked once over REST. */
function botUserId(client: Client): Promise<string> {
  if (client.user) return Promise.resolve(client.user.id);
  let id = botUserIds.get(client);
  if (!id) {
    id = (client.rest.get(Routes.user()) as Promise<APIUser>).then((user) => user.id);
    id.catch(() => botUserIds.delete(client));
    botUserIds.set(client, id);
  }
  return id;
}
