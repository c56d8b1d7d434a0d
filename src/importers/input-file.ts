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
}

export function diskFile(path: string): InputFile {
  return { name: path, open: async () => createReadStream(path) };
}

/** The first `bytes` bytes (fewer if the file is shorter); the rest is not read. */
export async function readHead(file: InputFile, bytes: number): Promise<Buffer> {
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
