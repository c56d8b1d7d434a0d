/** What a fake guild looks like, and how it becomes Discord API objects (guild, channels, roles, the bot member). */
import {
  type APIChannel,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type APIUser,
  ChannelType,
  type GuildMemberFlags,
  OverwriteType,
  PermissionFlagsBits,
  type RoleFlags,
  type UserFlags,
} from "discord.js";

export type Permissions = bigint | string;

export interface FakeOverwrite {
  id: string;
  type: "role" | "member";
  allow?: Permissions;
  deny?: Permissions;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** Default: a text channel. */
  type?: ChannelType;
  parentId?: string;
  topic?: string;
  permissionOverwrites?: FakeOverwrite[];
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: Permissions;
  position?: number;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
  /** Roles besides @everyone (whose id is the guild id). */
  roles?: FakeRole[];
  everyonePermissions?: Permissions;
  /** Permissions of the bot's own managed role. */
  botPermissions?: Permissions;
  /** Extra roles (from `roles`) given to the bot member. */
  botRoleIds?: string[];
  ownerId?: string;
  preferredLocale?: string;
}

const F = PermissionFlagsBits;
export const DEFAULT_EVERYONE_PERMISSIONS =
  F.ViewChannel |
  F.SendMessages |
  F.ReadMessageHistory |
  F.EmbedLinks |
  F.AttachFiles |
  F.AddReactions |
  F.UseExternalEmojis |
  F.UseApplicationCommands;
export const DEFAULT_BOT_PERMISSIONS =
  F.ViewChannel | F.SendMessages | F.ReadMessageHistory | F.EmbedLinks | F.AttachFiles | F.UseExternalEmojis;
const ALL_PERMISSIONS = Object.values(F).reduce((all, flag) => all | flag, 0n);

const JOINED_AT = "2024-01-01T00:00:00.000Z";

export function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: bot ? "0001" : "0",
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    flags: 0 as UserFlags,
    public_flags: 0 as UserFlags,
  };
}

export function makeMember(
  user: APIUser,
  roles: string[],
  permissions?: bigint,
): APIGuildMember & { permissions?: string } {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
    ...(permissions === undefined ? {} : { permissions: permissions.toString() }),
  };
}

/** A guild as the fake serves it: the input plus the roles and bot member it implies. */
export class GuildModel {
  readonly roles: APIRole[];
  readonly botMember: APIGuildMember;
  readonly members = new Map<string, APIGuildMember>();

  constructor(
    readonly input: FakeGuild,
    readonly botUser: APIUser,
    newId: () => string,
  ) {
    const everyone = role(
      input.id,
      "@everyone",
      input.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS,
      0,
    );
    const botRole = {
      ...role(newId(), botUser.username, input.botPermissions ?? DEFAULT_BOT_PERMISSIONS, 1),
      managed: true,
      tags: { bot_id: botUser.id },
    };
    const others = (input.roles ?? []).map((r, index) =>
      role(r.id, r.name, r.permissions, r.position ?? index + 2),
    );
    this.roles = [everyone, botRole, ...others];
    this.botMember = makeMember(botUser, [botRole.id, ...(input.botRoleIds ?? [])]);
    this.members.set(botUser.id, this.botMember);
  }

  get id(): string {
    return this.input.id;
  }

  channel(id: string): FakeChannel | undefined {
    return this.input.channels.find((channel) => channel.id === id);
  }

  firstTextChannel(): FakeChannel | undefined {
    return this.input.channels.find(
      (channel) => (channel.type ?? ChannelType.GuildText) === ChannelType.GuildText,
    );
  }

  apiChannel(channel: FakeChannel, position = this.input.channels.indexOf(channel)): APIChannel {
    const type = channel.type ?? ChannelType.GuildText;
    const overwrites: APIOverwrite[] = (channel.permissionOverwrites ?? []).map((o) => ({
      id: o.id,
      type: o.type === "role" ? OverwriteType.Role : OverwriteType.Member,
      allow: BigInt(o.allow ?? 0n).toString(),
      deny: BigInt(o.deny ?? 0n).toString(),
    }));
    return {
      id: channel.id,
      type,
      guild_id: this.id,
      name: channel.name,
      position,
      permission_overwrites: overwrites,
      parent_id: channel.parentId ?? null,
      nsfw: false,
      topic: channel.topic ?? null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    } as unknown as APIChannel;
  }

  /** Channel permissions of a member, computed the way Discord documents it (base, then overwrites). */
  permissionsIn(member: APIGuildMember, channelId: string | undefined): bigint {
    const roleIds = new Set([this.id, ...member.roles]);
    let base = 0n;
    for (const r of this.roles) if (roleIds.has(r.id)) base |= BigInt(r.permissions);
    if (member.user.id === (this.input.ownerId ?? "") || base & F.Administrator) return ALL_PERMISSIONS;
    const overwrites = channelId ? (this.channel(channelId)?.permissionOverwrites ?? []) : [];
    const apply = (perms: bigint, o: FakeOverwrite | undefined) =>
      o ? (perms & ~BigInt(o.deny ?? 0n)) | BigInt(o.allow ?? 0n) : perms;
    let perms = apply(
      base,
      overwrites.find((o) => o.type === "role" && o.id === this.id),
    );
    let roleDeny = 0n;
    let roleAllow = 0n;
    for (const o of overwrites) {
      if (o.type === "role" && o.id !== this.id && roleIds.has(o.id)) {
        roleDeny |= BigInt(o.deny ?? 0n);
        roleAllow |= BigInt(o.allow ?? 0n);
      }
    }
    perms = (perms & ~roleDeny) | roleAllow;
    return apply(
      perms,
      overwrites.find((o) => o.type === "member" && o.id === member.user.id),
    );
  }

  botPermissionsIn(channelId: string | undefined): bigint {
    return this.permissionsIn(this.botMember, channelId);
  }

  /** The full GUILD_CREATE payload, so discord.js can compute permissions and cache channels. */
  apiGuild(withGatewayFields: boolean): Record<string, unknown> {
    const guild = {
      id: this.id,
      name: this.input.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.input.ownerId ?? "1",
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: this.roles,
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: this.locale,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      max_members: 500_000,
      max_video_channel_users: 25,
      hub_type: null,
      incidents_data: null,
    };
    if (!withGatewayFields) return guild;
    return {
      ...guild,
      joined_at: JOINED_AT,
      large: false,
      unavailable: false,
      member_count: this.members.size + 1,
      voice_states: [],
      members: [...this.members.values()],
      channels: this.input.channels.map((channel) => this.apiChannel(channel)),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  get locale(): string {
    return this.input.preferredLocale ?? "en-US";
  }
}

function role(id: string, name: string, permissions: Permissions, position: number): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: BigInt(permissions).toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}
