import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { CarWriter } from "@ipld/car";
import * as dagCbor from "@ipld/dag-cbor";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { pack } from "tar-stream";
import yazl from "yazl";
import { tempFolder } from "./helpers.js";

/**
 * Small exports written from the formats' documented layouts: X's `window.YTD.<name>.part0 = [...]`
 * files under data/, Mastodon's outbox.json (ActivityStreams), Bluesky's getAuthorFeed pages.
 */
export const ME = { id: "42", name: "me" };
export const SECOND = "Mon May 01 12:00:00 +0000 2023";

type Fields = Record<string, unknown>;

export function tweet(id: string, text: string, fields: Fields = {}): Fields {
  return {
    id_str: id,
    id,
    full_text: text,
    created_at: SECOND,
    entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
    display_text_range: ["0", String([...text].length)],
    ...fields,
  };
}

/** A self-reply as X stores it: `@me ` before the text, outside the display range. */
export function selfReply(id: string, parent: string, text: string, fields: Fields = {}): Fields {
  const full = `@${ME.name} ${text}`;
  return tweet(id, full, {
    in_reply_to_status_id_str: parent,
    in_reply_to_user_id_str: ME.id,
    in_reply_to_screen_name: ME.name,
    display_text_range: [String(ME.name.length + 2), String([...full].length)],
    ...fields,
  });
}

/** A t.co entity for `short` inside `text`, with code point indices. */
export function urlEntity(text: string, short: string, expanded: string): Fields {
  const start = [...text.slice(0, text.indexOf(short))].length;
  return {
    url: short,
    expanded_url: expanded,
    display_url: expanded,
    indices: [String(start), String(start + 23)],
  };
}

export function note(text: string, createdAt = "2023-05-01T12:00:00.000Z", fields: Fields = {}): Fields {
  return {
    noteTweetId: String(Math.floor(Math.random() * 1e15)),
    createdAt,
    updatedAt: createdAt,
    core: { styletags: [], urls: [], text, mentions: [], cashtags: [], hashtags: [], ...fields },
  };
}

const ytd = (name: string, records: unknown[]) =>
  `window.YTD.${name}.part0 = ${JSON.stringify(records, null, 2)}`;

/** An unpacked X archive folder with account.js, tweets.js and (when given) note-tweet.js. */
export async function xArchive(tweets: Fields[], notes: Fields[] = [], folder?: string): Promise<string> {
  const root = folder ?? (await tempFolder());
  const data = join(root, "data");
  await mkdir(data, { recursive: true });
  await writeFile(
    join(data, "account.js"),
    ytd("account", [{ account: { accountId: ME.id, username: ME.name, accountDisplayName: "Me" } }]),
  );
  await writeFile(
    join(data, "tweets.js"),
    ytd(
      "tweets",
      tweets.map((t) => ({ tweet: t })),
    ),
  );
  if (notes.length > 0)
    await writeFile(
      join(data, "note-tweet.js"),
      ytd(
        "note_tweet",
        notes.map((n) => ({ noteTweet: n })),
      ),
    );
  return root;
}

export const ACTOR = "https://social.example/users/ann";
const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

export function status(n: number, object: Fields): Fields {
  return {
    id: `${ACTOR}/statuses/${n}/activity`,
    type: "Create",
    actor: ACTOR,
    published: `2024-03-0${n}T10:00:00Z`,
    to: [PUBLIC],
    object: {
      id: `${ACTOR}/statuses/${n}`,
      type: "Note",
      published: `2024-03-0${n}T10:00:00Z`,
      url: `https://social.example/@ann/${n}`,
      attributedTo: ACTOR,
      to: [PUBLIC],
      cc: [`${ACTOR}/followers`],
      sensitive: false,
      content: "<p>text</p>",
      attachment: [],
      tag: [],
      ...object,
    },
  };
}

export async function mastodonOutbox(activities: Fields[]): Promise<string> {
  const folder = await tempFolder();
  await writeFile(
    join(folder, "outbox.json"),
    JSON.stringify({
      "@context": "https://www.w3.org/ns/activitystreams",
      id: "outbox.json",
      type: "OrderedCollection",
      totalItems: activities.length,
      orderedItems: activities,
    }),
  );
  return folder;
}

