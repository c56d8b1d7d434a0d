import { createInterface } from "node:readline";
import { pipeline, type Readable } from "node:stream";
import { createArraySplitter, type Position } from "../library/json-array-splitter.js";
import { describeStructure, describeSyntaxError } from "../library/load.js";
import { type InputFile, readAll } from "./input-file.js";
import { type ArrayStart, arrayAfterAssignment, arrayAtKey } from "./json-array-start.js";
import { ImportError } from "./types.js";
import { createUtf8Marker, markInvalidUtf8, markInvalidUtf8InBuffer } from "./utf8.js";

const chain = pipeline as (...streams: unknown[]) => Readable;

/** Thrown through the splitter to stop at the first syntax error. */
const STOP = Symbol("stop");

/**
 * The elements of a JSON array, one at a time, in bounded memory: the top-level array, the array under
 * the top-level key `key`, or (`jsAssignment`) the array assigned in a `.js` file. The file is never evaluated.
 * Each element's text is cut out by the splitter the collection loader uses and parsed by the native
 * JSON.parse (several times faster than a token-by-token streaming parser). Invalid UTF-8 bytes are marked
 * first (see utf8.ts), so the record holding one is reported and the rest kept; a syntax error stops the
 * file, naming the record and its line.
 */
export async function* jsonArrayItems(
  file: InputFile,
  options: { key?: string; jsAssignment?: boolean } = {},
): AsyncIterable<unknown> {
  const start: ArrayStart | undefined =
    options.key !== undefined
      ? arrayAtKey(options.key)
      : options.jsAssignment
        ? arrayAfterAssignment()
        : undefined;
  const inFile = (at: Position): Position =>
    start === undefined
      ? at
      : {
          line: at.line + start.skipped.lines,
          column: at.line === 1 ? at.column + start.skipped.column : at.column,
        };
  let parsed: unknown[] = [];
  let failure: string | undefined;
  const splitter = createArraySplitter(
    ({ text, number, at }) => {
      try {
        parsed.push(JSON.parse(text));
      } catch (error) {
        failure = `record #${number}: ${describeSyntaxError(text, error, inFile(at))}`;
        throw STOP;
      }
    },
    { stopAtEnd: options.key !== undefined },
  );
  let begun = start === undefined;
  const feed = (bytes: Buffer) => {
    if (!begun) {
      const rest = start!.push(bytes);
      if (rest === undefined) return;
      begun = true;
      bytes = rest;
    }
    try {
      const problem = splitter.push(bytes);
      if (problem) failure = describeStructure({ ...problem, at: inFile(problem.at) });
    } catch (error) {
      if (error !== STOP) throw error;
    }
  };
  const fail = (why: string) =>
    new ImportError(
      `${file.name}: not valid JSON (${why.replace(/^not valid JSON /, "").replace(/: not valid JSON /, ": ")})`,
    );

  const utf8 = createUtf8Marker();
  const stream = await file.open();
  try {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        feed(utf8.push(chunk));
        if (parsed.length > 0) {
          const ready = parsed;
          parsed = [];
          yield* ready;
        }
        if (failure !== undefined) throw fail(failure);
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        `${file.name}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    feed(utf8.end());
    if (failure === undefined && !begun) {
      const missing = start!.missing();
      if (missing !== undefined) throw fail(missing);
      return;
    }
    if (failure === undefined) {
      const ended = splitter.end();
      if (!("count" in ended)) failure = describeStructure({ ...ended, at: inFile(ended.at) });
    }
    yield* parsed;
    if (failure !== undefined) throw fail(failure);
  } finally {
    stream.destroy();
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
