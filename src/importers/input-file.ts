import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";

/**
 * A file to import: on disk, or an entry of a .zip or .tar.gz read in place (never unpacked to disk).
 * `open` may be called more than once: sources with threads are read twice.
 */
export interface InputFile {
  /** Names the file in messages: a path, or `export.zip:data/tweets.js`. */
  name: string;
  open(): Promise<Readable>;
  /** The first bytes, when already read (a .tar.gz entry, seen while listing): spares reading it again to sniff. */
  head?: Buffer;
}

/** How much of an entry's start a listing keeps for sniffing. */
export const HEAD_KEPT = 64 * 1024;

export function diskFile(path: string): InputFile {
  return { name: path, open: async () => createReadStream(path) };
}

/** The first `bytes` bytes (fewer if the file is shorter); the rest is not read. */
export async function readHead(file: InputFile, bytes: number): Promise<Buffer> {
  // A kept head shorter than HEAD_KEPT is the whole entry.
  if (file.head !== undefined && (bytes <= file.head.length || file.head.length < HEAD_KEPT))
    return file.head.subarray(0, bytes);
  const stream = await file.open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** The whole file, for the small ones (account.js, actor.json, one Bluesky record). */
export async function readAll(file: InputFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.open()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
