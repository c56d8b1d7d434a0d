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

const ASCII_WORD = /[a-z0-9]+/g;
const NON_ASCII = /\P{ASCII}/u;

export function tokenize(text: string): string[] {
  // Most posts are plain ASCII: lower-casing is all the folding they need, and it is much cheaper.
  const words = (NON_ASCII.test(text) ? fold(text).match(WORD) : text.toLowerCase().match(ASCII_WORD)) ?? [];
  return words.filter((w) => w.length <= MAX_TERM_LENGTH);
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
