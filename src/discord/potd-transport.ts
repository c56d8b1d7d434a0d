import {
  type APIChannel,
  type APIMessage,
  type APIThreadChannel,
  type REST,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
  SnowflakeUtil,
} from "discord.js";
import type { Language } from "../i18n/languages.js";
import { withLanguage } from "../i18n/translate.js";
import { headingDate, plainHeading, renderHeading } from "../library/heading.js";
import { publishPotd } from "../ops/events.js";
import type { FindPosted, FinishPost, SendPost } from "../scheduler/deliver.js";
import type { PotdSchedule } from "../scheduler/schedule.js";
import { describeError } from "../scheduler/send-errors.js";
import { messageMarker, renderPostOfTheDay, scheduleHeading } from "./render-potd.js";

/** Discord's most messages per history page. */
const PAGE = 100;
/** Bounds the history read after a lost answer: 10,000 messages posted since the claim. */
const MAX_PAGES = 100;
/** A day's thread stays in the channel list for a day after its last message (Discord's minutes). */
const ARCHIVE_AFTER_MINUTES = 1440;

/**
 * How the scheduler reaches Discord. `rest` must not retry by itself (`retries: 0`): a retry of a send whose
 * answer was lost posts a second message once Discord's nonce window has passed; the scheduler retries instead,
 * after reading the channel.
 */