export const DID = "did:plc:ann4567example";

export function feedEntry(rkey: string, record: Fields, reason?: string): Fields {
  return {
    post: {
      uri: `at://${DID}/app.bsky.feed.post/${rkey}`,
      cid: `bafyrei${rkey}`,
      author: { did: DID, handle: "ann.bsky.social" },
      record: { $type: "app.bsky.feed.post", createdAt: "2024-04-01T10:00:00.000Z", ...record },
      indexedAt: "2024-04-01T10:00:00.000Z",
      labels: [],
    },
    ...(reason !== undefined && { reason: { $type: reason } }),
  };
}

export const replyTo = (parent: string, root = parent) => ({
  reply: {
    root: { uri: `at://${DID}/app.bsky.feed.post/${root}`, cid: "bafyreiroot" },
    parent: { uri: `at://${DID}/app.bsky.feed.post/${parent}`, cid: "bafyreiparent" },
  },
});

export async function blueskyFeed(entries: Fields[]): Promise<string> {
  const folder = await tempFolder();
  await writeFile(join(folder, "feed.json"), JSON.stringify({ feed: entries }));
  return folder;
}

/** A .zip of a folder's files as X delivers its export (entries deflated), written with yazl. */
export async function zipOf(entries: Record<string, string | Buffer>, path: string): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries))
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** A .tar.gz as Mastodon delivers its export, written with tar-stream and zlib. */
export async function tarGzOf(entries: Record<string, string | Buffer>, path: string): Promise<string> {
  const tar = pack();
  const written = pipeline(tar, createGzip(), createWriteStream(path));
  for (const [name, content] of Object.entries(entries)) tar.entry({ name }, content);
  tar.finalize();
  await written;
  return path;
}

async function block(value: unknown): Promise<{ cid: CID; bytes: Uint8Array }> {
  const bytes = dagCbor.encode(value);
  return { cid: CID.create(1, dagCbor.code, await sha256.digest(bytes)), bytes };
}

/**
 * A repository CAR as `com.atproto.sync.getRepo` returns it: the signed commit (root), one Merkle Search
 * Tree node listing every record under `collection/rkey` (keys sorted, prefix-compressed), the records.
 */
export async function carOf(
  did: string,
  records: Record<string, Fields>,
  path: string,
  options: { commit?: boolean } = {},
): Promise<string> {
  const blocks = await Promise.all(Object.values(records).map(block));
  const keys = Object.keys(records);
  const order = keys.map((key, i) => ({ key, cid: blocks[i]!.cid })).sort((a, b) => (a.key < b.key ? -1 : 1));
  let previous = "";
  const entries = order.map(({ key, cid }) => {
    let p = 0;
    while (p < previous.length && previous[p] === key[p]) p++;
    previous = key;
    return { p, k: new TextEncoder().encode(key.slice(p)), v: cid, t: null };
  });
  const node = await block({ l: null, e: entries });
  const commit = await block({
    did,
    version: 3,
    data: node.cid,
    rev: "3kcommit00001",
    prev: null,
    sig: new Uint8Array(64),
  });
  const { writer, out } = CarWriter.create([commit.cid]);
  const written = pipeline(Readable.from(out), createWriteStream(path));
  // The blocks come in no particular order: records before the tree that names them.
  for (const b of [...(options.commit === false ? [] : [commit]), ...blocks, node]) await writer.put(b);
  await writer.close();
  await written;
  return path;
}

/** A blob reference as a record holds it once decoded from DAG-CBOR: the CID as an object. */
export async function blobOf(
  content: string,
): Promise<{ $type: string; ref: CID; mimeType: string; size: number }> {
  const bytes = new TextEncoder().encode(content);
  const cid = CID.create(1, 0x55, await sha256.digest(bytes));
  return { $type: "blob", ref: cid, mimeType: "image/jpeg", size: bytes.length };
}
