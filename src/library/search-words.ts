/**
 * How text is cut into searchable words, the same for posts, queries and highlighting: ASCII words as
 * they stand, words of other scripts folded (accents, case, Arabic letter variants), scripts written
 * without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) cut by `Intl.Segmenter`'s dictionaries,
 * and every emoji a word of its own.
 */

/** Longer "words" are noise (hashes, base64) and make fuzzy matching expensive. */
export const MAX_TERM_LENGTH = 40;

/** Word characters: letters, digits and the marks folding keeps. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Accents on Latin, Greek and Cyrillic letters; Hebrew and Arabic vowel signs; emoji variation selectors. */
const OPTIONAL_MARKS =
  /(?<=[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]\p{M}*)\p{M}|[\u0591-\u05c7]|[\u064b-\u065f]|\u0670|[\ufe00-\ufe0f]/gu;
const NON_ASCII = /\P{ASCII}/u;
/** Before folding a word may still carry combining marks (`e` + U+0301), so marks belong to words. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
/**
 * A Chinese dictionary word such as 我的 also stands for its characters: a one-character query (的) must
 * find it, and the dictionary may cut the query and the post differently.
 */
const HAN = /\p{sc=Han}/u;
/** Tatweel stretches a word without changing it; alef and ya forms vary with the writer, not the word. */
const ARABIC_VARIANTS = /[\u0640\u0622\u0623\u0625\u0671\u0649\u0629]/gu;
const HAS_ARABIC_VARIANT = /[\u0640\u0622\u0623\u0625\u0671\u0649\u0629]/u;
const ARABIC_PLAIN: Record<string, string> = {
  "\u0640": "",
  "\u0622": "\u0627",
  "\u0623": "\u0627",
  "\u0625": "\u0627",
  "\u0671": "\u0627",
  "\u0649": "\u064a",
  "\u0629": "\u0647",
};
const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
);

let segmenter: Intl.Segmenter | undefined;

export interface WordVisitor {
  /** A plain ASCII word, `text.slice(start, end)`, not lower-cased yet: the index can look it up in place. */
  ascii(text: string, start: number, end: number): void;
  /** Any other word, folded; it comes from `text.slice(start, end)`. */
  folded(word: string, start: number, end: number): void;
}

/**
 * Calls `visit` for each word of `text` of at most 40 characters. Indexing spends most of its time here, so
 * it scans char codes and folds or segments only the (rarer) non-ASCII runs.
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
      const char = String.fromCodePoint(cp);
      isWord = WORD_CHAR.test(char);
      if (!isWord && EMOJI.test(char)) {
        if (start >= 0) emitRun(text, start, i, ascii, visit);
        start = -1;
        visit.folded(char, i, i + width);
      }
    }
    if (isWord) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (c >= 128) ascii = false;
    } else if (start >= 0) {
      emitRun(text, start, i, ascii, visit);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) emitRun(text, start, text.length, ascii, visit);
}

function emitRun(text: string, start: number, end: number, ascii: boolean, visit: WordVisitor): void {
  if (ascii) {
    if (end - start <= MAX_TERM_LENGTH) visit.ascii(text, start, end);
    return;
  }
  const run = text.slice(start, end);
  if (!UNSPACED.test(run)) {
    emitFolded(run, start, end, visit);
    return;
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  for (const { segment, index, isWordLike } of segmenter.segment(run)) {
    if (!isWordLike) continue;
    const from = start + index;
    // The characters first, the word last: the last word of a query is the one completed as a prefix.
    if (segment.length > 1 && HAN.test(segment)) {
      let at = from;
      for (const char of segment) {
        if (HAN.test(char)) visit.folded(char, at, at + char.length);
        at += char.length;
      }
    }
    emitFolded(segment, from, from + segment.length, visit);
  }
}

function emitFolded(raw: string, start: number, end: number, visit: WordVisitor): void {
  for (const word of foldSearchText(raw).match(WORD) ?? []) {
    if (word.length <= MAX_TERM_LENGTH) visit.folded(word, start, end);
  }
}

/**
 * Case, compatibility forms (full-width Ｆｕｌｌ, ligatures) and accents of Latin, Greek and Cyrillic
 * letters, Arabic and Hebrew vowel signs and Arabic letter variants go; the marks that spell other
 * scripts' words (Thai vowels, Devanagari signs, Japanese voicing) stay. Emoji variation selectors go too,
 * and ß is written ss.
 */
export function foldSearchText(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(OPTIONAL_MARKS, "")
    .normalize("NFC")
    .toLowerCase()
    .replaceAll("ß", "ss");
  return HAS_ARABIC_VARIANT.test(folded) ? folded.replace(ARABIC_VARIANTS, (c) => ARABIC_PLAIN[c]!) : folded;
}

/** The folded words of a text, in order, as the index holds them. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  scanWords(text, {
    ascii: (t, start, end) => words.push(t.slice(start, end).toLowerCase()),
    folded: (word) => words.push(word),
  });
  return words;
}

/** Each word of `text` with where it stands, for highlighting. */
export function locateWords(text: string): { term: string; start: number; end: number }[] {
  const words: { term: string; start: number; end: number }[] = [];
  scanWords(text, {
    ascii: (t, start, end) => words.push({ term: t.slice(start, end).toLowerCase(), start, end }),
    folded: (term, start, end) => words.push({ term, start, end }),
  });
  return words;
}

/** The folding of one word, with the same ASCII shortcut as `tokenize`. */
export function foldWord(word: string): string {
  return NON_ASCII.test(word) ? foldSearchText(word) : word.toLowerCase();
}
