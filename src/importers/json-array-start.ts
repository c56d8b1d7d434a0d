/**
 * Finds where the array an importer reads begins, so that only the array goes to the fast element splitter
 * (src/library/json-array-splitter.ts): after X's `window.YTD.tweets.part0 = ` wrapper, or under a top-level
 * key (Mastodon's `orderedItems`, a Bluesky feed page's `feed`). The bytes before it are scanned once.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const LF = 0x0a;

export interface ArrayStart {
  /** Bytes from the array's `[` on (the rest of this chunk), or undefined while it is not found yet. */
  push(chunk: Buffer): Buffer | undefined;
  /** Why there is no array, once the input has ended without one; undefined when it simply is not there. */
  missing(): string | undefined;
  /** Lines before the array and bytes before it on its line: error positions are counted from the file's start. */
  readonly skipped: { lines: number; column: number };
}

/** The array assigned in a `.js` file: everything before the first `[` is the wrapper. */
export function arrayAfterAssignment(): ArrayStart {
  const skipped = { lines: 0, column: 0 };
  let found = false;
  return {
    skipped,
    push(chunk) {
      const at = chunk.indexOf(OPEN_BRACKET);
      count(skipped, chunk, at === -1 ? chunk.length : at);
      if (at === -1) return undefined;
      found = true;
      return chunk.subarray(at);
    },
    // A file with no `[` at all is damaged, not empty: say so rather than import nothing from it.
    missing: () => (found ? undefined : "no JSON array after the `window.YTD... =` wrapper"),
  };
}

/**
 * The array under the top-level key `key` of a JSON object. Keys and values before it are skipped by
 * following strings and nesting only; a document without the key has no items (as an empty collection).
 */
export function arrayAtKey(key: string): ArrayStart {
  const wanted = Buffer.from(JSON.stringify(key).slice(1, -1));
  const skipped = { lines: 0, column: 0 };
  let depth = 0;
  let inString = false;
  let escaped = false;
  // The string being read at depth 1 (a key, or a value), while it can still be `key`.
  let candidate: number[] | undefined;
  let afterKey = false; // a string at depth 1 just closed: a `:` makes it a key
  let atValue = false; // after `"key":`
  let problem: string | undefined;
  let found = false;
  return {
    skipped,
    push(chunk) {
      if (found || problem !== undefined) return undefined;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) {
            inString = false;
            if (candidate !== undefined) {
              afterKey = candidate.length === wanted.length && wanted.equals(Buffer.from(candidate));
              candidate = undefined;
            }
            continue;
          }
          if (candidate !== undefined) {
            if (candidate.length < wanted.length) candidate.push(b);
            else candidate = undefined;
          }
          continue;
        }
        if (b === 0x20 || b === 0x09 || b === 0x0d || b === LF) continue;
        if (atValue) {
          count(skipped, chunk, i);
          if (b !== OPEN_BRACKET) {
            problem = `"${key}" is not an array`;
            return undefined;
          }
          found = true;
          return chunk.subarray(i);
        }
        if (afterKey) {
          afterKey = false;
          if (b === COLON) {
            atValue = true;
            continue;
          }
        }
        if (b === QUOTE) {
          inString = true;
          if (depth === 1) candidate = [];
        } else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
        else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
      }
      count(skipped, chunk, chunk.length);
      return undefined;
    },
    missing: () => problem,
  };
}

function count(skipped: { lines: number; column: number }, chunk: Buffer, end: number): void {
  let lineStart = -1;
  for (let at = chunk.indexOf(LF); at !== -1 && at < end; at = chunk.indexOf(LF, at + 1)) {
    skipped.lines++;
    lineStart = at + 1;
  }
  skipped.column = lineStart === -1 ? skipped.column + end : end - lineStart;
}
