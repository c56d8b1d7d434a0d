import {
  ChannelType,
  type ChatInputCommandInteraction,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from "discord.js";
import { suggestTopics } from "../src/answers/autocomplete.js";
import { previewSourceNote } from "../src/answers/post-source.js";
import {
  describeSchedule,
  renderScheduleList,
  renderScheduleStatus,
  scheduleNotice,
} from "../src/answers/schedule.js";
import { describeNextRun, suggestZones } from "../src/answers/schedule-input.js";
import { type ScheduleOptions, schedulePatch } from "../src/answers/schedule-options.js";
import { missingPostingPermissions } from "../src/discord/channel-permissions.js";
import type { Command } from "../src/discord/command.js";
import type { BotContext } from "../src/discord/context.js";
import { REACH } from "../src/discord/reach.js";
import { renderPostOfTheDay } from "../src/discord/render-potd.js";
import { errorReply, type Reply } from "../src/discord/reply.js";
import { respond, respondInTime } from "../src/discord/respond.js";
import { languageOf } from "../src/i18n/languages.js";
import { currentLanguage, t, withLanguage } from "../src/i18n/translate.js";
import { nextPost } from "../src/scheduler/preview.js";
import { AmbiguousScheduleError } from "../src/scheduler/scheduler.js";
import { scheduleNameError } from "../src/store/schedule-fields.js";

/** In a server: over the gateway the server is cached, over HTTP it is not ("raw"). */
type Interaction = ChatInputCommandInteraction<"cached" | "raw">;
/** `name`: the schedule the subcommand acts on (given, or the server's only one). */
type Handler = (interaction: Interaction, ctx: BotContext, name: string) => Promise<Reply>;

const CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;

const handlers: Record<string, Handler> = {
  async add(interaction, ctx, name) {
    if (scheduleNameError(name)) return errorReply(t("schedule.badName", { name: name.slice(0, 30) }));
    if (
      (await ctx.store.settings.get(interaction.guildId, name)) ||
      (await ctx.scheduler.scheduleFor(interaction.guildId, name))
    )
      return errorReply(t("schedule.exists", { name }));
    return save(interaction, ctx, name, "schedule.added");
  },

  async edit(interaction, ctx, name) {
    const exists =
      (await ctx.store.settings.get(interaction.guildId, name)) ??
      (await ctx.scheduler.scheduleFor(interaction.guildId, name));
    if (!exists) return errorReply(t("schedule.noSuch", { name }));
    return save(interaction, ctx, name, "schedule.changed", false);
  },

  async set(interaction, ctx, name) {
    return save(interaction, ctx, name, "schedule.set");
  },

  async remove(interaction, ctx, name) {
    return (await ctx.scheduler.remove(interaction.guildId, name))
      ? scheduleNotice(t("schedule.removed", { name }))
      : errorReply(t("schedule.noSuchToRemove", { name }));
  },

  async list(interaction, ctx) {
    return renderScheduleList(
      await ctx.scheduler.schedulesFor(interaction.guildId),
      await ctx.store.settings.list(interaction.guildId),
    );
  },

  async role(interaction, ctx, name) {
    const role = interaction.options.getRole("role");
    if (!(await ctx.scheduler.scheduleFor(interaction.guildId, name)))
      return errorReply(t("schedule.setUpFirst"));
    await ctx.scheduler.configure(interaction.guildId, { roleId: role?.id ?? null }, undefined, name);
    return scheduleNotice(
      role ? t("schedule.rolePing", { name, role: role.id }) : t("schedule.roleNobody", { name }),
    );
  },

  async pause(interaction, ctx, name) {
    if (!(await ctx.scheduler.scheduleFor(interaction.guildId, name)))
      return errorReply(t("schedule.nothingToPause"));
    await ctx.scheduler.configure(interaction.guildId, { paused: true }, undefined, name);
    return scheduleNotice(t("schedule.paused", { name }));
  },

  async resume(interaction, ctx, name) {
    if (!(await ctx.scheduler.scheduleFor(interaction.guildId, name)))
      return errorReply(t("schedule.nothingToResume"));
    await ctx.scheduler.configure(interaction.guildId, { paused: false }, undefined, name);
    return scheduleNotice(t("schedule.resumed", { name }));
  },

  async skip(interaction, ctx, name) {
    const { localDate, skipped } = await ctx.scheduler.skipToday(interaction.guildId, undefined, name);
    return skipped
      ? scheduleNotice(t("schedule.skipped", { date: localDate }))
      : errorReply(t("schedule.nothingToSkip", { date: localDate }));
  },

  async preview(interaction, ctx, name) {
    const status = await ctx.scheduler.status(interaction.guildId, undefined, name);
    const next = await nextPost(ctx.store, ctx.library().collection, interaction.guildId, status);
    if (!next) return errorReply(t("schedule.previewEmpty"));
    const { roleId = null, template = null, topic = null } = status.schedule ?? {};
    // As it will be sent: in the server's language, not the admin's.
    const reply = withLanguage(languageOf(interaction.guildLocale), () =>
      renderPostOfTheDay(next.post, next.localDate, roleId, { template, topic }),
    );
    const note = previewSourceNote(status.schedule, next);
    return { ...reply, ...(note ? { content: `-# ${note}\n${reply.content ?? ""}` } : {}), ephemeral: true };
  },

  async status(interaction, ctx, name) {
    const status = await ctx.scheduler.status(interaction.guildId, undefined, name);
    return renderScheduleStatus({
      status,
      guildId: interaction.guildId,
      posts: ctx.library().collection.byId,
      now: ctx.now(),
    });
  },

  async off(interaction, ctx, name) {
    await ctx.scheduler.switchOff(interaction.guildId, undefined, name);
    return scheduleNotice(t("schedule.switchedOff", { name }));
  },
};

/** `/schedule add|edit|set`: read the options, check them and the channel, store, say when the next post goes. */
async function save(
  interaction: Interaction,
  ctx: BotContext,
  name: string,
  verb: "schedule.added" | "schedule.changed" | "schedule.set",
  resume = true,
): Promise<Reply> {
  const current = await ctx.scheduler.scheduleFor(interaction.guildId, name);
  const topics = new Set(ctx.library().collection.topics.map((t) => t.name));
  const parsed = schedulePatch(readOptions(interaction), current, topics);
  if ("error" in parsed) return errorReply(parsed.error);
  if (Object.keys(parsed.patch).length === 0) return errorReply(t("schedule.nothingToChange"));
  const channelId = parsed.patch.channelId;
  if (channelId) {
    const refusal = await refuseChannel(interaction, ctx, name, channelId);
    if (refusal) return errorReply(refusal);
  }
  // add and set turn the schedule on; edit keeps it paused if it was.
  const patch = resume ? { ...parsed.patch, paused: false } : parsed.patch;
  await ctx.scheduler.configure(interaction.guildId, patch, undefined, name);
  const status = await ctx.scheduler.status(interaction.guildId, undefined, name);
  const schedule = status.schedule;
  const next = schedule && status.nextRun ? describeNextRun(status.nextRun, schedule, ctx.now()) : undefined;
  return scheduleNotice(
    [
      t(verb, { name, schedule: schedule ? describeSchedule(schedule) : t("schedule.off") }),
      ...(next ? [t("schedule.nextOne", { when: next })] : []),
      t("schedule.showsAll", { name }),
    ].join(" "),
  );
}

function readOptions(interaction: Interaction): ScheduleOptions {
  const o = interaction.options;
  const channel = o.getChannel("channel", false, [...CHANNEL_TYPES]);
  const read = {
    channel: channel ? { id: channel.id, type: channel.type } : undefined,
    time: o.getString("time") ?? undefined,
    timezone: o.getString("timezone") ?? undefined,
    days: o.getString("days") ?? undefined,
    topic: o.getString("topic") ?? undefined,
    roleId: o.getRole("role")?.id,
    threads: o.getBoolean("threads") ?? undefined,
    crosspost: o.getBoolean("crosspost") ?? undefined,
    template: o.getString("heading") ?? undefined,
    source: (o.getString("source") ?? undefined) as ScheduleOptions["source"],
  };
  return Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined)) as ScheduleOptions;
}

