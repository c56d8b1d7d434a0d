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
  const { text, tags } = applyFacets(raw, list(record.facets));
  if (text.trim() === "") return skip("empty");

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
        sourceId: uri!,
      },
      ...(selfReply && { parent: `at://${parent.did}/${parent.collection}/${parent.rkey}` }),
    },
  };
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
