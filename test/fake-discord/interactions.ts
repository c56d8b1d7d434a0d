/** Builders of complete interaction payloads, shaped like the ones Discord sends and discord.js accepts. */
import { randomBytes } from "node:crypto";
import { type APIMessage, type APIUser, ApplicationCommandOptionType as OptionType } from "discord.js";
import { type GuildModel, makeMember, makeUser, type Permissions } from "./model.js";
import type { FakeState } from "./state.js";

export type OptionValue = string | number | boolean;
/** Option values by name (types come from the registered command when known), or raw API options. */
export type OptionsInput = Record<string, OptionValue> | ApiOption[];

export interface ApiOption {
  name: string;
  type: number;
  value?: OptionValue;
  focused?: boolean;
  options?: ApiOption[];
}

export interface InteractionContext {
  /** Default: a user called "tester". */
  user?: { id: string; username: string };
  /** Default: the first guild. */
  guildId?: string;
  /** Default: the guild's first text channel. */
  channelId?: string;
  /** The invoking member's permissions; default: computed from @everyone and `roles` in the channel. */
  permissions?: Permissions;
  roles?: string[];
  locale?: string;
  /**
   * Where the interaction happens (Discord's `context`): `guild` (default), `botDm` (a DM with the bot) or
   * `privateChannel` (a DM between users or a group DM, reachable only by a user-installed app).
   */
  context?: "guild" | "botDm" | "privateChannel";
  /**
   * Who installed the app that receives it (`authorizing_integration_owners`): `guild` (default in a server) or
   * `user` (a member installed it for themselves; the default outside servers).
   */
  install?: "guild" | "user";
}

export interface SlashCommandInput extends InteractionContext {
  name: string;
  options?: OptionsInput;
  subcommand?: string;
  subcommandGroup?: string;
}

export interface AutocompleteInput extends SlashCommandInput {
  /** The option being typed in; it is sent as a string with `focused: true`. */
  focused: string;
}

export interface ButtonInput extends InteractionContext {
  customId: string;
  /** The message carrying the component: a message object or the id of a message the fake stored. */
  message: APIMessage | string;
}

export interface SelectMenuInput extends ButtonInput {
  values: string[];
  /** Default 3 (string select). */
  componentType?: number;
}

export interface ModalSubmitInput extends InteractionContext {
  customId: string;
  fields: Record<string, string>;
  message?: APIMessage | string;
}

export type InteractionPayload = Record<string, unknown> & { id: string; token: string; type: number };

export const DEFAULT_USER = { id: "200000000000000001", username: "tester" };

interface OptionDefinition {
  name: string;
  type: number;
  options?: OptionDefinition[];
}

export class InteractionBuilders {
  constructor(private readonly state: FakeState) {}

  slashCommand(input: SlashCommandInput): InteractionPayload {
    return this.#command(2, input, undefined);
  }

  autocomplete(input: AutocompleteInput): InteractionPayload {
    return this.#command(4, input, input.focused);
  }