/** Why a schedule cannot post in a channel: another schedule posts there, or the bot lacks permissions. */
async function refuseChannel(interaction: Interaction, ctx: BotContext, name: string, channelId: string) {
  // One schedule per channel: a post found in the channel after a crash then belongs to that schedule.
  const other = (await ctx.scheduler.schedulesFor(interaction.guildId)).find(
    (s) => s.channelId === channelId && s.name !== name,
  );
  if (other) return t("schedule.channelTaken", { other: other.name, channel: channelId });
  const missing = await missingPostingPermissions(interaction.client, interaction.guildId, channelId);
  if (missing.length > 0)
    return t("schedule.missingPermissions", {
      channel: channelId,
      permissions: new Intl.ListFormat(currentLanguage(), { type: "conjunction" }).format(missing),
    });
  return undefined;
}

const nameOption = (required: boolean) => (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) =>
    o
      .setName("name")
      .setDescription(
        required ? "The schedule's short name, e.g. daily" : "Which schedule (when the server has several)",
      )
      .setRequired(required)
      .setMaxLength(24)
      .setAutocomplete(true),
  );

/** The options of `add` and `edit` (all required for `add` but the optional ones). */
function scheduleOptions(s: SlashCommandSubcommandBuilder, required: boolean): SlashCommandSubcommandBuilder {
  return s
    .addChannelOption((o) =>
      o
        .setName("channel")
        .setDescription("Where to post: a text, announcement or forum channel")
        .setRequired(required)
        .addChannelTypes(...CHANNEL_TYPES),
    )
    .addStringOption((o) =>
      o
        .setName("time")
        .setDescription("HH:MM, 24-hour, e.g. 09:00 or 9:00")
        .setRequired(required)
        .setMaxLength(5),
    )
    .addStringOption((o) =>
      o
        .setName("timezone")
        .setDescription("A city, country or abbreviation: Europe/Paris, India, CET, PST")
        .setRequired(required)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName("days")
        .setDescription("every day (default), weekdays, weekends, or mon,wed,fri")
        .setMaxLength(60),
    )
    .addStringOption((o) =>
      o
        .setName("topic")
        .setDescription("Only posts with this topic (none: every post)")
        .setAutocomplete(true),
    )
    .addRoleOption((o) => o.setName("role").setDescription("A role to ping with each post"))
    .addBooleanOption((o) =>
      o.setName("threads").setDescription("Open a thread for each post (text channels)"),
    )
    .addBooleanOption((o) =>
      o.setName("crosspost").setDescription("Publish each post to following servers (announcement channels)"),
    )
    .addStringOption((o) =>
      o
        .setName("heading")
        .setDescription(
          "The line above each post, with {date}, {topic}, {title} (default: back to the default)",
        )
        .setMaxLength(200),
    )
    .addStringOption((o) =>
      o
        .setName("source")
        .setDescription("Where each post comes from: the deck (default), or on this day in earlier years")
        .addChoices(
          { name: "deck", value: "deck" },
          { name: "on this day (else the deck)", value: "on-this-day" },
        ),
    );
}

