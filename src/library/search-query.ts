import { fold } from "./text.js";

/** Word characters after folding: letters and digits of any script. Marks are gone after `fold`. */
const WORD = /[\p{L}\p{N}]+/gu;
const TOPIC_TOKEN = /(?:^|\s)topic:(\S*)/giu;
/** Nobody types more than this into a search box; the cap bounds the work a pasted novel can cause. */
const MAX_QUERY_CHARS = 1_000;
const MAX_TERMS = 32;
/** Longer "words" are noise (hashes, base64) and make fuzzy matching expensive. */
const MAX_TERM_LENGTH = 40;

export interface ParsedQuery {
  terms: string[];
  /** The query ended inside a word, so the last term may be a prefix the user is still typing. */
  endsInWord: boolean;
  topic: string | undefined;
}

const NON_ASCII = /\P{ASCII}/u;
/** Before folding a word may still carry combining marks (`e` + U+0301), so marks belong to words. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
);

export interface WordVisitor {
  /** A plain ASCII word, `text.slice(start, end)`, not lower-cased yet: the index can look it up in place. */
  ascii(text: string, start: number, end: number): void;
  /** Any other word, already folded. */
  folded(word: string): void;
}

/**
 * Calls `visit` for each word of `fold(text).match(/[\p{L}\p{N}]+/gu)` of at most 40 characters. Indexing
 * spends most of its time here, so it scans char codes and folds only the (rare) non-ASCII words.
 */
export function scanWords(text: string, visit: WordVisitor): void {
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let isWord: boolean;
    let width = 1;
    if (c < 128) {
      isWord = ASCII_WORD_CHAR[c] === 1;
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      isWord = WORD_CHAR.test(String.fromCodePoint(cp));
    }
    if (isWord) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (c >= 128) ascii = false;
    } else if (start >= 0) {
      emitWord(text, start, i, ascii, visit);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) emitWord(text, start, text.length, ascii, visit);
}

function emitWord(text: string, start: number, end: number, ascii: boolean, visit: WordVisitor): void {
  if (ascii) {
    if (end - start <= MAX_TERM_LENGTH) visit.ascii(text, start, end);
    return;
  }
  for (const word of fold(text.slice(start, end)).match(WORD) ?? []) {
    if (word.length <= MAX_TERM_LENGTH) visit.folded(word);
  }
}

/** The folded words of a text: `fold(text).match(/[\p{L}\p{N}]+/gu)`, without words over 40 characters. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  scanWords(text, {
    ascii: (t, start, end) => words.push(t.slice(start, end).toLowerCase()),
    folded: (word) => words.push(word),
  });
  return words;
}

/** `fold` for one word, with the same ASCII shortcut as `tokenize`. */
export function foldWord(word: string): string {
  return NON_ASCII.test(word) ? fold(word) : word.toLowerCase();
}

export function parseQuery(query: string): ParsedQuery {
  const raw = typeof query === "string" ? query.slice(0, MAX_QUERY_CHARS) : "";
  let topic: string | undefined;
  const withoutTopics = raw.replace(TOPIC_TOKEN, (_whole, name: string) => {
    topic = fold(name);
    return " ";
  });
  const terms = tokenize(withoutTopics).slice(0, MAX_TERMS);
  const endsInWord = /[\p{L}\p{N}\p{M}]$/u.test(withoutTopics);
  return { terms, endsInWord, topic };
}
