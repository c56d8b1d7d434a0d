import { escapeMarkdown } from "discord.js";

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

function escapeAll(text: string): string {
  // escapeMarkdown leaves masked-link brackets and list/heading markers mid-text alone; escape those we care about too.
  return escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  }).replace(/^>/gmu, "\\>");
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
