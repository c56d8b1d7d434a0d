import type { Media } from "../library/post.js";
import { extractLinks, extractMentions } from "../library/text.js";
import {
  applyEdits,
  decodeXEntities,
  type Edit,
  hashtagsIn,
  hashtagToTopic,
  tidy,
  unique,
} from "./text-utils.js";
import { parseTwitterDate } from "./twitter-date.js";
import { type Item, type Link, skip } from "./types.js";

/** What the rest of the archive says about the account: from account.js, or the --author option. */
export interface XContext {
  ownUserId?: string;
  screenName?: string;
  author?: string;
  notes: NoteIndex;
  /** Ids of Circle posts (twitter-circle-tweet.js): tweets.js holds them too, but they were never public. */
  circle?: ReadonlySet<string>;
}

interface NoteTweet {
  text: string;
  hashtags: string[];
  /** The text as compared with a tweet's cut text: no links, single spaces. */
  comparable: string;
}

/**
 * Long posts, keyed by creation time in whole seconds: tweets.js only has their first 280 characters.
 * `matched` collects the notes some tweet took, so the summary can count those no tweet took.
 */
export interface NoteIndex {
  bySecond: Map<number, NoteTweet[]>;
  count: number;
  matched: Set<NoteTweet>;
}

export const emptyNoteIndex = (): NoteIndex => ({ bySecond: new Map(), count: 0, matched: new Set() });

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** account.js: `[{ account: { accountId, username, accountDisplayName } }]`. */
export function readAccount(records: unknown[]): { ownUserId?: string; screenName?: string } {
  for (const record of records) {
    const account = isRec(record) && isRec(record.account) ? record.account : undefined;
    if (account) return { ownUserId: str(account.accountId), screenName: str(account.username) };
  }
  return {};
}

