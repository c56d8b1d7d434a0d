import { SlashCommandBuilder } from "discord.js";
import { answerOnThisDay } from "../src/answers/on-this-day.js";
import type { Command } from "../src/discord/command.js";
import type { BotContext } from "../src/discord/context.js";
import { REACH } from "../src/discord/reach.js";
import { errorReply } from "../src/discord/reply.js";
import { respond, update } from "../src/discord/respond.js";
import { t } from "../src/i18n/translate.js";

export const onthisday = {
  data: new SlashCommandBuilder()
    .setName("onthisday")
    .setDescription("Posts written on this day in earlier years")
    .setIntegrationTypes(REACH.anywhere.integrationTypes)
    .setContexts(REACH.anywhere.contexts)
    .addStringOption((o) =>
      o
        .setName("date")
        .setDescription("Another day, as YYYY-MM-DD (default: today in this server's zone, UTC elsewhere)")
        .setMaxLength(10),
    )
    .addBooleanOption((o) => o.setName("hide").setDescription("Only you see the answer")),

  async execute(interaction, ctx) {
    const reply = answerOnThisDay(ctx.library(), {
      date: interaction.options.getString("date") ?? undefined,
      timeZone: await zoneOf(interaction.guildId, ctx),
      now: ctx.now(),
      userId: interaction.user.id,
      ephemeral: interaction.options.getBoolean("hide") ?? false,
    });
    await respond(interaction, reply);
  },

  components: {
    async onThisDay(interaction, id, ctx) {
      if (id.kind !== "onThisDay") return;
      if (interaction.user.id !== id.userId) return respond(interaction, errorReply(t("onthisday.notYours")));
      const reply = answerOnThisDay(ctx.library(), {
        date: id.date,
        timeZone: id.timeZone,
        now: ctx.now(),
        page: id.page,
        userId: id.userId,
        ephemeral: false,
      });
      if (reply.isError) return respond(interaction, reply);
      await update(interaction, reply);
    },
  },
} satisfies Command;

/**
 * "Today" is the server's: the zone of its post of the day (the schedule in force), else UTC. In DMs and group
 * DMs there is no server: UTC.
 */
async function zoneOf(guildId: string | null, ctx: BotContext): Promise<string> {
  if (!guildId) return "UTC";
  return (await ctx.scheduler.scheduleFor(guildId))?.timeZone ?? "UTC";
}
