import { type InputFile, readHead } from "./input-file.js";

export type Format =
  | "x-tweets"
  | "x-note-tweets"
  | "x-account"
  | "x-circle"
  | "x-other"
  | "mastodon-outbox"
  | "mastodon-actor"
  | "bluesky-feed"
  | "bluesky-record"
  | "bluesky-other"
  | "curator-json"
  | "curator-jsonl"
  | "text"
  | "zip"
  | "tar.gz"
  | "bluesky-car";

/** Formats that hold posts (the others only describe the account, or are ignored). */
export const ARCHIVES: ReadonlySet<Format> = new Set([
  "x-tweets",
  "mastodon-outbox",
  "bluesky-feed",
  "bluesky-record",
  "bluesky-car",
]);
/** Archives of files, read in place: an X export (.zip), a Mastodon export (.tar.gz). */
export const CONTAINERS: ReadonlySet<Format> = new Set(["zip", "tar.gz"]);
export const GENERIC: ReadonlySet<Format> = new Set(["curator-json", "curator-jsonl", "text"]);

export const HEAD_BYTES = 64 * 1024;

/**
 * What a file is, from its first bytes (never its name): archives are renamed, re-zipped and split.
 * Undefined for anything Curator cannot import (binary, HTML, JSON of another shape, empty).
 */
export function sniff(head: Buffer): Format | undefined {
  const container = sniffBinary(head);
  if (container !== undefined) return container;
  if (head.subarray(0, 8192).includes(0)) return undefined;
  // `stream: true` tolerates a character cut at the end of the head. An invalid byte here is treated as
  // one further on: the record holding it is reported, the file is still read; mostly invalid is binary.
  let text = new TextDecoder("utf-8").decode(head, { stream: true });
  const invalid = text.match(/\uFFFD/g)?.length ?? 0;
  if (invalid > 8 && invalid * 20 > text.length) return undefined;
  text = text.replace(/^\uFEFF/, "").trimStart();
  if (text === "") return undefined;

  // Not `= [` too: a tweets.js damaged after its name must be read (and reported as damaged), not ignored.
  const ytd = /^window\.YTD\.(\w+)\.part\d+\b/.exec(text);
  if (ytd) {
    if (ytd[1] === "tweets" || ytd[1] === "tweet") return "x-tweets";
    if (ytd[1] === "note_tweet") return "x-note-tweets";
    if (ytd[1] === "account") return "x-account";
    if (ytd[1] === "twitter_circle_tweet") return "x-circle";
    return "x-other";
  }
  if (/^Grailbird\.data\.tweets_\d+_\d+\s*=\s*\[/.test(text)) return "x-tweets";
  if (/^(window|var|const|let|Grailbird)\b/.test(text)) return "x-other";

  if (text.startsWith("{")) {
    // likes.json and bookmarks.json are OrderedCollections too, of URLs (strings) instead of activities.
    if (/"orderedItems"\s*:\s*\[\s*[{\]]/.test(text) && /"OrderedCollection(Page)?"/.test(text))
      return "mastodon-outbox";
    if (/"preferredUsername"\s*:/.test(text) && /"type"\s*:\s*"(Person|Service|Application)"/.test(text))
      return "mastodon-actor";
    if (/^\{\s*("cursor"\s*:\s*"[^"]*"\s*,\s*)?"feed"\s*:\s*\[/.test(text)) return "bluesky-feed";
    const type = /"\$type"\s*:\s*"(app\.bsky\.[\w.]+)"/.exec(text);
    if (type) return type[1] === "app.bsky.feed.post" ? "bluesky-record" : "bluesky-other";
    const firstLine = text.split("\n", 1)[0]!;
    try {
      const record: unknown = JSON.parse(firstLine);
      if (typeof record === "object" && record !== null && "text" in record) return "curator-jsonl";
    } catch {}
    return undefined;
  }
  if (text.startsWith("[")) return /^\[\s*(\]|\{[\s\S]*"text"\s*:)/.test(text) ? "curator-json" : undefined;
  if (text.startsWith("<")) return undefined;
  return "text";
}

/** A zip (local file header or an empty archive), a gzip stream, or a CAR v1 (a DAG-CBOR header with roots). */
function sniffBinary(head: Buffer): Format | undefined {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return "zip";
  if (head.length >= 4 && head.readUInt32LE(0) === 0x06054b50) return "zip";
  if (head[0] === 0x1f && head[1] === 0x8b) return "tar.gz";
  // CAR v1: a varint header length, then a CBOR map {roots: [...], version: 1} (keys in either order).
  const length = head[0] ?? 0;
  if (length > 0 && length < 0x80 && (head[1] === 0xa2 || head[1] === 0xa1)) {
    const header = head.subarray(1, 1 + length).toString("latin1");
    if (header.includes("roots") && header.includes("version")) return "bluesky-car";
  }
  return undefined;
}

export async function sniffFile(file: InputFile): Promise<Format | undefined> {
  return sniff(await readHead(file, HEAD_BYTES));
}
