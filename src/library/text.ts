/** Text helpers shared by the loader, the search index and the importers. */

/** Lower-case and strip diacritics so `École` and `ecole` compare equal. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

const LINK = /https?:\/\/[^\s<>"'’”\]]+/gu;
// A mention starts a word: `@sama` yes, `mail@example.org` or `café@example.org` no. Fediverse handles keep their `@host`.
const MENTION = /(?<![\p{L}\p{N}_@])@[A-Za-z0-9_]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu;

export function extractLinks(text: string): string[] {
  return [...new Set((text.match(LINK) ?? []).map(trimLink))];
}

/** Drops what ends the sentence, not the link: trailing punctuation and a `)` that closes a parenthesis
 * around the link, while `https://en.wikipedia.org/wiki/Fabrice_Bellard_(programmer)` stays whole. */
function trimLink(link: string): string {
  let end = link.length;
  let unclosed = link.split(")").length - link.split("(").length;
  for (;;) {
    const last = link[end - 1] ?? "";
    if (last !== "" && ".,;:!?…".includes(last)) end--;
    else if (last === ")" && unclosed > 0) {
      end--;
      unclosed--;
    } else break;
  }
  return link.slice(0, end);
}

export function extractMentions(text: string): string[] {
  const withoutLinks = text.replace(LINK, " ");
  return [...new Set(withoutLinks.match(MENTION) ?? [])];
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The start of what a user typed, at most `max` UTF-16 units, cut between graphemes: an echo never ends in half
 * an emoji (a lone surrogate Discord would show as �) or in a flag's first half.
 */
export function clip(input: string, max: number): string {
  if (input.length <= max) return input;
  let end = 0;
  for (const { index, segment } of graphemes.segment(input.slice(0, max + 64))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return input.slice(0, end);
}
