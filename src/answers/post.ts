import type { Library } from "../discord/context.js";
import { renderPost } from "../discord/render-post.js";
import { errorReply, type Reply } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import { clip } from "../library/text.js";

export interface PostRequest {
  id: string;
  userId: string;
  page?: number;
  ephemeral: boolean;
}

export function answerPost(library: Library, request: PostRequest): Reply {
  const post = library.collection.byId.get(request.id.trim());
  if (!post) {
    return errorReply(t("error.noPost", { id: clip(request.id, 64) }));
  }
  return renderPost(post, { userId: request.userId, page: request.page ?? 0, ephemeral: request.ephemeral });
}
