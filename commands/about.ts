import { SlashCommandBuilder } from "discord.js";
import { answerAbout } from "../src/answers/about.js";
import type { Command } from "../src/discord/command.js";
import { REACH } from "../src/discord/reach.js";
import { respond } from "../src/discord/respond.js";

export const about = {
  data: new SlashCommandBuilder()
    .setName("about")
    .setDescription("About the collection and the bot")
    .setIntegrationTypes(REACH.anywhere.integrationTypes)
    .setContexts(REACH.anywhere.contexts)
    .addBooleanOption((o) => o.setName("hide").setDescription("Only you see the answer")),

  async execute(interaction, ctx) {
    const reply = answerAbout(ctx.library(), {
      version: ctx.version,
      startedAt: ctx.startedAt,
      now: ctx.now(),
    });
    await respond(interaction, { ...reply, ephemeral: interaction.options.getBoolean("hide") ?? false });
  },
} satisfies Command;
