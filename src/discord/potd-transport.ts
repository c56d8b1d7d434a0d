import {
  type APIMessage,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
  SnowflakeUtil,
} from "discord.js";
import { publishPotd } from "../ops/events.js";
import type { FindPosted, SendPost } from "../scheduler/deliver.js";
import { postOfTheDayMarker, renderPostOfTheDay } from "./render-potd.js";

/** Discord's most messages per history page. */
const PAGE = 100;
/** Bounds the history read after a lost answer: 10,000 messages posted since the claim. */
const MAX_PAGES = 100;

/**
 * How the scheduler reaches Discord. `rest` must not retry by itself (`retries: 0`): a retry of a send whose
 * answer was lost posts a second message once Discord's nonce window has passed; the scheduler retries instead,
 * after reading the channel.
 */
export function createPotdTransport(
  rest: REST,
  botUserId: () => string | Promise<string>,
): {
  send: SendPost;
  findPosted: FindPosted;
} {
  return {
    async send(channelId, post, schedule, delivery, signal) {
      const reply = renderPostOfTheDay(post, delivery.localDate, schedule.roleId);
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
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), { body, signal })) as APIMessage;
        publishPotd({ outcome: "sent", channelId, localDate });
        return { messageId: message.id };
      } catch (error) {
        publishPotd({ outcome: "failed", channelId, localDate, error });
        throw error;
      }
    },

    async findPosted(channelId, after, signal) {
      const me = await botUserId();
      const found: { id: string; marker?: string }[] = [];
      let anchor = SnowflakeUtil.generate({ timestamp: after }).toString();
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = new URLSearchParams({ after: anchor, limit: String(PAGE) });
        const batch = (await rest.get(Routes.channelMessages(channelId), { query, signal })) as APIMessage[];
        for (const m of batch) {
          if (m.author.id === me) found.push({ id: m.id, marker: postOfTheDayMarker(m.content) });
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
