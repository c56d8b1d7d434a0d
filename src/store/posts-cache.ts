/**
 * Keeps a big collection's validated posts on disk in their compact form (src/library/compact-posts.ts), keyed by
 * the collection file's sha256 like the search index cache: a restart then reads a few buffers back instead of
 * parsing and validating a million posts of JSON. Any problem with the cache means "load the file": a cache is
 * never worse than none.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { type Collection, type CollectionSummary, createCollection } from "../library/collection.js";
import { CompactPosts, type CompactPostsData } from "../library/compact-posts.js";
import { type LoadOptions, loadCollection } from "../library/load.js";
import type { StringColumnData } from "../library/string-column.js";
import { readWhole } from "./read-whole.js";

const MAGIC = 0x50525543; // "CURP"
// 2: posts may have `parts` (kept in the rests column): a version-1 cache predates them.
const VERSION = 2;
const COLUMNS = ["ids", "texts", "createdAts", "rests"] as const;

export interface CachedCollection {
  collection: Collection;
  fromCache: boolean;
  /** Why the cache could not be read or written, for the caller's log. */
  problem?: string;
}

export function postsCacheFile(dir: string, hash: string): string {
  return join(dir, `posts-v${VERSION}-${hash.slice(0, 32)}.bin`);
}

/**
 * The collection at `path`: from the cache in `dir` when it holds this file's posts, else loaded from the file
 * (and, when it is big enough to be kept compact, cached). Throws a CollectionError like loadCollection.
 */
export async function loadCollectionCached(
  path: string,
  dir: string,
  now: () => Date = () => new Date(),
  options: LoadOptions = {},
): Promise<CachedCollection> {
  // Without a cache file to check, hashing first would only read the file twice.
  if (!hasCacheFiles(dir)) return loadAndCache(path, dir, now, options);
  let hash: string;
  try {
    hash = await hashFile(path);
  } catch {
    // The loader names what is wrong with the file (not found, a directory, no permission).
    return { collection: await loadCollection(path, now, options), fromCache: false };
  }
  const file = postsCacheFile(dir, hash);
  let readProblem: string | undefined;
  try {
    const { posts, summary } = readPosts(file);
    return {
      collection: createCollection(posts, { source: path, hash, loadedAt: now() }, summary),
      fromCache: true,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") readProblem = `${file}: ${String(error)}`;
  }
  const loaded = await loadAndCache(path, dir, now, options);
  return readProblem && !loaded.problem ? { ...loaded, problem: readProblem } : loaded;
}

function hasCacheFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => name.startsWith("posts-v"));
}

async function loadAndCache(
  path: string,
  dir: string,
  now: () => Date,
  options: LoadOptions,
): Promise<CachedCollection> {
  const collection = await loadCollection(path, now, options);
  if (collection.compact === undefined) return { collection, fromCache: false };
  const written = postsCacheFile(dir, collection.hash);
  try {
    mkdirSync(dir, { recursive: true });
    writePosts(written, collection.compact, collection);
    pruneOldFiles(dir, written);
  } catch (error) {
    return { collection, fromCache: false, problem: `could not write ${written}: ${String(error)}` };
  }
  return { collection, fromCache: false };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
    hash.update(chunk);
  return hash.digest("hex");
}

interface Header {
  count: number;
  summary: CollectionSummary;
  topicNames: string[];
  topicIdCount: number;
  columns: { encoding: StringColumnData["encoding"]; firstRows: number[]; chunkBytes: number[] }[];
}

