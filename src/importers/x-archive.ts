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
import { type Item, skip } from "./types.js";

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
}

/** Long posts, keyed by creation time in whole seconds: tweets.js only has their first 280 characters. */
export type NoteIndex = Map<number, NoteTweet[]>;

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
  const index: NoteIndex = new Map();
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
    index.set(key, [...(index.get(key) ?? []), { text: decodeXEntities(full), hashtags }]);
  }
  return index;
}

/**
 * One record of tweets.js (`{ tweet: {...} }`, or the bare tweet in older archives) -> a post.
 * Ids and counts are strings in the archive and ids exceed 2^53: they are never turned into numbers.
 */
export function tweetToItem(record: unknown, context: XContext): Item {
  const tweet = isRec(record) && isRec(record.tweet) ? record.tweet : record;
  if (!isRec(tweet)) return skip("bad record");
  const id = str(tweet.id_str) ?? (typeof tweet.id === "string" ? tweet.id : undefined);
  const raw = str(tweet.full_text) ?? str(tweet.text);
  if (id === undefined || !/^\d{1,30}$/.test(id) || raw === undefined) return skip("bad record");
  if (isRec(tweet.retweeted_status) || raw.startsWith("RT @")) return skip("retweet");
  if (context.circle?.has(id)) return skip("not public");
  if (tweet.withheld_copyright === true || list(tweet.withheld_in_countries).length > 0)
    return skip("withheld");
  const createdAt = parseTwitterDate(tweet.created_at);
  if (createdAt === undefined) return skip("bad date");

  const replyTo = str(tweet.in_reply_to_status_id_str) ?? str(tweet.in_reply_to_status_id);
  const replyToUser = str(tweet.in_reply_to_user_id_str) ?? str(tweet.in_reply_to_user_id);
  const selfReply =
    replyTo !== undefined && (context.ownUserId === undefined || replyToUser === context.ownUserId);

  const note = findNote(context.notes, createdAt, raw);
  const text = tidy(note?.text ?? tweetText(tweet, raw, selfReply));
  if (text === "") return skip("empty");

  const entities = isRec(tweet.entities) ? tweet.entities : {};
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
        sourceId: id,
      },
      ...(selfReply && { parent: replyTo }),
    },
  };
}

/**
 * t.co links -> their expanded URLs, media links removed, the automatic `@name` prefix of a reply cut.
 * Entity indices count code points (an emoji before a link is one, not two); an entity whose indices
 * do not land on its t.co URL is replaced by searching for the URL instead.
 */
function tweetText(tweet: Rec, raw: string, isSelfReply: boolean): string {
  const codePoints = [...raw];
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
    if (start !== undefined && end !== undefined && codePoints.slice(start, end).join("") === short)
      edits.push({ start, end, replacement });
    else fallback.push([short, replacement]);
  }
  const range = list(tweet.display_text_range).map(Number);
  const displayStart = range[0] ?? 0;
  // Only the automatic `@me ` prefix of a self-reply is cut: a reply to others keeps whom it answers.
  if (isSelfReply && displayStart > 0 && /^(\s*@\w+)+\s*$/.test(codePoints.slice(0, displayStart).join("")))
    edits.push({ start: 0, end: displayStart, replacement: "" });
  let text = applyEdits(codePoints, edits, (units) => units.join(""));
  for (const [short, replacement] of fallback) text = text.split(short).join(replacement);
  return decodeXEntities(text);
}

function findNote(notes: NoteIndex, createdAt: string, raw: string): NoteTweet | undefined {
  const candidates = notes.get(Math.floor(Date.parse(createdAt) / 1000));
  if (candidates === undefined) return undefined;
  if (candidates.length === 1) return candidates[0];
  // Two long posts in the same second: the one that starts like the cut text.
  const start = decodeXEntities(raw).slice(0, 40);
  return candidates.find((n) => n.text.startsWith(start)) ?? candidates[0];
}
