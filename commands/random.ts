import { SlashCommandBuilder } from "discord.js";
import { suggestTopics } from "../src/answers/autocomplete.js";
import { answerRandom } from "../src/answers/random.js";
import type { Command } from "../src/discord/command.js";
import { REACH } from "../src/discord/reach.js";
import { respond, update } from "../src/discord/respond.js";

export const random = {
  data: new SlashCommandBuilder()
    .setName("random")
    .setDescription("A random post from the collection")
    .setIntegrationTypes(REACH.anywhere.integrationTypes)
    .setContexts(REACH.anywhere.contexts)
    .addStringOption((o) =>
      o.setName("topic").setDescription("Only posts with this topic").setAutocomplete(true),
    )
    .addBooleanOption((o) => o.setName("hide").setDescription("Only you see the answer")),

  async execute(interaction, ctx) {
    const reply = answerRandom(ctx.library(), ctx.random, {
      topic: interaction.options.getString("topic") ?? undefined,
      userId: interaction.user.id,
      callerKey: `${interaction.channelId}:${interaction.user.id}`,
      ephemeral: interaction.options.getBoolean("hide") ?? false,
    });
    await respond(interaction, reply);
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(suggestTopics(ctx.library().collection, interaction.options.getFocused()));
  },

  components: {
    /** "Another": the person who drew the post gets a new one in place; anyone else gets their own, privately. */
    async random(interaction, id, ctx) {
      if (id.kind !== "random") return;
      const own = interaction.user.id === id.userId;
      const reply = answerRandom(ctx.library(), ctx.random, {
        topic: id.topic || undefined,
        userId: interaction.user.id,
        callerKey: `${interaction.channelId}:${interaction.user.id}`,
        ephemeral: !own,
      });
      if (own && !reply.ephemeral) await update(interaction, reply);
      else await respond(interaction, { ...reply, ephemeral: true });
    },
  },
} satisfies Command;
