import { type Guild, PermissionFlagsBits, PermissionsBitField } from "discord.js";

/** What the bot needs in the post-of-the-day channel (Read Message History: to check for a post after a crash). */
const NEEDED = [
  ["ViewChannel", PermissionFlagsBits.ViewChannel],
  ["SendMessages", PermissionFlagsBits.SendMessages],
  ["EmbedLinks", PermissionFlagsBits.EmbedLinks],
  ["ReadMessageHistory", PermissionFlagsBits.ReadMessageHistory],
] as const;

/** The names of the permissions the bot lacks to post the post of the day in a channel; empty when it can. */
export async function missingPostingPermissions(guild: Guild, channelId: string): Promise<string[]> {
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const permissions = guild.channels.cache.get(channelId)?.permissionsFor(me) ?? new PermissionsBitField();
  return NEEDED.filter(([, flag]) => !permissions.has(flag)).map(([name]) => name);
}