/** Layout: magic, version, header length, JSON header, then 8-aligned arrays: per column its ends and chunks, then days, topicStarts, topicIds. */
export function writePosts(file: string, posts: CompactPosts, summary: CollectionSummary): void {
  const { data } = posts;
  const header: Header = {
    count: posts.count,
    summary: { topics: summary.topics, ...(summary.dateRange ? { dateRange: summary.dateRange } : {}) },
    topicNames: data.topicNames,
    topicIdCount: data.topicIds.length,
    columns: COLUMNS.map((name) => ({
      encoding: data[name].encoding,
      firstRows: [...data[name].firstRows],
      chunkBytes: data[name].chunks.map((c) => c.byteLength),
    })),
  };
  const arrays: ArrayBufferView[] = [
    ...COLUMNS.flatMap((name) => [data[name].ends, ...data[name].chunks]),
    data.days,
    data.topicStarts,
    data.topicIds,
  ];
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const temp = `${file}.${process.pid}.${threadId}.tmp`;
  const fd = openSync(temp, "w");
  try {
    const prefix = Buffer.alloc(align8(12 + headerBytes.length));
    prefix.writeUInt32LE(MAGIC, 0);
    prefix.writeUInt32LE(VERSION, 4);
    prefix.writeUInt32LE(headerBytes.length, 8);
    headerBytes.copy(prefix, 12);
    writeAll(fd, prefix);
    const padding = Buffer.alloc(8);
    for (const array of arrays) {
      writeAll(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      writeAll(fd, padding.subarray(0, align8(array.byteLength) - array.byteLength));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 30));
}

export function readPosts(file: string): { posts: CompactPosts; summary: CollectionSummary } {
  const bytes = readWhole(file);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 12 || view.readUInt32LE(0) !== MAGIC) throw new Error("not a posts cache");
  if (view.readUInt32LE(4) !== VERSION) throw new Error("posts cache of another version");
  const headerLength = view.readUInt32LE(8);
  const header = JSON.parse(view.toString("utf8", 12, 12 + headerLength)) as Header;
  let at = align8(12 + headerLength);
  // Views into the one buffer read: nothing is copied. Every array starts 8-aligned in the file and in memory.
  const take = <T>(
    make: (buffer: ArrayBuffer, offset: number, length: number) => T,
    count: number,
    size: number,
  ) => {
    const end = at + count * size;
    if (end > bytes.length) throw new Error("posts cache is truncated");
    const array = make(bytes.buffer as ArrayBuffer, at, count);
    at = align8(end);
    return array;
  };
  const u8 = (b: ArrayBuffer, o: number, n: number) => new Uint8Array(b, o, n);
  const u16 = (b: ArrayBuffer, o: number, n: number) => new Uint16Array(b, o, n);
  const u32 = (b: ArrayBuffer, o: number, n: number) => new Uint32Array(b, o, n);
  const columns = header.columns.map(
    (column): StringColumnData => ({
      encoding: column.encoding,
      firstRows: Int32Array.from(column.firstRows),
      ends: take(u32, header.count, 4),
      chunks: column.chunkBytes.map((length) => take(u8, length, 1)),
    }),
  );
  if (columns.length !== COLUMNS.length) throw new Error("posts cache is inconsistent");
  const [ids, texts, createdAts, rests] = columns as [
    StringColumnData,
    StringColumnData,
    StringColumnData,
    StringColumnData,
  ];
  const data: CompactPostsData = {
    ids,
    texts,
    createdAts,
    rests,
    days: take(u16, header.count, 2),
    topicNames: header.topicNames,
    topicStarts: take(u32, header.count + 1, 4),
    topicIds: take(u32, header.topicIdCount, 4),
  };
  if (at !== bytes.length) throw new Error("posts cache is inconsistent");
  return { posts: new CompactPosts(data), summary: header.summary };
}

/** Each collection edit leaves a file behind: keep the newest few (other processes may serve older versions). */
const KEEP = 2;

function pruneOldFiles(dir: string, current: string): void {
  const files = readdirSync(dir)
    .filter((name) => /^posts-v\d+-[0-9a-f]+\.bin$/.test(name))
    .map((name) => join(dir, name))
    .filter((path) => path !== current)
    .map((path) => ({ path, mtime: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of files.slice(KEEP - 1)) rmSync(old.path, { force: true });
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
