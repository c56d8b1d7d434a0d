import { type Guild, PermissionFlagsBits, PermissionsBitField } from "discord.js";

/**
 * What the bot needs in the post-of-the-day channel (Read Message History: to check for a post after a crash), named
 * as Discord's channel settings show them, so an admin can find them.
 */
const NEEDED = [
  ["View Channel", PermissionFlagsBits.ViewChannel],
  ["Send Messages", PermissionFlagsBits.SendMessages],
  ["Embed Links", PermissionFlagsBits.EmbedLinks],
  ["Read Message History", PermissionFlagsBits.ReadMessageHistory],
] as const;

/** The names of the permissions the bot lacks to post the post of the day in a channel; empty when it can. */
export async function missingPostingPermissions(guild: Guild, channelId: string): Promise<string[]> {
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const permissions = guild.channels.cache.get(channelId)?.permissionsFor(me) ?? new PermissionsBitField();
  return NEEDED.filter(([, flag]) => !permissions.has(flag)).map(([name]) => name);
}
