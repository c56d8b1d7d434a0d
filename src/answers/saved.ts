import { ButtonStyle, ComponentType } from "discord.js";
import { collectionVersion, type Library } from "../discord/context.js";
import { encodeCustomId } from "../discord/custom-id.js";
import { escapePostText } from "../discord/markdown.js";
import { postTitle } from "../discord/render-post.js";
import { clampPage } from "../discord/render-post-list.js";
import { noSavedPosts, renderSaved } from "../discord/render-saved.js";
import { COLORS, errorReply, NO_MENTIONS, type Reply } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import type { SavedPost, SaveResult } from "../store/saved-posts.js";

/** `/saved list` and its buttons: page `page` of the person's saved posts, newest first. */
export function answerSavedList(
  library: Library,
  saved: readonly SavedPost[],
  request: { userId: string; page?: number; cap: number },
): Reply {
  if (saved.length === 0) return noSavedPosts();
  return renderSaved({
    saved,
    postOf: (id) => library.collection.byId.get(id),
    page: clampPage(request.page ?? 0, saved.length),
    cap: request.cap,
    userId: request.userId,
    version: collectionVersion(library.collection),
  });
}

/** What pressing Save says, only to the person who pressed it. */
export function answerSave(library: Library, postId: string, result: SaveResult, cap: number): Reply {
  const post = library.collection.byId.get(postId);
  const title = post ? `**${escapePostText(postTitle(post))}**` : `\`${postId}\``;
  if (result.status === "full") return errorReply(t("saved.full", { cap, title }));
  const values = { title, count: result.count, cap };
  return info(result.status === "already" ? t("saved.already", values) : t("saved.saved", values));
}

/** A Save button for a post the collection no longer has (an old message). */
export function postGone(postId: string): Reply {
  return errorReply(t("saved.gone", { id: postId }));
}

export function answerSavedCleared(count: number): Reply {
  return info(t("saved.cleared", { count }));
}

/** How long a `/saved clear` confirmation stays good: an old one pressed later deletes nothing. */
export const CLEAR_CONFIRM_MS = 5 * 60_000;

/** `/saved clear`: asks first (Delete all / Cancel, only for the person who asked); nothing to delete, says so. */
export function answerClearAsk(count: number, userId: string, now: Date): Reply {
  if (count === 0) return answerSavedCleared(0);
  const askedAt = Math.floor(now.getTime() / 1000);
  const button = (confirm: boolean) => ({
    type: ComponentType.Button as const,
    style: confirm ? (ButtonStyle.Danger as const) : (ButtonStyle.Secondary as const),
    label: t(confirm ? "saved.clearConfirm" : "saved.clearCancel"),
    custom_id: encodeCustomId({ kind: "savedClear", userId, askedAt, confirm }),
  });
  return {
    ...info(t("saved.clearAsk", { count })),
    components: [{ type: ComponentType.ActionRow, components: [button(true), button(false)] }],
  };
}

/** Whether a confirmation asked at `askedAt` (Unix seconds) is too old to act on at `now`. */
export function clearConfirmExpired(askedAt: number, now: Date): boolean {
  const age = now.getTime() - askedAt * 1000;
  return age > CLEAR_CONFIRM_MS || age < -60_000;
}

export function answerClearCancelled(): Reply {
  return info(t("saved.clearCancelled"));
}

export function answerClearExpired(): Reply {
  return info(t("saved.clearExpired", { minutes: CLEAR_CONFIRM_MS / 60_000 }));
}

function info(description: string): Reply {
  return {
    embeds: [{ color: COLORS.post, description }],
    components: [],
    allowedMentions: NO_MENTIONS,
    ephemeral: true,
  };
}
