import {
  type APIInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  type Client,
  ComponentType,
  type Interaction,
  InteractionType,
  StringSelectMenuInteraction,
} from "discord.js";

type Constructor = new (client: Client, data: unknown) => Interaction;

/**
 * The discord.js interaction for a payload received over HTTP: the same classes the gateway builds (discord.js's
 * constructors are typed private, hence the cast), so commands cannot tell the transports apart. Undefined for the
 * kinds Curator has no use for (context menus, modals, other menus).
 */
export function toInteraction(client: Client, data: APIInteraction): Interaction | undefined {
  const Class = classFor(data);
  return Class ? new Class(client, data) : undefined;
}

function classFor(data: APIInteraction): Constructor | undefined {
  switch (data.type) {
    case InteractionType.ApplicationCommand:
      return data.data.type === 1 ? (ChatInputCommandInteraction as unknown as Constructor) : undefined;
    case InteractionType.ApplicationCommandAutocomplete:
      return AutocompleteInteraction as unknown as Constructor;
    case InteractionType.MessageComponent:
      if (data.data.component_type === ComponentType.Button)
        return ButtonInteraction as unknown as Constructor;
      if (data.data.component_type === ComponentType.StringSelect)
        return StringSelectMenuInteraction as unknown as Constructor;
      return undefined;
    default:
      return undefined;
  }
}
