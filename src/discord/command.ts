import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from "discord.js";
import type { BotContext } from "./context.js";
import type { CustomId } from "./custom-id.js";

/** One slash command: its definition, what it does, and the buttons/menus it owns (by custom_id kind). */
export interface Command<Ctx extends BotContext = BotContext> {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: Ctx): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: Ctx): Promise<unknown>;
  components?: Partial<Record<CustomId["kind"], ComponentHandler<Ctx>>>;
}

export type ComponentHandler<Ctx extends BotContext = BotContext> = (
  interaction: ComponentInteraction,
  id: CustomId,
  ctx: Ctx,
) => Promise<unknown>;

/** The component interactions Curator's messages can produce. */
export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;
