/**
 * Splits text into pages of at most `max` characters (UTF-16 units, as Discord counts) without cutting a word when it
 * can help it: at a paragraph break first, then at a sentence end, then at a space, and only for a single run longer
 * than a page at a grapheme boundary — never inside an emoji, a surrogate pair or a markdown escape (`\*`).
 */
export function splitText(text: string, max: number): string[] {
  const pages: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = findCut(rest, max);
    const page = rest.slice(0, cut).trimEnd();
    if (page.length > 0) pages.push(page);
    rest = rest.slice(cut).replace(/^\s+/u, "");
  }
  if (rest.length > 0 || pages.length === 0) pages.push(rest);
  return pages;
}

/** Where to end the first page: the latest good boundary within `max`, preferring bigger units. */
function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // A boundary in the first third would make a lopsided page; only accept it when nothing better exists.
  const floor = Math.floor(max / 3);
  for (const boundary of [/\n\s*\n/gu, /[.!?…]["”’)]*\s/gu, /\n/gu, /\s/gu]) {
    let best = -1;
    for (const m of window.matchAll(boundary)) {
      const end = m.index + m[0].length;
      if (end <= max && end > floor) best = end;
    }
    if (best > 0) return best;
  }
  return graphemeCut(text, max);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function graphemeCut(text: string, max: number): number {
  let cut = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 64))) {
    const end = index + segment.length;
    if (end > max) break;
    cut = end;
  }
  // Never end a page between a backslash and the character it escapes (after an odd run of backslashes): the
  // next page would start with a bare `*`. An even run is whole `\\` pairs and may end a page.
  let run = 0;
  while (run < cut && text[cut - 1 - run] === "\\") run += 1;
  if (run % 2 === 1 && text[cut] !== undefined) cut -= 1;
  if (cut > 0) return cut;
  // One grapheme longer than a page (a letter with thousands of combining marks): cut it, but not a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff && max > 1 ? max - 1 : max;
}
