import { SlashCommandBuilder } from "discord.js";
import { suggestPosts, suggestTopics } from "../src/answers/autocomplete.js";
import { answerPost } from "../src/answers/post.js";
import { answerSearch } from "../src/answers/search.js";
import type { Command } from "../src/discord/command.js";
import { collectionVersion } from "../src/discord/context.js";
import { MAX_QUERY_LENGTH } from "../src/discord/custom-id.js";
import { REACH } from "../src/discord/reach.js";
import { errorReply } from "../src/discord/reply.js";
import { disableButtons, respond, update } from "../src/discord/respond.js";
import { t } from "../src/i18n/translate.js";

export const search = {
  data: new SlashCommandBuilder()
    .setName("search")
    .setDescription("Search the collection")
    .setIntegrationTypes(REACH.anywhere.integrationTypes)
    .setContexts(REACH.anywhere.contexts)
    .addStringOption((o) =>
      o
        .setName("query")
        .setDescription("Words to look for (typos and accents are fine); leave out to browse a topic")
        .setMaxLength(MAX_QUERY_LENGTH)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o.setName("topic").setDescription("Only posts with this topic").setAutocomplete(true),
    )
    .addBooleanOption((o) => o.setName("hide").setDescription("Only you see the answer")),

  async execute(interaction, ctx) {
    const reply = answerSearch(ctx.library(), {
      query: interaction.options.getString("query") ?? "",
      topic: interaction.options.getString("topic") ?? undefined,
      userId: interaction.user.id,
      ephemeral: interaction.options.getBoolean("hide") ?? false,
    });
    await respond(interaction, reply);
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const { collection, index } = ctx.library();
    const choices =
      focused.name === "topic"
        ? suggestTopics(collection, focused.value)
        : suggestPosts(index, focused.value, {
            topic: interaction.options.getString("topic") ?? undefined,
            collection,
          });
    await interaction.respond(choices);
  },

  components: {
    async searchPage(interaction, id, ctx) {
      if (id.kind !== "searchPage") return;
      if (interaction.user.id !== id.userId) {
        return respond(interaction, errorReply(t("search.notYours")));
      }
      const library = ctx.library();
      if (id.version !== collectionVersion(library.collection)) {
        await disableButtons(interaction);
        return respond(interaction, errorReply(t("search.changed")));
      }
      const topic = id.topic === undefined ? undefined : library.collection.topics[id.topic]?.name;
      const reply = answerSearch(library, {
        query: id.query,
        topic,
        page: id.page,
        userId: id.userId,
        ephemeral: false,
      });
      if (reply.ephemeral) return respond(interaction, reply);
      await update(interaction, reply);
    },

    async searchOpen(interaction, _id, ctx) {
      if (!interaction.isStringSelectMenu()) return;
      const postId = interaction.values[0] ?? "";
      await respond(
        interaction,
        answerPost(ctx.library(), { id: postId, userId: interaction.user.id, ephemeral: true }),
      );
    },
  },
} satisfies Command;
