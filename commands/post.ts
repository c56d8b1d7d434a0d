import { SlashCommandBuilder } from "discord.js";
import { suggestPosts } from "../src/answers/autocomplete.js";
import { answerPost } from "../src/answers/post.js";
import type { Command } from "../src/discord/command.js";
import { REACH } from "../src/discord/reach.js";
import { ANYONE } from "../src/discord/render-post.js";
import { errorReply } from "../src/discord/reply.js";
import { messageRows, respond, update } from "../src/discord/respond.js";
import { t } from "../src/i18n/translate.js";

export const post = {
  data: new SlashCommandBuilder()
    .setName("post")
    .setDescription("Show one post in full")
    .setIntegrationTypes(REACH.anywhere.integrationTypes)
    .setContexts(REACH.anywhere.contexts)
    .addStringOption((o) =>
      o
        .setName("id")
        .setDescription("The post (type to search titles and text)")
        .setRequired(true)
        .setAutocomplete(true),
    )
    .addBooleanOption((o) => o.setName("hide").setDescription("Only you see the answer")),

  async execute(interaction, ctx) {
    const reply = answerPost(ctx.library(), {
      id: interaction.options.getString("id", true),
      userId: interaction.user.id,
      ephemeral: interaction.options.getBoolean("hide") ?? false,
    });
    await respond(interaction, reply);
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      suggestPosts(ctx.library().index, interaction.options.getFocused(), {
        asId: true,
        collection: ctx.library().collection,
      }),
    );
  },

  components: {
    /** Pages of a long post; the other rows of the message (an "Another" button) stay as they are. */
    async postPage(interaction, id, ctx) {
      if (id.kind !== "postPage") return;
      if (id.userId === ANYONE) {
        const page = answerPost(ctx.library(), {
          id: id.postId,
          userId: interaction.user.id,
          page: id.page,
          ephemeral: true,
        });
        return respond(interaction, page);
      }
      if (interaction.user.id !== id.userId) {
        return respond(interaction, errorReply(t("post.notYours")));
      }
      const reply = answerPost(ctx.library(), {
        id: id.postId,
        userId: id.userId,
        page: id.page,
        ephemeral: false,
      });
      if (reply.ephemeral) return respond(interaction, reply);
      const otherRows = messageRows(interaction).filter(
        (row) => !row.components?.some((c) => "custom_id" in c && c.custom_id.startsWith("pp|")),
      );
      await update(interaction, { ...reply, components: [...reply.components, ...otherRows] });
    },
  },
} satisfies Command;
