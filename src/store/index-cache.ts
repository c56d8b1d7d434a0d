/**
 * Keeps the search postings of a collection on disk, keyed by the collection's content hash, so a restart
 * skips tokenizing every post. Any problem with the cache means "rebuild": it is never worse than no cache.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import type { Post } from "../library/post.js";
import { buildSearchPostings, createSearchIndex, type SearchIndex } from "../library/search.js";
import {
  POSTINGS_VERSION,
  type Postings,
  type PostingsData,
  postingsFromData,
} from "../library/search-postings.js";

export const DEFAULT_CACHE_DIR = "data/.cache";
const MAGIC = 0x43555249; // "CURI"

export interface CachedIndex {
  index: SearchIndex;
  /** Whether the postings came from the cache; otherwise they were built (and a cache write was tried). */
  fromCache: boolean;
  /** Why the cache could not be read or written, for the caller's log; absent when all went well. */
  problem?: string;
}

export function cacheFile(dir: string, hash: string): string {
  return join(dir, `search-v${POSTINGS_VERSION}-${hash.slice(0, 32)}.bin`);
}

export function loadSearchIndex(
  collection: { posts: readonly Post[]; hash: string },
  dir: string = DEFAULT_CACHE_DIR,
): CachedIndex {
  const { postings, fromCache, problem } = loadPostings(collection, dir);
  const index = createSearchIndex(collection.posts, postings);
  return { index, fromCache, ...(problem ? { problem } : {}) };
}

/** The postings of a collection from the cache, or built (and cached); what loadSearchIndex and the reload worker share. */
export function loadPostings(
  collection: { posts: readonly Post[]; hash: string },
  dir: string = DEFAULT_CACHE_DIR,
): { postings: Postings; fromCache: boolean; problem?: string } {
  const file = cacheFile(dir, collection.hash);
  let readProblem: string | undefined;
  try {
    const data = decode(readFileSync(file));
    if (data.docCount === collection.posts.length)
      return { postings: postingsFromData(data), fromCache: true };
    readProblem = `${file} holds ${data.docCount} posts, the collection ${collection.posts.length}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") readProblem = `${file}: ${String(error)}`;
  }
  const postings = buildSearchPostings(collection.posts);
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(temp, encode(postings));
    renameSync(temp, file);
    pruneOldFiles(dir, file);
  } catch (error) {
    return { postings, fromCache: false, problem: `could not write ${file}: ${String(error)}` };
  }
  return { postings, fromCache: false, ...(readProblem ? { problem: readProblem } : {}) };
}

/** Each collection edit leaves a file behind: keep the newest few (other processes may serve older versions). */
const KEEP = 4;

function pruneOldFiles(dir: string, current: string): void {
  const files = readdirSync(dir)
    .filter((name) => /^search-v\d+-[0-9a-f]+\.bin$/.test(name))
    .map((name) => join(dir, name))
    .filter((path) => path !== current)
    // Another process may prune the same folder at the same moment: a file gone already is fine.
    .map((path) => ({ path, mtime: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of files.slice(KEEP - 1)) rmSync(old.path, { force: true });
}

/** Layout: magic, version, header length, JSON header (counts, terms), padding to 4 bytes, then the arrays. */
export function encode(data: PostingsData): Buffer {
  const header = Buffer.from(
    JSON.stringify({ docCount: data.docCount, postings: data.doc.length, terms: data.terms }),
    "utf8",
  );
  const headerEnd = align4(12 + header.length);
  const arrays = [data.start, data.doc, data.tf, data.norm];
  const out = Buffer.alloc(headerEnd + arrays.reduce((n, a) => n + a.byteLength, 0));
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(POSTINGS_VERSION, 4);
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  let at = headerEnd;
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return out;
}

export function decode(bytes: Buffer): PostingsData {
  if (bytes.length < 12 || bytes.readUInt32LE(0) !== MAGIC) throw new Error("not a search index cache");
  if (bytes.readUInt32LE(4) !== POSTINGS_VERSION) throw new Error("search index cache of another version");
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString("utf8", 12, 12 + headerLength)) as {
    docCount: number;
    postings: number;
    terms: string[];
  };
  const { docCount, postings, terms } = header;
  let at = align4(12 + headerLength);
  // Copies, not views: the file buffer's offset need not be aligned for 4-byte arrays.
  const take = (count: number) => {
    const end = at + count * 4;
    if (end > bytes.length) throw new Error("search index cache is truncated");
    const copy = new Uint8Array(bytes.subarray(at, end)).buffer;
    at = end;
    return copy;
  };
  const start = new Int32Array(take(terms.length + 1));
  const doc = new Int32Array(take(postings));
  const tf = new Float32Array(take(postings));
  const norm = new Float32Array(take(docCount));
  if (at !== bytes.length || start[terms.length] !== postings)
    throw new Error("search index cache is inconsistent");
  return { docCount, terms, start, doc, tf, norm };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