/** twitter-circle-tweet.js: the same records as tweets.js; only their ids are needed. */
export function circleIds(records: unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const record of records) {
    const tweet = isRec(record) && isRec(record.tweet) ? record.tweet : record;
    const id = isRec(tweet) ? str(tweet.id_str) : undefined;
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** note-tweet.js: `[{ noteTweet: { createdAt, core: { text, urls: [{ shortUrl, expandedUrl }], hashtags } } }]`. */
export function indexNoteTweets(records: unknown[]): NoteIndex {
  const index = emptyNoteIndex();
  for (const record of records) {
    const note = isRec(record) && isRec(record.noteTweet) ? record.noteTweet : undefined;
    const core = note && isRec(note.core) ? note.core : undefined;
    const text = str(core?.text);
    const time = Date.parse(String(note?.createdAt));
    if (!core || text === undefined || Number.isNaN(time)) continue;
    let full = text;
    for (const url of list(core.urls)) {
      if (isRec(url) && str(url.shortUrl) && str(url.expandedUrl))
        full = full.split(url.shortUrl as string).join(url.expandedUrl as string);
    }
    const hashtags = list(core.hashtags).flatMap((h) => (isRec(h) && str(h.text) ? [h.text as string] : []));
    const key = Math.floor(time / 1000);
    const decoded = decodeXEntities(full);
    const entry = { text: decoded, hashtags, comparable: comparable(decoded) };
    index.bySecond.set(key, [...(index.bySecond.get(key) ?? []), entry]);
    index.count++;
  }
  return index;
}

/**
 * One record of tweets.js (`{ tweet: {...} }`, or the bare tweet in older archives) -> a post.
 * Ids and counts are strings in the archive and ids exceed 2^53: they are never turned into numbers.
 */
export function tweetToItem(record: unknown, context: XContext): Item {
  const head = tweetHead(record, context);
  if (typeof head === "string") return skip(head);
  const { tweet, id, raw, replyTo, selfReply } = head;
  const createdAt = parseTwitterDate(tweet.created_at);
  if (createdAt === undefined) return skip("bad date");

  const note = findNote(context.notes, createdAt, raw);
  const entities = isRec(tweet.entities) ? tweet.entities : {};
  const text = tidy(note ? withQuoteLinks(note.text, entities, id) : tweetText(tweet, raw, selfReply));
  const media = tweetMedia(tweet);
  if (text === "" && media.length === 0) return skip("empty");
  const replaces = editedFrom(tweet, id);

  const hashtags = list(entities.hashtags).flatMap((h) =>
    isRec(h) && str(h.text) ? [h.text as string] : [],
  );
  const user = context.screenName ?? "i/web";
  return {
    piece: {
      post: {
        id: `x-${id}`,
        text,
        topics: unique([...hashtags, ...(note?.hashtags ?? [])].map(hashtagToTopic).concat(hashtagsIn(text))),
        links: extractLinks(text),
        mentions: extractMentions(text),
        ...(context.author !== undefined && { author: context.author }),
        url: `https://x.com/${user}/status/${id}`,
        createdAt,
        ...(media.length > 0 && { media }),
        sourceId: id,
      },
      ...(selfReply && { parent: replyTo }),
      ...(replaces.length > 0 && { replaces }),
    },
  };
}

/**
 * The reply links of one tweets.js record, for the first pass of thread joining, without building the post.
 * Records it keeps that tweetToItem then skips (a bad date, no text left) only hold their thread back
 * until the end, where each surviving branch is joined on its own, as for a deleted tweet.
 */
export function tweetLinks(record: unknown, context: XContext): Link | undefined {
  const head = tweetHead(record, context);
  if (typeof head === "string") return undefined;
  const replaces = editedFrom(head.tweet, head.id);
  return {
    id: head.id,
    ...(head.selfReply && { parent: head.replyTo }),
    ...(replaces.length > 0 && { replaces }),
  };
}

interface TweetHead {
  tweet: Rec;
  id: string;
  raw: string;
  replyTo?: string;
  selfReply: boolean;
}

/** What both passes read of a record: the tweet, or why it is left out. */
function tweetHead(record: unknown, context: XContext): TweetHead | string {
  const tweet = isRec(record) && isRec(record.tweet) ? record.tweet : record;
  if (!isRec(tweet)) return "bad record";
  const id = str(tweet.id_str) ?? (typeof tweet.id === "string" ? tweet.id : undefined);
  const raw = str(tweet.full_text) ?? str(tweet.text);
  if (id === undefined || !/^\d{1,30}$/.test(id) || raw === undefined) return "bad record";
  if (isRec(tweet.retweeted_status) || raw.startsWith("RT @")) return "retweet";
  if (context.circle?.has(id)) return "not public";
  if (tweet.withheld_copyright === true || list(tweet.withheld_in_countries).length > 0) return "withheld";
  const replyTo = str(tweet.in_reply_to_status_id_str) ?? str(tweet.in_reply_to_status_id);
  const replyToUser = str(tweet.in_reply_to_user_id_str) ?? str(tweet.in_reply_to_user_id);
  const selfReply =
    replyTo !== undefined && (context.ownUserId === undefined || replyToUser === context.ownUserId);
  return { tweet, id, raw, ...(replyTo !== undefined && { replyTo }), selfReply };
}

/**
 * t.co links -> their expanded URLs, media links removed, the automatic `@name` prefix of a reply cut.
 * Entity indices count code points (an emoji before a link is one, not two); an entity whose indices
 * do not land on its t.co URL is replaced by searching for the URL instead.
 */
function tweetText(tweet: Rec, raw: string, isSelfReply: boolean): string {
  // Entity indices count code points; most tweets have no entity to place, and keep their text as it is.
  let units: string[] | undefined;
  const codePoints = () => {
    units ??= [...raw];
    return units;
  };
  const edits: Edit[] = [];
  const fallback: [string, string][] = [];
  const entities = isRec(tweet.entities) ? tweet.entities : {};
  const extended = isRec(tweet.extended_entities) ? tweet.extended_entities : {};
  const urls = list(entities.urls).map((u) => ({ entity: u, media: false }));
  const media = [...list(extended.media), ...list(entities.media)].map((u) => ({ entity: u, media: true }));
  const seen = new Set<string>();
  for (const { entity, media: isMedia } of [...urls, ...media]) {
    if (!isRec(entity)) continue;
    const short = str(entity.url);
    if (short === undefined || seen.has(short)) continue;
    seen.add(short);
    const replacement = isMedia ? "" : (str(entity.expanded_url) ?? short);
    const [start, end] = list(entity.indices).map(Number);
    if (start !== undefined && end !== undefined && codePoints().slice(start, end).join("") === short)
      edits.push({ start, end, replacement });
    else fallback.push([short, replacement]);
  }
  const range = list(tweet.display_text_range).map(Number);
  const displayStart = range[0] ?? 0;
  // Only the automatic `@me ` prefix of a self-reply is cut: a reply to others keeps whom it answers.
  if (isSelfReply && displayStart > 0 && /^(\s*@\w+)+\s*$/.test(codePoints().slice(0, displayStart).join("")))
    edits.push({ start: 0, end: displayStart, replacement: "" });
  let text = edits.length === 0 ? raw : applyEdits(codePoints(), edits, (parts) => parts.join(""));
  for (const [short, replacement] of fallback) text = text.split(short).join(replacement);
  return decodeXEntities(text);
}

const comparable = (text: string) =>
  text
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The note that is this tweet's full text: created in the same second (give or take one), and starting
 * with the tweet's cut text (without the leading `@name`s, the trailing ellipsis and links). The thread
 * composer posts several tweets in one second: the time alone would give one tweet a sibling's text.
 */
function findNote(notes: NoteIndex, createdAt: string, raw: string): NoteTweet | undefined {
  if (notes.count === 0) return undefined;
  const cut = comparable(decodeXEntities(raw))
    .replace(/^(@\w+\s+)+/, "")
    .replace(/\s*(…|\.\.\.)$/u, "");
  if (cut === "") return undefined;
  const second = Math.floor(Date.parse(createdAt) / 1000);
  for (const key of [second, second - 1, second + 1])
    for (const note of notes.bySecond.get(key) ?? [])
      if (note.comparable.startsWith(cut)) {
        notes.matched.add(note);
        return note;
      }
  return undefined;
}

/** A long post's note has no quoted-post link (it lived in the tweet's `entities.urls` only): keep it. */
function withQuoteLinks(text: string, entities: Rec, ownId: string): string {
  const quotes = list(entities.urls).flatMap((u) => {
    const url = isRec(u) ? str(u.expanded_url) : undefined;
    const status = url
      ? /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status\/(\d+)/.exec(url)
      : null;
    return url && status && status[1] !== ownId && !text.includes(url) ? [url] : [];
  });
  return quotes.length > 0 ? `${text}\n\n${unique(quotes).join("\n")}` : text;
}

/** `extended_entities.media` (all of a tweet's media; `entities.media` has the first only). */
function tweetMedia(tweet: Rec): Media[] {
  const extended = isRec(tweet.extended_entities) ? list(tweet.extended_entities.media) : [];
  const entities = isRec(tweet.entities) ? list(tweet.entities.media) : [];
  const media: Media[] = [];
  for (const m of extended.length > 0 ? extended : entities) {
    if (!isRec(m)) continue;
    const image = str(m.media_url_https) ?? str(m.media_url);
    const variants = isRec(m.video_info) ? list(m.video_info.variants).filter(isRec) : [];
    const mp4 = variants
      .filter((v) => v.content_type === "video/mp4" && str(v.url))
      .sort((a, b) => Number(b.bitrate ?? 0) - Number(a.bitrate ?? 0))[0];
    const type = m.type === "video" ? "video" : m.type === "animated_gif" ? "gif" : "image";
    const url = type === "image" ? image : (str(mp4?.url) ?? image);
    const alt = str(m.ext_alt_text) ?? str(m.alt_text);
    if (url && /^https?:\/\//.test(url)) media.push({ type, url, ...(alt && { alt: alt.slice(0, 1500) }) });
  }
  return media;
}

/** The earlier versions of an edited tweet (`edit_info`): only the last version in the archive is kept. */
function editedFrom(tweet: Rec, id: string): string[] {
  const info = isRec(tweet.edit_info) ? tweet.edit_info : {};
  const initial = isRec(info.initial) ? info.initial : undefined;
  const edit = isRec(info.edit) ? info.edit : undefined;
  const control = edit && isRec(edit.editControlInitial) ? edit.editControlInitial : undefined;
  const ids = [...list(initial?.editTweetIds), ...list(control?.editTweetIds), edit?.initialTweetId]
    .map(String)
    .filter((other) => /^\d+$/.test(other) && olderId(other, id));
  return unique(ids);
}

/** Snowflake ids grow with time; compared as numbers-in-strings (they exceed 2^53). */
const olderId = (a: string, b: string) => a.length < b.length || (a.length === b.length && a < b);
