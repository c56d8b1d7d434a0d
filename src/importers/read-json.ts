import { createInterface } from "node:readline";
import { pipeline, type Readable, Transform } from "node:stream";
import { parser } from "stream-json";
import { pick } from "stream-json/filters/pick.js";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { type InputFile, readAll } from "./input-file.js";
import { ImportError } from "./types.js";
import { markInvalidUtf8, markInvalidUtf8InBuffer } from "./utf8.js";

/**
 * Drops everything before the first `[`: X wraps its arrays in `window.YTD.tweets.part0 = [...]`. A file with no
 * `[` at all is damaged, not empty: say so rather than import nothing from it.
 */
function skipToArray(): Transform {
  let found = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (found) return done(null, chunk);
      const at = chunk.indexOf(0x5b);
      if (at === -1) return done();
      found = true;
      done(null, chunk.subarray(at));
    },
    flush(done) {
      done(found ? null : new Error("no JSON array after the `window.YTD... =` wrapper"));
    },
  });
}

const chain = pipeline as (...streams: unknown[]) => Readable;

/**
 * The elements of a JSON array, one at a time, in bounded memory: the top-level array, the array under
 * the top-level key `key`, or (`jsAssignment`) the array assigned in a `.js` file. The file is never evaluated.
 */
export async function* jsonArrayItems(
  file: InputFile,
  options: { key?: string; jsAssignment?: boolean } = {},
): AsyncIterable<unknown> {
  const stages = [
    await file.open(),
    markInvalidUtf8(),
    ...(options.jsAssignment ? [skipToArray()] : []),
    parser.asStream(),
    ...(options.key !== undefined ? [pick.asStream({ filter: options.key })] : []),
    streamArray.asStream(),
  ];
  const output = chain(...stages, () => {});
  try {
    for await (const { value } of output as AsyncIterable<{ value: unknown }>) yield value;
  } catch (error) {
    throw new ImportError(
      `${file.name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    output.destroy();
  }
}

/** A small JSON file (actor.json, one Bluesky record) or the array of a small `.js` file (account.js). */
export async function readSmallJson(file: InputFile, jsAssignment = false): Promise<unknown> {
  const text = markInvalidUtf8InBuffer(await readAll(file)).toString("utf8");
  const json = jsAssignment ? text.slice(Math.max(0, text.indexOf("["))) : text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new ImportError(
      `${file.name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

export async function* lines(file: InputFile): AsyncIterable<string> {
  const input = chain(await file.open(), markInvalidUtf8(), () => {}).setEncoding("utf8");
  yield* createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}
