import type { Media } from "../library/post.js";
import { extractLinks, extractMentions } from "../library/text.js";
import { applyEdits, type Edit, hashtagsIn, hashtagToTopic, unique } from "./text-utils.js";
import { type Item, skip } from "./types.js";

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const POST = "app.bsky.feed.post";
// Bluesky handles are domain names: `@bob.bsky.social`.
const HANDLE = /(?<![\w@])@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+/g;
const AT_URI = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/;

export interface BlueskyContext {
  /** The account whose feed or repository this is; posts by anyone else are reposts or context. */
  ownDid?: string;
  handle?: string;
  author?: string;
}

export function parseAtUri(uri: unknown): { did: string; collection: string; rkey: string } | undefined {
  const match = typeof uri === "string" ? AT_URI.exec(uri) : null;
  return match ? { did: match[1]!, collection: match[2]!, rkey: match[3]! } : undefined;
}

/** One `feed[]` entry of an `app.bsky.feed.getAuthorFeed` page -> a post; reposts are left out. */
export function feedItemToItem(entry: unknown, context: BlueskyContext): Item {
  if (!isRec(entry) || !isRec(entry.post)) return skip("bad record");
  const reason = isRec(entry.reason) ? str(entry.reason.$type) : undefined;
  if (reason?.endsWith("#reasonRepost")) return skip("repost");
  const { post } = entry;
  const author = isRec(post.author) ? post.author : {};
  const did = str(author.did);
  if (did === undefined) return skip("bad record");
  if (context.ownDid !== undefined && did !== context.ownDid) return skip("repost");
  return recordToItem(post.record, str(post.uri), {
    ...context,
    handle: context.handle ?? str(author.handle),
  });
}

/** The owner of a feed page: the author of its first entry that is not a repost. */
export function feedOwner(entries: unknown[]): { did?: string; handle?: string } {
  for (const entry of entries) {
    if (!isRec(entry) || !isRec(entry.post) || isRec(entry.reason)) continue;
    const author = isRec(entry.post.author) ? entry.post.author : {};
    return { did: str(author.did), handle: str(author.handle) };
  }
  return {};
}

/** An `app.bsky.feed.post` record (from a feed page, or an unpacked repository) with its at:// URI. */
export function recordToItem(record: unknown, uri: string | undefined, context: BlueskyContext): Item {
  if (!isRec(record)) return skip("bad record");
  if (record.$type !== undefined && record.$type !== POST)
    return skip(String(record.$type).endsWith(".repost") ? "repost" : "not a post");
  const at = parseAtUri(uri);
  if (at === undefined || at.collection !== POST || !/^[A-Za-z0-9_-]{1,59}$/.test(at.rkey))
    return skip("bad record");
  const raw = typeof record.text === "string" ? record.text : undefined;
  if (raw === undefined) return skip("bad record");
  const facets = applyFacets(raw, list(record.facets));
  const embed = isRec(record.embed) ? record.embed : {};
  const media = embedMedia(embed, at.did);
  const text = withEmbedLinks(facets.text, embed);
  const { tags } = facets;
  if (text.trim() === "" && media.length === 0) return skip("empty");
  const warning = selfLabels(record.labels);

  const createdAt = str(record.createdAt);
  const reply = isRec(record.reply) ? record.reply : undefined;
  const parent = parseAtUri(isRec(reply?.parent) ? reply.parent.uri : undefined);
  const selfReply = parent !== undefined && parent.collection === POST && parent.did === at.did;
  const profile = context.handle ?? at.did;
  const author = context.author ?? (context.handle ? `@${context.handle}` : undefined);
  return {
    piece: {
      post: {
        id: `bsky-${at.rkey}`,
        text: text.trim(),
        topics: unique(
          [...tags, ...list(record.tags).map(String)].map(hashtagToTopic).concat(hashtagsIn(text)),
        ),
        links: extractLinks(text),
        mentions: unique([...text.matchAll(HANDLE)].map((m) => m[0]).concat(extractMentions(text))).filter(
          (m, _, all) => !all.some((other) => other !== m && other.startsWith(`${m}.`)),
        ),
        ...(author && { author }),
        url: `https://bsky.app/profile/${profile}/post/${at.rkey}`,
        ...(createdAt && !Number.isNaN(Date.parse(createdAt)) && { createdAt }),
        ...(warning && { contentWarning: warning }),
        ...(media.length > 0 && { media }),
        sourceId: uri!,
      },
      ...(selfReply && { parent: `at://${parent.did}/${parent.collection}/${parent.rkey}` }),
    },
  };
}

/** A blob's CID: `{ $link }` in JSON, a CID object (printed by toString) when read from a CAR. */
function cidOf(blob: unknown): string | undefined {
  const ref = isRec(blob) ? blob.ref : undefined;
  if (isRec(ref) && str(ref.$link)) return ref.$link as string;
  const printed = ref !== undefined && ref !== null ? String(ref) : "";
  return /^b[a-z2-7]{20,}$/.test(printed) ? printed : str(isRec(blob) ? blob.cid : undefined);
}

