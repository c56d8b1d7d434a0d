import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * A file into one fresh ArrayBuffer, at offset 0, so typed arrays can be views into it instead of copies (a
 * Buffer from readFileSync may sit at any offset of a shared pool); read in parts, as one read stops at 2 GB.
 */
export function readWhole(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const bytes = new Uint8Array(fstatSync(fd).size);
    for (let at = 0; at < bytes.length; ) {
      const read = readSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 30), at);
      if (read === 0) throw new Error(`${file} is shorter than its size`);
      at += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
