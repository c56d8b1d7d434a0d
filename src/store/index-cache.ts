/**
 * Keeps the search postings of a collection on disk, keyed by the collection's content hash, so a restart
 * skips tokenizing every post. Any problem with the cache means "rebuild": it is never worse than no cache.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import type { CompactPosts } from "../library/compact-posts.js";
import type { Post } from "../library/post.js";
import {
  answersAsComputed,
  buildSearchPostings,
  createSearchIndex,
  type PrefixMemoEntry,
  precomputePrefixes,
  type SearchIndex,
} from "../library/search.js";
import {
  POSTINGS_VERSION,
  type Postings,
  type PostingsData,
  postingsFromData,
  sortTermIds,
} from "../library/search-postings.js";
import { readWhole } from "./read-whole.js";

export const DEFAULT_CACHE_DIR = "data/.cache";
/**
 * "CUR2": the second layout, which also keeps the terms' sorted order (sorting a million terms took a second);
 * from POSTINGS_VERSION 3 its header also holds the frequent prefixes' best posts (precomputePrefixes).
 */
const MAGIC = 0x32525543;

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
  collection: { posts: readonly Post[]; hash: string; compact?: CompactPosts },
  dir: string = DEFAULT_CACHE_DIR,
): CachedIndex {
  const { postings, prefixMemo, fromCache, problem } = loadPostings(collection, dir);
  const index = createSearchIndex(collection.posts, postings, collection.compact?.topicDocs(), {
    precomputed: prefixMemo,
  });
  return { index, fromCache, ...(problem ? { problem } : {}) };
}

/** The postings of a collection from the cache, or built (and cached); what loadSearchIndex and the reload worker share. */
export function loadPostings(
  collection: { posts: readonly Post[]; hash: string },
  dir: string = DEFAULT_CACHE_DIR,
): { postings: Postings; prefixMemo: PrefixMemoEntry[]; fromCache: boolean; problem?: string } {
  const file = cacheFile(dir, collection.hash);
  let readProblem: string | undefined;
  let postings: Postings | undefined;
  try {
    const { sortedIds, prefixMemo, ...data } = decode(readWhole(file));
    if (data.docCount === collection.posts.length) {
      postings = postingsFromData(data, { sortedIds });
      const cheapest = prefixMemo.reduce<PrefixMemoEntry | undefined>(
        (a, e) => (a && a.total <= e.total ? a : e),
        undefined,
      );
      if (!cheapest || answersAsComputed(collection.posts, postings, cheapest))
        return { postings, prefixMemo, fromCache: true };
      readProblem = `${file}: the precomputed prefixes were ranked by other code; computed again`;
    } else readProblem = `${file} holds ${data.docCount} posts, the collection ${collection.posts.length}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") readProblem = `${file}: ${String(error)}`;
  }
  const fromCache = postings !== undefined;
  postings ??= buildSearchPostings(collection.posts);
  // Computed once here, so that no member pays the first query of a frequent prefix (tens of ms at 1M posts).
  const prefixMemo = precomputePrefixes(collection.posts, postings);
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(temp, encode({ ...postings, prefixMemo }));
    renameSync(temp, file);
    pruneOldFiles(dir, file);
  } catch (error) {
    return { postings, prefixMemo, fromCache, problem: `could not write ${file}: ${String(error)}` };
  }
  return { postings, prefixMemo, fromCache, ...(readProblem ? { problem: readProblem } : {}) };
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
export function encode(
  data: PostingsData & { sortedIds?: Int32Array; prefixMemo?: readonly PrefixMemoEntry[] },
): Buffer {
  const sortedIds = data.sortedIds ?? sortTermIds(data.terms);
  const header = Buffer.from(
    JSON.stringify({
      docCount: data.docCount,
      postings: data.doc.length,
      terms: data.terms,
      prefixMemo: data.prefixMemo ?? [],
    }),
    "utf8",
  );
  const headerEnd = align4(12 + header.length);
  const arrays = [data.start, data.doc, data.tf, data.norm, sortedIds];
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

/** `bytes` must start 4-aligned in its ArrayBuffer (readWhole's do): the arrays are views, not copies. */
export function decode(
  bytes: Uint8Array,
): PostingsData & { sortedIds: Int32Array; prefixMemo: PrefixMemoEntry[] } {
  if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 12 || view.readUInt32LE(0) !== MAGIC) throw new Error("not a search index cache");
  if (view.readUInt32LE(4) !== POSTINGS_VERSION) throw new Error("search index cache of another version");
  const headerLength = view.readUInt32LE(8);
  const header = JSON.parse(view.toString("utf8", 12, 12 + headerLength)) as {
    docCount: number;
    postings: number;
    terms: string[];
    prefixMemo: PrefixMemoEntry[];
  };
  const { docCount, postings, terms, prefixMemo } = header;
  let at = align4(12 + headerLength);
  const take = <T>(make: new (buffer: ArrayBuffer, offset: number, length: number) => T, count: number) => {
    const end = at + count * 4;
    if (end > bytes.length) throw new Error("search index cache is truncated");
    const array = new make(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, count);
    at = end;
    return array;
  };
  const start = take(Int32Array, terms.length + 1);
  const doc = take(Int32Array, postings);
  const tf = take(Float32Array, postings);
  const norm = take(Float32Array, docCount);
  const sortedIds = take(Int32Array, terms.length);
  if (at !== bytes.length || start[terms.length] !== postings)
    throw new Error("search index cache is inconsistent");
  checkPrefixMemo(prefixMemo, docCount);
  return { docCount, terms, start, doc, tf, norm, sortedIds, prefixMemo };
}

/** A precomputed prefix names posts by number: a damaged entry must not answer with wrong posts. */
function checkPrefixMemo(entries: unknown, docCount: number): void {
  const bad = (why: string) => new Error(`search index cache: precomputed prefixes ${why}`);
  if (!Array.isArray(entries)) throw bad("missing");
  for (const e of entries as PrefixMemoEntry[]) {
    const where = `"${String(e?.prefix)}"`;
    if (typeof e?.prefix !== "string" || !Number.isInteger(e.k) || !Number.isInteger(e.total))
      throw bad(`${where}: no prefix, k or total`);
    if (!Array.isArray(e.docs) || !Array.isArray(e.scores) || e.docs.length !== e.scores.length)
      throw bad(`${where}: docs and scores differ in length`);
    if (e.docs.length > e.k || e.docs.length > e.total) throw bad(`${where}: more posts than k or total`);
    if (!e.docs.every((d) => Number.isInteger(d) && d >= 0 && d < docCount))
      throw bad(`${where}: a post number out of range`);
    if (!e.scores.every((s) => typeof s === "number" && Number.isFinite(s)))
      throw bad(`${where}: a score that is not a number`);
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
