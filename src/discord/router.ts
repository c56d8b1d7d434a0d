import type { Interaction } from "discord.js";
import type { Logger } from "pino";
import { languageOf } from "../i18n/languages.js";
import { t, withLanguage } from "../i18n/translate.js";
import { type InteractionEvent, publishInteraction } from "../ops/events.js";
import type { Command, ComponentHandler } from "./command.js";
import type { BotContext } from "./context.js";
import { decodeCustomId } from "./custom-id.js";
import { rememberGuildLocale } from "./guild-languages.js";
import { reachRefusal } from "./reach.js";
import { errorReply } from "./reply.js";
import { respond } from "./respond.js";

/** Routes every interaction to its command or component handler; a failure becomes an ephemeral error, never a crash. */
export function createRouter<Ctx extends BotContext>(
  commands: readonly Command<Ctx>[],
  ctx: Ctx,
  log: Logger,
) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const declared = new Map(commands.map((c) => [c.data.name, c.data.toJSON()]));
  const components = new Map<string, ComponentHandler<Ctx>>();
  for (const command of commands) {
    for (const [kind, handler] of Object.entries(command.components ?? {})) {
      if (handler) components.set(kind, handler);
    }
  }

  const inFlight = new Set<Promise<void>>();

  /** Starts handling an interaction and keeps track of it, so shutdown can wait for replies in flight. */
  function route(interaction: Interaction): Promise<void> {
    // The server's language, for its channel posts (an HTTP-only process has no gateway cache to read it from).
    rememberGuildLocale(interaction.guildId, interaction.guildLocale);
    // Every reply, follow-up and error is in the language of the member's Discord client.
    const handling = withLanguage(languageOf(interaction.locale), () => handle(interaction)).finally(() =>
      inFlight.delete(handling),
    );
    inFlight.add(handling);
    return handling;
  }

  /** Resolves once every interaction being handled has been answered. */
  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return { route, idle };

  async function handle(interaction: Interaction): Promise<void> {
    const started = Date.now();
    let outcome: InteractionEvent["outcome"] = "ok";
    let failure: unknown;
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) {
          outcome = "unknown";
          return await respond(interaction, errorReply(t("error.unknownCommand")));
        }
        const refusal = reachRefusal(declared.get(command.data.name)!, interaction);
        if (refusal) return await respond(interaction, errorReply(refusal));
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        await (command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        const id = decodeCustomId(interaction.customId);
        const handler = id && components.get(id.kind);
        if (!id || !handler) {
          outcome = "unknown";
          return await respond(interaction, errorReply(t("error.unknownButton")));
        }
        await handler(interaction, id, ctx);
        // A handler that found nothing to do with this component (a forged id on the wrong kind of component)
        // must still answer, or Discord shows "This interaction failed".
        if (!interaction.replied && !interaction.deferred) {
          await respond(interaction, errorReply(t("error.unknownButton")));
        }
      }
      log.debug({ interaction: describe(interaction), ms: Date.now() - started }, "interaction answered");
    } catch (error) {
      outcome = "failed";
      failure = error;
      log.error({ err: error, interaction: describe(interaction) }, "interaction failed");
      if (interaction.isAutocomplete()) {
        await interaction.respond([]).catch(() => undefined);
      } else if (interaction.isRepliable()) {
        await respond(interaction, errorReply(t("error.internal"))).catch((e: unknown) =>
          log.warn({ err: e }, "could not report the failure to the user"),
        );
      }
    } finally {
      publishInteraction({
        ...metricLabels(interaction),
        outcome,
        seconds: (Date.now() - started) / 1000,
        ...(failure === undefined ? {} : { error: failure }),
      });
    }
  }
}

/** Bounded labels: a command's name, or a button's kind, never a user's input. */
function metricLabels(interaction: Interaction): Pick<InteractionEvent, "command" | "kind"> {
  if (interaction.isChatInputCommand()) return { command: interaction.commandName, kind: "command" };
  if (interaction.isAutocomplete()) return { command: interaction.commandName, kind: "autocomplete" };
  if (interaction.isMessageComponent())
    return { command: decodeCustomId(interaction.customId)?.kind ?? "unknown", kind: "component" };
  return { command: "other", kind: "other" };
}

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    id: interaction.id,
    type: interaction.type,
    guild: interaction.guildId,
    user: interaction.user.id,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() ? { customId: interaction.customId } : {}),
  };
}
