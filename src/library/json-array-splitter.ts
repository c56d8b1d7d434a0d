/**
 * Splits the bytes of a top-level JSON array into its elements' text, chunk by chunk, so a collection of any
 * size loads without ever holding the file as one string (V8 refuses strings over ~512 MB). Only the
 * structure between elements is scanned here; each element is then parsed by the native JSON.parse.
 * stream-json's token-by-token parser alone measured 4-7 MB/s of CPU, a third of this whole load with validation.
 */

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const BOM = [0xef, 0xbb, 0xbf];

/** Where an element starts in the file (1-based line and column, counted in bytes on that line). */
export interface Position {
  line: number;
  column: number;
}

/** One element of the array: its text (valid UTF-8 already checked), its 1-based number and position. */
export interface ArrayElement {
  text: string;
  number: number;
  at: Position;
}

/** Something between the elements that is not JSON: found while scanning, so reading can stop at once. */
export interface StructureProblem {
  at: Position;
  /** What is wrong, in the words of the rest of the loader's syntax errors. */
  message: string;
  /** The top level is a single value, not an array: `got` names what it is instead. */
  got?: string;
}

export interface ArraySplitter {
  /** Feeds the next chunk of the file; calls `onElement` for each element completed in it. */
  push(chunk: Uint8Array): StructureProblem | undefined;
  /** The file has ended: a problem if the array was not closed; `count` is the number of elements. */
  end(): StructureProblem | { count: number };
}

type State = "before" | "first" | "value" | "element" | "after" | "done";

export interface SplitterOptions {
  /** The array is a value inside a larger document: what follows its `]` is not looked at. */
  stopAtEnd?: boolean;
}

/** Lines and columns are counted in bytes; a line of ASCII (the usual JSON layout) makes them characters. */
export function createArraySplitter(
  onElement: (element: ArrayElement) => void,
  { stopAtEnd = false }: SplitterOptions = {},
): ArraySplitter {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let state: State = "before";
  let line = 1;
  let lineStart = 0; // file offset of the current line's first byte
  let offset = 0; // file offset of the chunk being scanned
  let bom = true;
  // The element being read: its pieces from earlier chunks, nesting depth and string state.
  let pieces: Uint8Array[] = [];
  let startAt: Position = { line: 1, column: 1 };
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;
  let count = 0;

  const position = (fileOffset: number): Position => ({ line, column: fileOffset - lineStart + 1 });
  const problem = (fileOffset: number, message: string, got?: string): StructureProblem => ({
    at: position(fileOffset),
    message,
    ...(got ? { got } : {}),
  });

  const finish = (chunk: Uint8Array, from: number, to: number) => {
    const tail = chunk.subarray(from, to);
    const bytes = pieces.length === 0 ? tail : concat([...pieces, tail]);
    pieces = [];
    count++;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new NotUtf8Error(count);
    }
    onElement({ text, number: count, at: startAt });
  };

  return {
    push(chunk) {
      let i = 0;
      // Editors on Windows like to start a UTF-8 file with a byte order mark; it may arrive split in chunks.
      while (offset + i < BOM.length && i < chunk.length && chunk[i] === BOM[offset + i] && bom) {
        i++;
        lineStart = offset + i;
      }
      if (offset + i < BOM.length && i < chunk.length) bom = false;
      let elementStart = state === "element" ? 0 : -1;
      let backslashAt = -1;
      for (; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (state === "element") {
          if (inString) {
            if (escaped) {
              escaped = false;
              continue;
            }
            // Most of a post is text: jump to the string's end with the native indexOf, not byte by byte.
            if (backslashAt < i) backslashAt = nextIndex(chunk, BACKSLASH, i);
            const quoteAt = nextIndex(chunk, QUOTE, i);
            if (backslashAt < quoteAt) {
              escaped = true;
              i = backslashAt;
              continue;
            }
            i = quoteAt;
            if (quoteAt === chunk.length) continue;
            inString = false;
            if (depth === 0) {
              finish(chunk, elementStart, i + 1);
              state = "after";
            }
            continue;
          }
          if (scalar) {
            if (b === COMMA || b === CLOSE_BRACKET || b === SPACE || b === LF || b === CR || b === TAB) {
              finish(chunk, elementStart, i);
              state = "after";
              i--; // the ending byte belongs to the structure
            }
            continue;
          }
          if (b === QUOTE) inString = true;
          else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
          else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
            if (--depth === 0) {
              finish(chunk, elementStart, i + 1);
              state = "after";
            }
          } else if (b === LF) {
            line++;
            lineStart = offset + i + 1;
          }
          continue;
        }
        if (b === SPACE || b === TAB || b === CR) continue;
        if (b === LF) {
          line++;
          lineStart = offset + i + 1;
          continue;
        }
        switch (state) {
          case "before":
            if (b !== OPEN_BRACKET) return problem(offset + i, "must be a JSON array of posts", describe(b));
            state = "first";
            break;
          case "first":
          case "value":
            if (b === CLOSE_BRACKET) {
              if (state === "value") return problem(offset + i, "expected a value");
              state = "done";
              break;
            }
            if (b === COMMA) return problem(offset + i, "expected a value");
            state = "element";
            elementStart = i;
            startAt = position(offset + i);
            depth = b === OPEN_BRACE || b === OPEN_BRACKET ? 1 : 0;
            inString = b === QUOTE;
            escaped = false;
            scalar = !inString && depth === 0;
            break;
          case "after":
            if (b === COMMA) state = "value";
            else if (b === CLOSE_BRACKET) state = "done";
            else return problem(offset + i, "expected ','");
            break;
          case "done":
            if (stopAtEnd) {
              offset += chunk.length;
              return undefined;
            }
            return problem(offset + i, "unexpected text after the end of the array");
        }
      }
      if (state === "element") pieces.push(chunk.slice(elementStart));
      offset += chunk.length;
      return undefined;
    },
    end() {
      if (state === "element" && scalar) {
        finish(concat(pieces), 0, 0);
        state = "after";
      }
      if (state === "done") return { count };
      if (state === "before") return problem(offset, "expected a value");
      if (state === "element")
        return { at: startAt, message: "the last post is cut off (the file ends inside it)" };
      return problem(offset, "expected ']' (the file ends before the array is closed)");
    },
  };
}

/** An element's bytes are not UTF-8: the loader names the post. */
export class NotUtf8Error extends Error {
  constructor(readonly number: number) {
    super(`post #${number} is not UTF-8 text`);
  }
}

/** Where `byte` next occurs from `from` on; the chunk's length when it does not. */
function nextIndex(chunk: Uint8Array, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at === -1 ? chunk.length : at;
}

function describe(b: number): string {
  if (b === OPEN_BRACE) return "an object";
  if (b === QUOTE) return "a string";
  if (b === 0x6e) return "null";
  if (b === 0x74 || b === 0x66) return "a boolean";
  if (b === 0x2d || (b >= 0x30 && b <= 0x39)) return "a number";
  return "something else";
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
