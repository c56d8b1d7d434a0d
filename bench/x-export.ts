/**
 * A synthetic X export (.zip) of `tweets` tweets, written as X delivers it: data/account.js, data/tweets.js
 * split in parts of 250,000 (tweets.js, tweets-part1.js, …), data/note-tweet.js, a viewer HTML and media
 * files. Generated and zipped as streams, so a million tweets never sit in memory.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { createRng, createVocabulary, generatePost } from "./synthetic.js";

const PART = 250_000;
const OWN_ID = "42";
const SCREEN_NAME = "bench_me";
const BASE_ID = 1_100_000_000_000_000_000n;
const START = Date.UTC(2015, 0, 1) / 1000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function twitterDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** One tweets.js record: every 10th tweet answers the one before (a thread), every 7th has a photo. */
function tweetRecord(index: number, text: string, hashtags: string[]): string {
  const id = String(BASE_ID + BigInt(index) * 1000n);
  const reply = index % 10 === 9;
  const photo = index % 7 === 3;
  const shown = reply ? `@${SCREEN_NAME} ${text}` : text;
  const media = photo ? " https://t.co/AbCdEfGhIj" : "";
  const full = shown + media;
  const length = [...shown].length;
  const mediaEntity = {
    url: "https://t.co/AbCdEfGhIj",
    expanded_url: `https://x.com/${SCREEN_NAME}/status/${id}/photo/1`,
    indices: [String(length + 1), String(length + 24)],
    type: "photo",
    media_url_https: `https://pbs.twimg.com/media/${id}.jpg`,
  };
  const tweet = {
    edit_info: {
      initial: { editTweetIds: [id], editableUntil: "2015-01-01T00:00:00.000Z", editsRemaining: "5" },
    },
    retweeted: false,
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    entities: {
      hashtags: hashtags.map((t) => ({ text: t, indices: ["0", "0"] })),
      symbols: [],
      user_mentions: [],
      urls: [],
      ...(photo && { media: [mediaEntity] }),
    },
    display_text_range: [reply ? String(SCREEN_NAME.length + 2) : "0", String(length)],
    favorite_count: "0",
    id_str: id,
    truncated: false,
    retweet_count: "0",
    id,
    created_at: twitterDate(START + index * 60),
    favorited: false,
    full_text: full,
    lang: "en",
    ...(reply && {
      in_reply_to_status_id_str: String(BASE_ID + BigInt(index - 1) * 1000n),
      in_reply_to_user_id_str: OWN_ID,
      in_reply_to_screen_name: SCREEN_NAME,
    }),
    ...(photo && { extended_entities: { media: [mediaEntity] } }),
  };
  return JSON.stringify({ tweet }, null, 2);
}

async function* tweetsPart(from: number, to: number, part: number): AsyncIterable<string> {
  const rng = createRng(1000 + part);
  const vocab = createVocabulary();
  yield `window.YTD.tweets.part${part} = [\n`;
  let batch = "";
  for (let i = from; i < to; i++) {
    const post = generatePost(rng, vocab, i);
    const text = [...post.text.replace(/https?:\/\/\S+/g, "")].slice(0, 270).join("").trim();
    batch += `${i === from ? "" : ",\n"}${tweetRecord(i, text || "empty", post.topics.slice(0, 3))}`;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}\n]`;
}

export async function writeXExport(path: string, tweets: number): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream, createWriteStream(path));
  zip.addBuffer(Buffer.from("<!DOCTYPE html><html><body>Your archive</body></html>"), "Your archive.html");
  zip.addBuffer(
    Buffer.from(
      `window.YTD.account.part0 = ${JSON.stringify([{ account: { accountId: OWN_ID, username: SCREEN_NAME } }])}`,
    ),
    "data/account.js",
  );
  zip.addBuffer(Buffer.from("window.YTD.note_tweet.part0 = []"), "data/note-tweet.js");
  for (let part = 0, from = 0; from < tweets; part++, from += PART) {
    const name = part === 0 ? "data/tweets.js" : `data/tweets-part${part}.js`;
    zip.addReadStream(Readable.from(tweetsPart(from, Math.min(tweets, from + PART), part)), name);
  }
  for (let i = 0; i < 20; i++) zip.addBuffer(Buffer.alloc(50_000, i), `data/tweets_media/${i}.jpg`);
  zip.end();
  await done;
}
