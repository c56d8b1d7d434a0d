import {
  type BaseMessageOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import type { ComponentInteraction } from "./command.js";
import type { Reply } from "./reply.js";

/** The discord.js message options for a Reply. */
export function toMessageOptions(reply: Reply): BaseMessageOptions {
  return {
    content: reply.content ?? "",
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: reply.allowedMentions,
  };
}

/** Answers an interaction whatever state it is in: first reply, after a defer, or as a follow-up. */
export async function respond(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const options: InteractionReplyOptions = {
    ...toMessageOptions(reply),
    flags: reply.ephemeral ? MessageFlags.Ephemeral : undefined,
  };
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(toMessageOptions(reply));
  } else if (interaction.replied) {
    await interaction.followUp(options);
  } else {
    await interaction.reply(options);
  }
}

/**
 * Answers with what `work` gives; if it takes longer than `afterMs` (a database lock held by another process),
 * defers first, so Discord's 3-second deadline never passes unanswered.
 */
export async function respondInTime(
  interaction: RepliableInteraction,
  work: Promise<Reply>,
  { ephemeral, afterMs = 2000 }: { ephemeral: boolean; afterMs?: number },
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), afterMs);
  });
  const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
  if (first !== "late") return respond(interaction, first);
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  await respond(interaction, await work);
}

/** Replaces the message a button or menu belongs to (Discord's UPDATE_MESSAGE callback). */
export async function update(interaction: ComponentInteraction, reply: Reply): Promise<void> {
  await interaction.update(toMessageOptions(reply));
}

/** Greys out every button and menu of the message a component belongs to: how a stale search looks. */
export async function disableButtons(interaction: ComponentInteraction): Promise<void> {
  const rows = messageRows(interaction).map((json) => ({
    ...json,
    components: json.components.map((c) => ({ ...c, disabled: true })),
  }));
  await interaction.update({ components: rows });
}

/**
 * The rows of the message a component belongs to, as API JSON. Over the gateway discord.js has the channel cached
 * and gives a Message; over HTTP it has no channel and keeps the raw message Discord sent.
 */
export function messageRows(interaction: ComponentInteraction): Reply["components"] {
  const message = interaction.message as { components?: unknown[] };
  return (message.components ?? []).map((row) =>
    typeof (row as { toJSON?: unknown }).toJSON === "function"
      ? ((row as { toJSON(): unknown }).toJSON() as Reply["components"][number])
      : (row as Reply["components"][number]),
  );
}
