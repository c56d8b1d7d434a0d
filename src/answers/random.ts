import { ButtonStyle, ComponentType } from "discord.js";
import type { Library } from "../discord/context.js";
import { encodeCustomId } from "../discord/custom-id.js";
import { renderPost } from "../discord/render-post.js";
import { errorReply, type Reply } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import type { RandomPicker } from "../library/random.js";
import { resolveTopic } from "./topic.js";

export interface RandomRequest {
  topic?: string | undefined;
  userId: string;
  /** Whose history "never the same post twice in a row" is about: a user in a channel. */
  callerKey: string;
  ephemeral: boolean;
}

export function answerRandom(library: Library, random: RandomPicker, request: RandomRequest): Reply {
  const topic = resolveTopic(library.collection, request.topic);
  if (topic.error) return errorReply(topic.error);
  const post = random.pick(library.collection.posts, { topic: topic.name, callerKey: request.callerKey });
  if (!post) return errorReply(t("error.emptyCollection"));
  const reply = renderPost(post, { userId: request.userId, ephemeral: request.ephemeral });
  reply.components.push({
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: t("random.another"),
        custom_id: encodeCustomId({ kind: "random", userId: request.userId, topic: topic.name ?? "" }),
      },
    ],
  });
  return reply;
}
