import { SlashCommandBuilder } from "discord.js";
import {
  answerClearAsk,
  answerClearCancelled,
  answerClearExpired,
  answerSave,
  answerSavedCleared,
  answerSavedList,
  clearConfirmExpired,
  postGone,
} from "../src/answers/saved.js";
import type { Command } from "../src/discord/command.js";
import { REACH } from "../src/discord/reach.js";
import { errorReply } from "../src/discord/reply.js";
import { respond, respondInTime, update } from "../src/discord/respond.js";
import { t } from "../src/i18n/translate.js";
import { SAVED_POSTS_CAP } from "../src/store/saved-posts.js";

export const saved = {
  data: new SlashCommandBuilder()
    .setName("saved")
    .setDescription("Your saved posts (only you see them)")
    .setIntegrationTypes(REACH.anywhere.integrationTypes)
    .setContexts(REACH.anywhere.contexts)
    .addSubcommand((s) =>
      s.setName("list").setDescription("Your saved posts, newest first: open or remove them"),
    )
    .addSubcommand((s) => s.setName("clear").setDescription("Delete all your saved posts")),

  async execute(interaction, ctx) {
    const userId = interaction.user.id;
    // clear only asks: nothing is deleted until the person presses Delete all (savedClear below).
    const work =
      interaction.options.getSubcommand(true) === "clear"
        ? ctx.store.saved.list(userId).then((list) => answerClearAsk(list.length, userId, ctx.now()))
        : ctx.store.saved
            .list(userId)
            .then((list) => answerSavedList(ctx.library(), list, { userId, cap: SAVED_POSTS_CAP }));
    // A write may wait for another process's database lock: defer rather than miss Discord's deadline.
    await respondInTime(interaction, work, { ephemeral: true });
  },

  components: {
    /** Save, under any post: for whoever presses it, answered only to them. */
    async save(interaction, id, ctx) {
      if (id.kind !== "save") return;
      const library = ctx.library();
      if (!library.collection.byId.has(id.postId)) return respond(interaction, postGone(id.postId));
      const work = ctx.store.saved
        .add(interaction.user.id, id.postId, ctx.now(), SAVED_POSTS_CAP)
        .then((result) => answerSave(library, id.postId, result, SAVED_POSTS_CAP));
      await respondInTime(interaction, work, { ephemeral: true });
    },

    async savedPage(interaction, id, ctx) {
      if (id.kind !== "savedPage") return;
      if (interaction.user.id !== id.userId) return respond(interaction, notYours());
      const list = await ctx.store.saved.list(id.userId);
      await update(
        interaction,
        answerSavedList(ctx.library(), list, { userId: id.userId, page: id.page, cap: SAVED_POSTS_CAP }),
      );
    },

    /** Delete all / Cancel under `/saved clear`'s question; a confirmation too old deletes nothing. */
    async savedClear(interaction, id, ctx) {
      if (id.kind !== "savedClear") return;
      if (interaction.user.id !== id.userId) return respond(interaction, notYours());
      if (!id.confirm) return update(interaction, answerClearCancelled());
      if (clearConfirmExpired(id.askedAt, ctx.now())) return update(interaction, answerClearExpired());
      await update(interaction, answerSavedCleared(await ctx.store.saved.clear(id.userId)));
    },

    async savedRemove(interaction, id, ctx) {
      if (id.kind !== "savedRemove") return;
      if (interaction.user.id !== id.userId) return respond(interaction, notYours());
      await ctx.store.saved.remove(id.userId, id.postId);
      const list = await ctx.store.saved.list(id.userId);
      await update(
        interaction,
        answerSavedList(ctx.library(), list, { userId: id.userId, page: id.page, cap: SAVED_POSTS_CAP }),
      );
    },
  },
} satisfies Command;

function notYours() {
  return errorReply(t("saved.notYours"));
}
