import {
  ApplicationIntegrationType,
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { describeSchedule, renderScheduleStatus, scheduleNotice } from "../src/answers/schedule.js";
import { describeNextRun, normalizeTime, suggestZones } from "../src/answers/schedule-input.js";
import { missingPostingPermissions } from "../src/discord/channel-permissions.js";
import type { Command } from "../src/discord/command.js";
import type { BotContext } from "../src/discord/context.js";
import { renderPostOfTheDay } from "../src/discord/render-potd.js";
import { errorReply, type Reply } from "../src/discord/reply.js";
import { respond, respondInTime } from "../src/discord/respond.js";
import { clip } from "../src/library/text.js";
import { isValidTime, isValidTimeZone } from "../src/scheduler/next-run.js";
import { nextPost } from "../src/scheduler/preview.js";

/** In a server: over the gateway the server is cached, over HTTP it is not ("raw"). */
type Handler = (
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  ctx: BotContext,
) => Promise<Reply>;

const handlers: Record<string, Handler> = {
  async set(interaction, ctx) {
    const channel = interaction.options.getChannel("channel", true, [
      ChannelType.GuildText,
      ChannelType.GuildAnnouncement,
    ]);
    const time = normalizeTime(interaction.options.getString("time", true));
    const timeZone = interaction.options.getString("timezone", true).trim();
    if (!isValidTime(time))
      return errorReply(
        `\`${clip(time, 20)}\` is not a time: use HH:MM, 24-hour, e.g. \`09:00\` or \`18:30\`.`,
      );
    if (!isValidTimeZone(timeZone)) {
      return errorReply(
        `\`${clip(timeZone, 50)}\` is not a time zone. Start typing a city and pick one, e.g. \`Europe/Paris\`.`,
      );
    }
    const missing = await missingPostingPermissions(interaction.client, interaction.guildId, channel.id);
    if (missing.length > 0) {
      return errorReply(
        `I can't post in <#${channel.id}>: I am missing ${missing.join(", ")} there. Give me those permissions in the channel's settings, or pick another channel.`,
      );
    }
    const saved = await ctx.scheduler.configure(interaction.guildId, {
      channelId: channel.id,
      time,
      timeZone,
      paused: false,
    });
    const status = await ctx.scheduler.status(interaction.guildId);
    const schedule = status.schedule;
    const next =
      schedule && status.nextRun ? describeNextRun(status.nextRun, schedule, ctx.now()) : undefined;
    return scheduleNotice(
      `Post of the day: ${schedule ? describeSchedule(schedule) : `<#${saved.channelId}>`}.${next ? ` The next one goes out ${next}.` : ""} \`/schedule status\` shows it all.`,
    );
  },

  async role(interaction, ctx) {
    const role = interaction.options.getRole("role");
    if (!(await ctx.scheduler.scheduleFor(interaction.guildId)))
      return errorReply("Set up the post of the day first with `/schedule set`.");
    await ctx.scheduler.configure(interaction.guildId, { roleId: role?.id ?? null });
    return scheduleNotice(
      role ? `Each post of the day will ping <@&${role.id}>.` : "The post of the day will ping nobody.",
    );
  },

  async pause(interaction, ctx) {
    if (!(await ctx.scheduler.scheduleFor(interaction.guildId)))
      return errorReply("There is no post of the day to pause. Set one up with `/schedule set`.");
    await ctx.scheduler.configure(interaction.guildId, { paused: true });
    return scheduleNotice("Paused. Nothing is posted until `/schedule resume`.");
  },

  async resume(interaction, ctx) {
    if (!(await ctx.scheduler.scheduleFor(interaction.guildId)))
      return errorReply("There is no post of the day to resume. Set one up with `/schedule set`.");
    await ctx.scheduler.configure(interaction.guildId, { paused: false });
    return scheduleNotice("Resumed. If today's post is due and not out yet, it is sent within a minute.");
  },

  async skip(interaction, ctx) {
    const { localDate, skipped } = await ctx.scheduler.skipToday(interaction.guildId);
    return skipped
      ? scheduleNotice(`Today's post (${localDate}) will not be sent. The schedule goes on tomorrow.`)
      : errorReply(`Today's post (${localDate}) is already out or being sent: there is nothing to skip.`);
  },

  async preview(interaction, ctx) {
    const status = await ctx.scheduler.status(interaction.guildId);
    const next = await nextPost(ctx.store, ctx.library().collection, interaction.guildId, status);
    if (!next) return errorReply("The collection has no posts to choose from.");
    return {
      ...renderPostOfTheDay(next.post, next.localDate, status.schedule?.roleId ?? null),
      ephemeral: true,
    };
  },

  async status(interaction, ctx) {
    const status = await ctx.scheduler.status(interaction.guildId);
    return renderScheduleStatus({
      status,
      guildId: interaction.guildId,
      posts: ctx.library().collection.byId,
      now: ctx.now(),
    });
  },

  async off(interaction, ctx) {
    await ctx.scheduler.switchOff(interaction.guildId);
    return scheduleNotice("The post of the day is off for this server. `/schedule set` turns it back on.");
  },
};

export const schedule = {
  data: new SlashCommandBuilder()
    .setName("schedule")
    .setDescription("Set up the post of the day (Manage Server)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((s) =>
      s
        .setName("set")
        .setDescription("Post a post of the day in a channel, every day at a time")
        .addChannelOption((o) =>
          o
            .setName("channel")
            .setDescription("Where to post")
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        )
        .addStringOption((o) =>
          o
            .setName("time")
            .setDescription("HH:MM, 24-hour, e.g. 09:00 or 9:00")
            .setRequired(true)
            .setMaxLength(5),
        )
        .addStringOption((o) =>
          o
            .setName("timezone")
            .setDescription("A city, country or abbreviation: Europe/Paris, India, CET, PST")
            .setRequired(true)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("role")
        .setDescription("Ping a role with each post (leave empty to ping nobody)")
        .addRoleOption((o) => o.setName("role").setDescription("The role to ping")),
    )
    .addSubcommand((s) => s.setName("pause").setDescription("Stop posting until resumed"))
    .addSubcommand((s) => s.setName("resume").setDescription("Post again"))
    .addSubcommand((s) => s.setName("skip").setDescription("Do not send today's post"))
    .addSubcommand((s) =>
      s.setName("preview").setDescription("The next post, exactly as it will be sent (only you see it)"),
    )
    .addSubcommand((s) => s.setName("status").setDescription("Next post, last post, last error"))
    .addSubcommand((s) => s.setName("off").setDescription("Turn the post of the day off")),

  async execute(interaction, ctx) {
    // Discord hides the command from members without Manage Server, but a server can override that: check again.
    if (!interaction.inGuild()) return respond(interaction, errorReply("Use `/schedule` in a server."));
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      return respond(
        interaction,
        errorReply("Only members with the Manage Server permission can change the post of the day."),
      );
    }
    const handler = handlers[interaction.options.getSubcommand(true)];
    if (!handler) return respond(interaction, errorReply("Unknown subcommand."));
    // Every answer of /schedule is private; a write may wait for another process's database lock.
    await respondInTime(interaction, handler(interaction, ctx), { ephemeral: true });
  },

  async autocomplete(interaction) {
    await interaction.respond(suggestZones(interaction.options.getFocused()));
  },
} satisfies Command;
