import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { removeOnSignal } from "./cleanup.js";

const FLUSH_AT = 1 << 20;

/**
 * Writes a JSON array (formatted like `JSON.stringify(array, null, 2)`) element by element, atomically:
 * into a temporary file in the same folder, fsynced, checked by `check`, then renamed over `path`.
 * On any failure the temporary file is removed and `path` is untouched.
 */
export async function writeJsonArrayAtomically(
  path: string,
  items: AsyncIterable<unknown>,
  check: (temporaryPath: string) => Promise<void>,
): Promise<number> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  // Registered before the file exists: an interruption right after it is created must still remove it.
  const release = removeOnSignal(temporary);
  const file = await open(temporary, "wx").catch((error: unknown) => {
    release();
    throw error;
  });
  let closed = false;
  try {
    let buffer = "[";
    let count = 0;
    for await (const item of items) {
      // JSON.stringify writes line breaks only between tokens (a string's own are escaped): indent after each.
      buffer += `${count === 0 ? "" : ","}\n  ${JSON.stringify(item, null, 2).replaceAll("\n", "\n  ")}`;
      count++;
      if (buffer.length >= FLUSH_AT) {
        await file.write(buffer);
        buffer = "";
      }
    }
    await file.write(`${buffer}${count === 0 ? "]" : "\n]"}\n`);
    await file.sync();
    await file.close();
    closed = true;
    await check(temporary);
    await rename(temporary, path);
    await syncFolder(dirname(path));
    return count;
  } catch (error) {
    if (!closed) await file.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  } finally {
    release();
  }
}

/** Makes the rename itself durable; not every platform can open a folder, hence best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {}
}