export const schedule = {
  data: new SlashCommandBuilder()
    .setName("schedule")
    .setDescription("Set up the posts of the day (Manage Server)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setIntegrationTypes(REACH.server.integrationTypes)
    .setContexts(REACH.server.contexts)
    .addSubcommand((s) =>
      scheduleOptions(
        nameOption(true)(s.setName("add").setDescription("Add a schedule: a channel, a time, days")),
        true,
      ),
    )
    .addSubcommand((s) =>
      scheduleOptions(
        nameOption(false)(s.setName("edit").setDescription("Change a schedule's options")),
        false,
      ),
    )
    .addSubcommand((s) => nameOption(true)(s.setName("remove").setDescription("Remove a schedule")))
    .addSubcommand((s) => s.setName("list").setDescription("Every schedule of this server"))
    .addSubcommand((s) =>
      nameOption(false)(
        s
          .setName("set")
          .setDescription("Post a post of the day in a channel, every day at a time")
          .addChannelOption((o) =>
            o
              .setName("channel")
              .setDescription("Where to post")
              .setRequired(true)
              .addChannelTypes(...CHANNEL_TYPES),
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
      ),
    )
    .addSubcommand((s) =>
      nameOption(false)(
        s
          .setName("role")
          .setDescription("Ping a role with each post (leave empty to ping nobody)")
          .addRoleOption((o) => o.setName("role").setDescription("The role to ping")),
      ),
    )
    .addSubcommand((s) => nameOption(false)(s.setName("pause").setDescription("Stop posting until resumed")))
    .addSubcommand((s) => nameOption(false)(s.setName("resume").setDescription("Post again")))
    .addSubcommand((s) => nameOption(false)(s.setName("skip").setDescription("Do not send today's post")))
    .addSubcommand((s) =>
      nameOption(false)(
        s.setName("preview").setDescription("The next post, exactly as it will be sent (only you see it)"),
      ),
    )
    .addSubcommand((s) =>
      nameOption(false)(s.setName("status").setDescription("Next post, last post, last error")),
    )
    .addSubcommand((s) => nameOption(false)(s.setName("off").setDescription("Turn a post of the day off"))),

  async execute(interaction, ctx) {
    // Discord hides the command from members without Manage Server, but a server can override that: check again.
    if (!interaction.inGuild()) return respond(interaction, errorReply(t("schedule.notInServer")));
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      return respond(interaction, errorReply(t("schedule.notAdmin")));
    }
    const subcommand = interaction.options.getSubcommand(true);
    const handler = handlers[subcommand];
    if (!handler) return respond(interaction, errorReply(t("schedule.unknownSubcommand")));
    // Every answer of /schedule is private; a write may wait for another process's database lock.
    await respondInTime(
      interaction,
      whichSchedule(interaction, ctx, subcommand)
        .then((name) => handler(interaction, ctx, name))
        .catch(ambiguous),
      {
        ephemeral: true,
      },
    );
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === "topic")
      return interaction.respond(suggestTopics(ctx.library().collection, focused.value));
    if (focused.name === "name" && interaction.guildId) {
      const rows = await ctx.store.settings.list(interaction.guildId);
      const names = [
        ...new Set([
          ...rows.map((r) => r.name),
          ...(await ctx.scheduler.schedulesFor(interaction.guildId)).map((s) => s.name),
        ]),
      ];
      return interaction.respond(
        names
          .filter((n) => n.includes(focused.value.toLowerCase()))
          .slice(0, 25)
          .map((n) => ({ name: n, value: n })),
      );
    }
    await interaction.respond(suggestZones(focused.value));
  },
} satisfies Command;

/** The schedule a subcommand acts on: `name:` if given (required by add and remove), else the server's only one. */
async function whichSchedule(interaction: Interaction, ctx: BotContext, subcommand: string): Promise<string> {
  const given = interaction.options.getString("name")?.trim().toLowerCase();
  if (subcommand === "list") return "";
  return ctx.scheduler.resolveName(interaction.guildId, given || null);
}

function ambiguous(error: unknown): Reply {
  if (error instanceof AmbiguousScheduleError)
    return errorReply(
      t("schedule.ambiguous", {
        count: error.names.length,
        names: error.names.map((n) => `\`${n}\``).join(", "),
      }),
    );
  throw error;
}