/** Images and videos of `app.bsky.embed.images|video|recordWithMedia`, on Bluesky's CDN by DID and CID. */
function embedMedia(embed: Rec, did: string): Media[] {
  const type = str(embed.$type);
  if (type === "app.bsky.embed.recordWithMedia")
    return isRec(embed.media) ? embedMedia(embed.media, did) : [];
  const alt = (v: unknown) => (str(v) ? { alt: (v as string).slice(0, 1500) } : {});
  if (type === "app.bsky.embed.images")
    return list(embed.images)
      .filter(isRec)
      .flatMap((image): Media[] => {
        const cid = cidOf(image.image);
        if (cid === undefined) return [];
        const url = `https://cdn.bsky.app/img/feed_fullsize/plain/${did}/${cid}@jpeg`;
        return [{ type: "image", url, ...alt(image.alt) }];
      });
  if (type === "app.bsky.embed.video") {
    const cid = cidOf(embed.video);
    const url = `https://video.bsky.app/watch/${encodeURIComponent(did)}/${cid}/playlist.m3u8`;
    return cid === undefined ? [] : [{ type: "video", url, ...alt(embed.alt) }];
  }
  return [];
}

/** A quoted post (`embed.record`) and a link card (`embed.external`) stay as links in the text. */
function withEmbedLinks(text: string, embed: Rec): string {
  const type = str(embed.$type);
  const links: string[] = [];
  const record = type === "app.bsky.embed.recordWithMedia" && isRec(embed.record) ? embed.record : embed;
  if (type === "app.bsky.embed.record" || type === "app.bsky.embed.recordWithMedia") {
    const quoted = parseAtUri(isRec(record.record) ? record.record.uri : undefined);
    if (quoted?.collection === POST) links.push(`https://bsky.app/profile/${quoted.did}/post/${quoted.rkey}`);
  }
  const external =
    type === "app.bsky.embed.external" && isRec(embed.external) ? str(embed.external.uri) : undefined;
  if (external && /^https?:\/\//.test(external)) links.push(external);
  const missing = links.filter((link) => !text.includes(link));
  return missing.length > 0 ? `${text.trimEnd()}\n\n${missing.join("\n")}` : text;
}

const LABELS: Record<string, string> = {
  porn: "adult content",
  sexual: "sexual content",
  nudity: "nudity",
  "graphic-media": "graphic media",
  gore: "graphic media",
};

/** Self-labels (`com.atproto.label.defs#selfLabels`) the author put on the post, as a content warning. */
function selfLabels(labels: unknown): string | undefined {
  const values = isRec(labels) ? list(labels.values) : [];
  const names = unique(
    values.map((v) => (isRec(v) && str(v.val) ? (LABELS[v.val as string] ?? undefined) : undefined)),
  );
  return names.length > 0 ? names.join(", ") : undefined;
}

/**
 * Restores link facets: the text shows a shortened `example.com/very-lo...`, the facet holds the URI.
 * Facet indices are UTF-8 byte offsets, so the edits are applied to the encoded bytes.
 */
export function applyFacets(text: string, facets: unknown[]): { text: string; tags: string[] } {
  const bytes = [...Buffer.from(text, "utf8")];
  const edits: Edit[] = [];
  const tags: string[] = [];
  for (const facet of facets) {
    if (!isRec(facet) || !isRec(facet.index)) continue;
    const { byteStart, byteEnd } = facet.index;
    for (const feature of list(facet.features)) {
      if (!isRec(feature)) continue;
      const type = str(feature.$type);
      if (type === "app.bsky.richtext.facet#tag" && str(feature.tag)) tags.push(feature.tag as string);
      const uri = str(feature.uri);
      if (type === "app.bsky.richtext.facet#link" && uri && /^https?:\/\//.test(uri))
        edits.push({ start: Number(byteStart), end: Number(byteEnd), replacement: uri });
    }
  }
  const decode = (units: number[]) => Buffer.from(units).toString("utf8");
  for (const edit of edits)
    edit.replacement = linkText(decode(bytes.slice(edit.start, edit.end)), edit.replacement);
  return { text: applyEdits(bytes, edits, decode), tags };
}

/** A shortened URL is replaced by the full one; a linked word keeps its words and gains the URL. */
function linkText(visible: string, uri: string): string {
  const withoutScheme = (u: string) => u.replace(/^https?:\/\//, "");
  const shown = withoutScheme(visible.replace(/(\.\.\.|…)$/u, ""));
  return shown !== "" && withoutScheme(uri).startsWith(shown) ? uri : `${visible} (${uri})`;
}
