import { isUtf8 } from "node:buffer";
import { Transform } from "node:stream";

/**
 * What an invalid UTF-8 byte becomes: a noncharacter, which no real text contains (unlike `\uFFFD`, which
 * an archive may hold as a character of its own). A record containing it is reported and left out.
 */
export const INVALID_UTF8 = "\uFDD0";
const MARKER = Buffer.from(INVALID_UTF8, "utf8");

/** Length of a UTF-8 sequence from its first byte; 0 when the byte cannot start one. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/** Bytes at the end of `chunk` that start a character the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if (byte >= 0x80 && byte < 0xc0) continue;
    const length = sequenceLength(byte);
    return length > back ? back : 0;
  }
  return 0;
}

/** Replaces each invalid byte with INVALID_UTF8, byte by byte (only chunks that are not valid get here). */
function repair(chunk: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  let at = 0;
  while (at < chunk.length) {
    const length = sequenceLength(chunk[at]!);
    if (length === 1) {
      at++;
      continue;
    }
    if (length > 0 && at + length <= chunk.length && isUtf8(chunk.subarray(at, at + length))) {
      at += length;
      continue;
    }
    parts.push(chunk.subarray(start, at), MARKER);
    at++;
    start = at;
  }
  parts.push(chunk.subarray(start));
  return Buffer.concat(parts);
}

/**
 * Passes bytes on as valid UTF-8, chunk by chunk: invalid bytes are replaced by INVALID_UTF8 wherever they
 * are (the first 64 KiB or the last), so every reader sees them the same way and can name the record. A
 * character split between chunks is held back until the next one completes it.
 */
export function createUtf8Marker(): { push(chunk: Buffer): Buffer; end(): Buffer } {
  let carry = Buffer.alloc(0);
  return {
    push(chunk) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const keep = incompleteTail(bytes);
      const body = bytes.subarray(0, bytes.length - keep);
      carry = Buffer.from(bytes.subarray(bytes.length - keep));
      return isUtf8(body) ? body : repair(body);
    },
    end: () => (carry.length > 0 ? repair(carry) : carry),
  };
}

/** The same as a stream stage. */
export function markInvalidUtf8(): Transform {
  const marker = createUtf8Marker();
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, marker.push(chunk));
    },
    flush(done) {
      const tail = marker.end();
      done(null, tail.length > 0 ? tail : undefined);
    },
  });
}

/** The same for a whole buffer (a small file, the head of a file). */
export function markInvalidUtf8InBuffer(bytes: Buffer): Buffer {
  return isUtf8(bytes) ? bytes : repair(bytes);
}
