import { SlashCommandBuilder } from "discord.js";
import { answerPotd } from "../src/answers/potd.js";
import type { Command } from "../src/discord/command.js";
import { REACH } from "../src/discord/reach.js";
import { errorReply } from "../src/discord/reply.js";
import { respond } from "../src/discord/respond.js";
import { t } from "../src/i18n/translate.js";
import { todaysPost } from "../src/scheduler/preview.js";

export const potd = {
  data: new SlashCommandBuilder()
    .setName("potd")
    .setDescription("Today's post of the day for this server")
    .setIntegrationTypes(REACH.server.integrationTypes)
    .setContexts(REACH.server.contexts)
    .addBooleanOption((o) => o.setName("hide").setDescription("Only you see the answer")),

  async execute(interaction, ctx) {
    if (!interaction.guildId) return respond(interaction, errorReply(t("potd.notInServer")));
    const status = await ctx.scheduler.status(interaction.guildId);
    const post = await todaysPost(ctx.store, ctx.library().collection, interaction.guildId, status);
    const reply = answerPotd({
      post,
      localDate: status.localDate,
      userId: interaction.user.id,
      ephemeral: interaction.options.getBoolean("hide") ?? false,
    });
    await respond(interaction, reply);
  },
} satisfies Command;
