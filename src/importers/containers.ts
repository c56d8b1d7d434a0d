import { createReadStream } from "node:fs";
import { PassThrough, pipeline, type Readable } from "node:stream";
import { promisify } from "node:util";
import { createGunzip } from "node:zlib";
import { extract } from "tar-stream";
import yauzl from "yauzl";
import { HEAD_KEPT, type InputFile } from "./input-file.js";
import { ImportError } from "./types.js";

/** Entries that are photos and videos: never posts, and not worth decompressing to look at. */
export const MEDIA_ENTRY = /\.(jpe?g|png|gif|webp|heic|avif|mp4|mov|m4v|webm|mp3|m4a|ogg|wav)$/i;

export interface Container {
  files: InputFile[];
  close(): Promise<void>;
}

/**
 * The files of a .zip (an X archive as downloaded), read in place: yauzl reads the central directory and
 * inflates one entry at a time, so an entry can be opened again for the second pass.
 */
export async function openZip(path: string): Promise<Container> {
  let zip: yauzl.ZipFile;
  try {
    zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: true,
    });
  } catch (error) {
    throw new ImportError(
      `${path}: not an archive Curator can import: it starts like a .zip but cannot be read as one ` +
        `(${error instanceof Error ? error.message : error}); download the export again`,
    );
  }
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith("/")) entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", (error: Error) => reject(new ImportError(`${path}: damaged .zip (${error.message})`)));
    zip.readEntry();
  });
  const openEntry = promisify<yauzl.Entry, Readable>(zip.openReadStream.bind(zip));
  return {
    files: entries.map((entry) => ({
      name: `${path}:${entry.fileName}`,
      open: async () => {
        try {
          return await openEntry(entry);
        } catch (error) {
          throw new ImportError(`${path}:${entry.fileName}: cannot be read (${(error as Error).message})`);
        }
      },
    })),
    close: async () => zip.close(),
  };
}

/**
 * The files of a .tar.gz (a Mastodon export as downloaded). A tar can only be read front to back: the
 * listing reads it once, and opening an entry reads again up to that entry (then stops).
 */
export async function openTarGz(path: string): Promise<Container> {
  const heads = new Map<string, Buffer>();
  await readTar(path, async (name, entry) => {
    if (MEDIA_ENTRY.test(name)) {
      entry.resume();
      return false;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of entry as AsyncIterable<Buffer>)
      if (size < HEAD_KEPT) {
        chunks.push(chunk);
        size += chunk.length;
      }
    heads.set(name, Buffer.concat(chunks).subarray(0, HEAD_KEPT));
    return false;
  });
  return {
    files: [...heads].map(([name, head]) => ({
      name: `${path}:${name}`,
      head,
      open: async () => {
        const out = new PassThrough();
        readTar(path, async (entryName, entry) => {
          if (entryName !== name) {
            entry.resume();
            return false;
          }
          await promisify(pipeline)(entry, out);
          return true;
        }).catch((error: unknown) => out.destroy(error as Error));
        return out;
      },
    })),
    close: async () => {},
  };
}

/** Calls `visit` for each file entry in order; stops when it returns true. */
async function readTar(
  path: string,
  visit: (name: string, entry: Readable) => Promise<boolean>,
): Promise<void> {
  const source = createReadStream(path);
  const tar = extract();
  let stopped = false;
  let failure: unknown;
  const done = new Promise<void>((resolve) =>
    pipeline(source, createGunzip(), tar, (error) => {
      // Stopping early destroys the streams on purpose: that is not a damaged archive.
      if (error && !stopped) failure ??= error;
      resolve();
    }),
  );
  try {
    for await (const entry of tar) {
      const name = entry.header.name.replace(/^\.\//, "");
      if (entry.header.type !== "file") {
        entry.resume();
        continue;
      }
      if (await visit(name, entry as unknown as Readable)) {
        stopped = true;
        source.destroy();
        tar.destroy();
        break;
      }
    }
  } catch (error) {
    if (!stopped) failure ??= error;
  }
  await done;
  if (failure !== undefined)
    throw new ImportError(
      `${path}: damaged .tar.gz (${failure instanceof Error ? failure.message : failure}); download the export ` +
        "again, or if it is a single gzipped file (not a tar), gunzip it and import that file",
    );
}
