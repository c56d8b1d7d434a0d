const LINK = /https?:\/\/[^\s<>"'’”)\]]+/gu;

/**
 * Escapes markdown in post text so `*`, `_`, `#`, backticks and `>` show as written, but leaves links untouched:
 * an escaped `_` inside a URL would break the link.
 */
export function escapePostText(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    out += escapeAll(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + escapeAll(text.slice(last));
}

// Every character that can start inline markdown, the backslash itself and masked-link brackets, anywhere.
const INLINE = /[\\*_`~|[\]]/gu;
// Markers that count at the start of a line (headings, quotes, subtext, lists), escaped at the start of any word:
// a long post is cut into pages at spaces, so any word can end up starting a page.
const BLOCK_MARKER = /(^|\s)(#{1,3}|>>>|>|-#|-|\d+\.)(?=\s|$)/gu;

/**
 * Escapes with one pass per rule rather than discord.js's escapeMarkdown, whose look-behinds (`https?:\/\/\S*`,
 * `<a?:.+`) rescan the line at every position: seconds for a long one-line post, blocking every interaction.
 * `@everyone`/`@here` get a zero-width space: a ping even allowed_mentions can't veto later.
 */
function escapeAll(text: string): string {
  return text
    .replace(INLINE, "\\$&")
    .replace(BLOCK_MARKER, (_, before: string, marker: string) =>
      /^\d/u.test(marker) ? `${before}${marker.replace(".", "\\.")}` : `${before}\\${marker}`,
    )
    .replace(/@(everyone|here)/gu, "@\u200b$1");
}

/** Cuts to `max` characters at a word boundary, adding an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf(" ", max - 1);
  if (cut < max / 2) cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
