import type { Client } from "discord.js";
import { publishPotd } from "../ops/events.js";
import type { FindRecent, SendPost } from "../scheduler/deliver.js";
import { postOfTheDayMarker, renderPostOfTheDay } from "./render-potd.js";
import { toMessageOptions } from "./respond.js";

/** How the scheduler reaches Discord: send a post of the day, and read back the bot's recent ones after a crash. */
export function createPotdTransport(client: Client): { send: SendPost; findRecent: FindRecent } {
  async function sendableChannel(channelId: string) {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable() || channel.isDMBased()) {
      throw Object.assign(
        new Error(`channel ${channelId} is not a server text channel the bot can post in`),
        {
          code: 10003,
        },
      );
    }
    return channel;
  }

  return {
    async send(channelId, post, schedule, delivery) {
      const { localDate } = delivery;
      try {
        const channel = await sendableChannel(channelId);
        const reply = renderPostOfTheDay(post, localDate, schedule.roleId);
        // The nonce makes Discord itself drop a second send of the same day's post.
        const message = await channel.send({
          ...toMessageOptions(reply),
          nonce: delivery.nonce,
          enforceNonce: true,
        });
        publishPotd({ outcome: "sent", channelId, localDate });
        return { messageId: message.id };
      } catch (error) {
        publishPotd({ outcome: "failed", channelId, localDate, error });
        throw error;
      }
    },

    async findRecent(channelId, since) {
      const channel = await sendableChannel(channelId);
      if (!("messages" in channel)) return [];
      const messages = await channel.messages.fetch({ limit: 50, cache: false });
      return [...messages.values()]
        .filter((m) => m.author.id === client.user?.id && m.createdAt >= since)
        .map((m) => ({ id: m.id, marker: postOfTheDayMarker(m.content) }));
    },
  };
}