  button(input: ButtonInput): InteractionPayload {
    return this.#base(
      3,
      input,
      { custom_id: input.customId, component_type: 2 },
      this.#message(input.message),
    );
  }

  selectMenu(input: SelectMenuInput): InteractionPayload {
    const data = {
      custom_id: input.customId,
      component_type: input.componentType ?? 3,
      values: input.values,
    };
    return this.#base(3, input, data, this.#message(input.message));
  }

  modalSubmit(input: ModalSubmitInput): InteractionPayload {
    const components = Object.entries(input.fields).map(([customId, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: customId, value }],
    }));
    const message = input.message === undefined ? undefined : this.#message(input.message);
    return this.#base(5, input, { custom_id: input.customId, components }, message);
  }

  #message(message: APIMessage | string): APIMessage {
    if (typeof message !== "string") return message;
    const stored = this.state.messagesById.get(message);
    if (!stored) throw new Error(`fake-discord: no stored message ${message}`);
    return stored;
  }

  #guild(guildId: string | undefined): GuildModel {
    const guild = guildId ? this.state.guilds.get(guildId) : this.state.guilds.values().next().value;
    if (!guild) throw new Error(`fake-discord: unknown guild ${guildId ?? "(none configured)"}`);
    return guild;
  }

  #command(type: 2 | 4, input: SlashCommandInput, focused: string | undefined): InteractionPayload {
    const inGuild = (input.context ?? "guild") === "guild";
    const guild = inGuild ? this.#guild(input.guildId) : undefined;
    // Outside a server only global commands exist (guild commands are not offered there).
    const registered = [
      ...(guild ? (this.state.commands.get(guild.id) ?? []) : []),
      ...(this.state.commands.get("global") ?? []),
    ].find((command) => command.name === input.name && (command.type ?? 1) === 1);
    let definitions = (registered?.options ?? []) as OptionDefinition[];
    const path = [input.subcommandGroup, input.subcommand].filter((name): name is string => Boolean(name));
    for (const name of path) definitions = definitions.find((d) => d.name === name)?.options ?? [];
    let options = toApiOptions(input.options ?? {}, definitions, focused);
    const resolved = guild ? resolvedFor(options, guild) : undefined;
    if (input.subcommand) options = [{ type: OptionType.Subcommand, name: input.subcommand, options }];
    if (input.subcommandGroup)
      options = [{ type: OptionType.SubcommandGroup, name: input.subcommandGroup, options }];
    const data = {
      id: String(registered?.id ?? this.state.newId()),
      name: input.name,
      type: 1,
      ...(guild ? { guild_id: guild.id } : {}),
      options,
      ...(resolved ? { resolved } : {}),
    };
    return this.#base(type, input, data, undefined);
  }

  #base(
    type: number,
    input: InteractionContext,
    data: Record<string, unknown>,
    message: APIMessage | undefined,
  ): InteractionPayload {
    if ((input.context ?? "guild") !== "guild") return this.#private(type, input, data, message);
    const guild = this.#guild(input.guildId ?? (message as { guild_id?: string } | undefined)?.guild_id);
    const channel = input.channelId
      ? guild.channel(input.channelId)
      : message
        ? guild.channel(message.channel_id)
        : guild.firstTextChannel();
    if (!channel)
      throw new Error(`fake-discord: guild ${guild.id} has no channel ${input.channelId ?? "(text)"}`);
    const who = input.user ?? DEFAULT_USER;
    const user: APIUser = makeUser(who.id, who.username);
    const baseMember = makeMember(user, input.roles ?? []);
    guild.members.set(user.id, baseMember);
    const permissions =
      input.permissions === undefined
        ? guild.permissionsIn(baseMember, channel.id)
        : BigInt(input.permissions);
    return {
      id: this.state.newId(),
      application_id: this.state.applicationId,
      type,
      token: `fake-${randomBytes(24).toString("base64url")}`,
      version: 1,
      data,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.locale, features: [] },
      channel_id: channel.id,
      channel: { ...guild.apiChannel(channel), permissions: permissions.toString() },
      member: { ...baseMember, permissions: permissions.toString() },
      app_permissions: guild.botPermissionsIn(channel.id).toString(),
      locale: input.locale ?? "en-US",
      guild_locale: guild.locale,
      entitlements: [],
      authorizing_integration_owners: input.install === "user" ? { "1": user.id } : { "0": guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...(message ? { message } : {}),
    };
  }

  /**
   * An interaction outside any server, as Discord documents it: `user` instead of `member`, no `guild_id`, a DM
   * (type 1) or group DM (type 3) channel, `context` 1 (bot DM) or 2 (private channel), and the installs that
   * authorize it (a guild install answers in a bot DM with the owner "0").
   */
  #private(
    type: number,
    input: InteractionContext,
    data: Record<string, unknown>,
    message: APIMessage | undefined,
  ): InteractionPayload {
    const who = input.user ?? DEFAULT_USER;
    const user: APIUser = makeUser(who.id, who.username);
    const botDm = input.context === "botDm";
    const channelId = input.channelId ?? message?.channel_id ?? this.state.newId();
    const channel = botDm
      ? { id: channelId, type: 1, recipients: [user], last_message_id: null, flags: 0 }
      : { id: channelId, type: 3, name: null, icon: null, recipients: [user], owner_id: user.id, flags: 0 };
    const install = input.install ?? "user";
    // Outside a server, what the app may do is what any message sender may: view, send, embed, attach, history.
    const dmPermissions = (1024n | 2048n | 16384n | 32768n | 65536n).toString();
    return {
      id: this.state.newId(),
      application_id: this.state.applicationId,
      type,
      token: `fake-${randomBytes(24).toString("base64url")}`,
      version: 1,
      data,
      channel_id: channelId,
      channel,
      user,
      app_permissions: dmPermissions,
      locale: input.locale ?? "en-US",
      entitlements: [],
      authorizing_integration_owners: install === "user" ? { "1": user.id } : { "0": "0" },
      context: botDm ? 1 : 2,
      attachment_size_limit: 10_485_760,
      ...(message ? { message } : {}),
    };
  }
}

function inferType(value: OptionValue): number {
  if (typeof value === "boolean") return OptionType.Boolean;
  if (typeof value === "number") return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function toApiOptions(
  input: OptionsInput,
  definitions: OptionDefinition[],
  focused: string | undefined,
): ApiOption[] {
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, value]) => {
    const type = definitions.find((d) => d.name === name)?.type ?? inferType(value);
    // While typing, Discord sends the partial text of the focused option as a string, whatever the option's type.
    return name === focused
      ? { name, type, value: String(value), focused: true }
      : { name, type, value: type === OptionType.String ? String(value) : value };
  });
}

/** The `resolved` block discord.js needs to build users, roles and channels picked in options. */
function resolvedFor(
  options: ApiOption[],
  guild: GuildModel,
): Record<string, Record<string, unknown>> | undefined {
  const resolved: Record<string, Record<string, unknown>> = {};
  const add = (kind: string, id: string, value: unknown) => {
    resolved[kind] ??= {};
    resolved[kind][id] = value;
  };
  for (const option of options) {
    const id = String(option.value);
    if (option.type === OptionType.User) {
      const user = makeUser(id, `user${id.slice(-4)}`);
      add("users", id, user);
      const { user: _user, ...member } = makeMember(user, []);
      add("members", id, { ...member, permissions: "0" });
    } else if (option.type === OptionType.Role) {
      const role = guild.roles.find((r) => r.id === id);
      if (role) add("roles", id, role);
    } else if (option.type === OptionType.Channel) {
      const channel = guild.channel(id);
      if (channel) add("channels", id, { ...guild.apiChannel(channel), permissions: "0" });
    }
  }
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}
