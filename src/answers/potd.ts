import { renderPost } from "../discord/render-post.js";
import { postOfTheDayHeading } from "../discord/render-potd.js";
import { COLORS, errorReply, type Reply } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import type { Post } from "../library/post.js";

export interface PotdRequest {
  /** The post of the day, as the scheduler chose or will choose it; undefined when the collection has none. */
  post: Post | undefined;
  localDate: string;
  userId: string;
  ephemeral: boolean;
}

export function answerPotd(request: PotdRequest): Reply {
  if (!request.post) return errorReply(t("error.noPotd"));
  return renderPost(request.post, {
    userId: request.userId,
    ephemeral: request.ephemeral,
    color: COLORS.potd,
    heading: postOfTheDayHeading(request.localDate),
  });
}