export function createPotdTransport(
  rest: REST,
  botUserId: () => string | Promise<string>,
  /** The language of a server's channel posts (its preferred locale, see guild-languages.ts); English if not given. */
  languageOf: (guildId: string) => Language | Promise<Language> = () => "en",
): {
  send: SendPost;
  findPosted: FindPosted;
  finish: FinishPost;
} {
  /** A forum: one new post (a thread whose first message is the post), named by the heading. */
  async function sendForumPost(
    channelId: string,
    body: RESTPostAPIChannelMessageJSONBody,
    heading: string,
    signal: AbortSignal,
  ): Promise<string> {
    const { nonce: _n, enforce_nonce: _e, ...message } = body;
    const thread = (await rest.post(Routes.threads(channelId), {
      body: { name: plainHeading(heading), auto_archive_duration: ARCHIVE_AFTER_MINUTES, message },
      signal,
    })) as APIThreadChannel;
    // The post's first message has the thread's id.
    return thread.id;
  }

  /**
   * After the post is out: publish it, or open its thread. A failure here is reported, never a resend. Also after
   * a post found again, which may have been published or threaded before the crash: Discord's "already" answers
   * (40033, 160004) mean done.
   */
  async function afterSend(
    schedule: PotdSchedule,
    channelId: string,
    messageId: string,
    heading: string,
  ): Promise<string | undefined> {
    try {
      if (schedule.channelKind === "announcement" && schedule.crosspost)
        await unlessDone(
          rest.post(Routes.channelMessageCrosspost(channelId, messageId)),
          RESTJSONErrorCodes.ThisMessageWasAlreadyCrossposted,
        );
      if (schedule.channelKind === "thread")
        await unlessDone(
          rest.post(Routes.threads(channelId, messageId), {
            body: { name: plainHeading(heading), auto_archive_duration: ARCHIVE_AFTER_MINUTES },
          }),
          RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage,
        );
      return undefined;
    } catch (error) {
      const what = schedule.channelKind === "thread" ? "open its thread" : "publish it";
      return `posted, but could not ${what}: ${describeError(error)}`;
    }
  }

  /** The bot's forum posts (threads) in `channelId` created after `anchor`: the active ones and the archived. */
  async function forumPosts(channelId: string, anchor: string, me: string, signal: AbortSignal) {
    const channel = (await rest.get(Routes.channel(channelId), { signal })) as APIChannel & {
      guild_id?: string;
    };
    const active = (await rest.get(Routes.guildActiveThreads(channel.guild_id ?? ""), { signal })) as {
      threads: APIThreadChannel[];
    };
    const archived = (await rest.get(Routes.channelThreads(channelId, "public"), {
      query: new URLSearchParams({ limit: "100" }),
      signal,
    })) as { threads: APIThreadChannel[] };
    return [...active.threads, ...archived.threads].filter(
      (t) => t.parent_id === channelId && t.owner_id === me && BigInt(t.id) > BigInt(anchor),
    );
  }

  return {
    async send(channelId, post, schedule, delivery, signal) {
      const { template, topic } = schedule;
      // Everything the bot writes in the post follows the server's language; the collection's text does not.
      const language = await languageOf(schedule.guildId);
      const [reply, heading] = withLanguage(language, () => [
        renderPostOfTheDay(post, delivery.localDate, schedule.roleId, { template, topic }),
        scheduleHeading(template, delivery.localDate, post, topic),
      ]);
      const body: RESTPostAPIChannelMessageJSONBody = {
        content: reply.content ?? "",
        embeds: reply.embeds,
        components: reply.components,
        allowed_mentions: reply.allowedMentions,
        // The nonce makes Discord itself drop a second send of the same day's post, for a few minutes.
        nonce: delivery.nonce,
        enforce_nonce: true,
      };
      const { localDate } = delivery;
      let messageId: string;
      try {
        if (schedule.channelKind === "forum")
          messageId = await sendForumPost(channelId, body, heading, signal);
        else
          messageId = ((await rest.post(Routes.channelMessages(channelId), { body, signal })) as APIMessage)
            .id;
        publishPotd({ outcome: "sent", channelId, localDate });
      } catch (error) {
        publishPotd({ outcome: "failed", channelId, localDate, error });
        throw error;
      }
      const warning = await afterSend(schedule, channelId, messageId, heading);
      return warning ? { messageId, warning } : { messageId };
    },

    async finish(channelId, messageId, post, schedule, { localDate }) {
      const { template, topic } = schedule;
      // The thread opened now is named as it would have been at the send: in the server's language.
      const heading = withLanguage(await languageOf(schedule.guildId), () =>
        post
          ? scheduleHeading(template, localDate, post, topic)
          : renderHeading(template, { date: localDate, topic: topic ?? "", title: "" }),
      );
      const warning = await afterSend(schedule, channelId, messageId, heading);
      return warning ? { warning } : {};
    },

    async findPosted(channelId, after, signal, schedule) {
      const me = await botUserId();
      const template = schedule?.template ?? null;
      let anchor = SnowflakeUtil.generate({ timestamp: after }).toString();
      if (schedule?.channelKind === "forum") {
        const posts = await forumPosts(channelId, anchor, me, signal);
        const found: { id: string; marker?: string }[] = [];
        for (const thread of posts) {
          // An English name with an ISO date says it; else the first message's Save button (any language).
          let marker = headingDate(template, thread.name, true);
          if (!marker) {
            const first = (await rest.get(Routes.channelMessage(thread.id, thread.id), {
              signal,
            })) as APIMessage;
            marker = messageMarker(first, template);
          }
          found.push(marker ? { id: thread.id, marker } : { id: thread.id });
        }
        return found;
      }
      const found: { id: string; marker?: string }[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = new URLSearchParams({ after: anchor, limit: String(PAGE) });
        const batch = (await rest.get(Routes.channelMessages(channelId), { query, signal })) as APIMessage[];
        for (const m of batch) {
          if (m.author.id === me) found.push({ id: m.id, marker: messageMarker(m, template) });
          if (BigInt(m.id) > BigInt(anchor)) anchor = m.id;
        }
        if (batch.length < PAGE) return found;
      }
      throw new Error(
        `more than ${MAX_PAGES * PAGE} messages in channel ${channelId} since the post was claimed: ` +
          "cannot tell whether it went out, so it is not sent again",
      );
    },
  };
}

/** A request whose Discord error `code` says its work was done already (by an earlier attempt): done. */
async function unlessDone(request: Promise<unknown>, code: RESTJSONErrorCodes): Promise<void> {
  try {
    await request;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== code) throw error;
  }
}
