import type { Media } from "../library/post.js";
import { extractLinks, extractMentions } from "../library/text.js";
import { htmlToText } from "./html-to-text.js";
import { hashtagsIn, hashtagToTopic, shortHash, unique } from "./text-utils.js";
import { type Item, skip } from "./types.js";

export interface MastodonContext {
  /** From --author, or actor.json: `@user@host`. */
  author?: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

const PUBLIC = new Set(["https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"]);
const POST_TYPES = new Set(["Note", "Article", "Question", "Page"]);

/** actor.json -> `@user@host`. */
export function actorHandle(actor: unknown): string | undefined {
  if (!isRec(actor)) return undefined;
  const name = str(actor.preferredUsername);
  const id = str(actor.id);
  if (name === undefined || id === undefined || !URL.canParse(id)) return undefined;
  return `@${name}@${new URL(id).host}`;
}

/** `https://host/users/alice` -> `@alice@host` (Mastodon's actor URLs), when actor.json is not at hand. */
function handleFromActorUrl(url: string | undefined): string | undefined {
  const match = url === undefined ? null : /^https?:\/\/([^/]+)\/users\/([^/?#]+)$/.exec(url);
  return match ? `@${match[2]}@${match[1]}` : undefined;
}

/**
 * One activity of outbox.json -> a post. Only `Create` of a public (or unlisted) status is imported:
 * direct messages and followers-only posts are never, whatever else is wrong with them.
 */
export function activityToItem(activity: unknown, context: MastodonContext): Item {
  if (!isRec(activity)) return skip("bad record");
  if (activity.type === "Announce") return skip("boost");
  if (activity.type !== "Create") return skip("not a post");
  const object = activity.object;
  if (!isRec(object)) return skip("bad record");
  if (!POST_TYPES.has(String(object.type))) return skip("not a post");
  const audience = [...list(object.to), ...list(object.cc)];
  if (!audience.some((a) => typeof a === "string" && PUBLIC.has(a))) return skip("not public");

  const sourceId = str(object.id);
  if (sourceId === undefined) return skip("bad record");
  const tags = list(object.tag).filter(isRec);
  const mentionNames = new Map<string, string>();
  for (const tag of tags) {
    const href = str(tag.href);
    const name = str(tag.name);
    if (tag.type !== "Mention" || !href || !name) continue;
    const full = name.startsWith("@") ? name : `@${name}`;
    mentionNames.set(href, full);
    // The anchor links the profile page (`/@bob`), the tag the actor (`/users/bob`): match by name too.
    const local = `@${full.split("@")[1]}`;
    mentionNames.set(local, mentionNames.has(local) ? local : full);
  }
  const html = str(object.content) ?? firstValue(object.contentMap) ?? "";
  const text = withQuote(htmlToText(html, mentionNames) + pollText(object), object);
  const media = attachments(object);
  if (text === "" && media.length === 0) return skip("empty");

  const summary = str(object.summary)?.trim().slice(0, 256);
  const warning = summary || (object.sensitive === true && media.length > 0 ? "sensitive media" : undefined);
  const published = str(object.published) ?? str(activity.published);
  const actor = str(activity.actor) ?? str(object.attributedTo);
  const author = context.author ?? handleFromActorUrl(actor);
  const url = str(object.url) ?? (isRec(object.url) ? str(object.url.href) : undefined) ?? sourceId;
  const inReplyTo = str(object.inReplyTo);
  const hashtags = tags.filter((t) => t.type === "Hashtag").map((t) => hashtagToTopic(String(t.name ?? "")));
  return {
    piece: {
      post: {
        id: `md-${shortHash(sourceId)}`,
        text,
        topics: unique([...hashtags, ...hashtagsIn(text)]),
        links: extractLinks(text),
        mentions: extractMentions(text),
        ...(warning && { contentWarning: warning }),
        ...(author && { author }),
        ...(/^https?:\/\//.test(url) && { url }),
        ...(published && !Number.isNaN(Date.parse(published)) && { createdAt: published }),
        ...(media.length > 0 && { media }),
        sourceId,
      },
      // A status of the same actor lives under the actor's URL; replies to others are plain posts.
      ...(inReplyTo && actor && inReplyTo.startsWith(`${actor}/`) && { parent: inReplyTo }),
    },
  };
}

/** A poll (`Question`) lists its options and their votes under the text: without them it makes no sense. */
function pollText(object: Rec): string {
  const options = [...list(object.oneOf), ...list(object.anyOf)].filter(isRec);
  const lines = options.flatMap((option) => {
    const name = str(option.name);
    const votes = isRec(option.replies) ? Number(option.replies.totalItems) : Number.NaN;
    if (name === undefined) return [];
    return [`- ${name}${Number.isFinite(votes) ? ` (${votes} ${votes === 1 ? "vote" : "votes"})` : ""}`];
  });
  return lines.length > 0
    ? `\n\n${object.anyOf ? "Poll (several answers)" : "Poll"}:\n${lines.join("\n")}`
    : "";
}

/** A quote post keeps the quoted post as a link (Mastodon 4.4 `quote`, Misskey/Akkoma `quoteUri`). */
function withQuote(text: string, object: Rec): string {
  const quote =
    str(object.quote) ??
    str(object.quoteUri) ??
    str(object.quoteUrl) ??
    str(object._misskey_quote) ??
    (isRec(object.quote) ? str(object.quote.id) : undefined);
  if (quote === undefined || !/^https?:\/\//.test(quote) || text.includes(quote)) return text.trim();
  return `${text}\n\n${quote}`.trim();
}

/** `attachment[]`: `{ type: "Document", mediaType, url, name }`; the name is the description (alt text). */
function attachments(object: Rec): Media[] {
  return list(object.attachment)
    .filter(isRec)
    .flatMap((a): Media[] => {
      const url = str(a.url) ?? (isRec(a.url) ? str(a.url.href) : undefined);
      const mediaType = str(a.mediaType) ?? "";
      if (url === undefined || !/^https?:\/\//.test(url)) return [];
      // Audio has no place in an embed: it is listed in the README as left out.
      const type =
        mediaType === "image/gif"
          ? "gif"
          : mediaType.startsWith("video/")
            ? "video"
            : mediaType.startsWith("image/")
              ? "image"
              : undefined;
      if (type === undefined) return [];
      const alt = str(a.name)?.trim().slice(0, 1500);
      return [{ type, url, ...(alt && { alt }) }];
    });
}

function firstValue(map: unknown): string | undefined {
  return isRec(map)
    ? Object.values(map)
        .map(str)
        .find((v) => v !== undefined)
    : undefined;
}
