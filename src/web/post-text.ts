import { LinkifyIt } from "linkify-it";

/** A piece of a line: plain text, a link, or an @mention. The template escapes every `text` and `href`. */
export type Piece = { text: string; href?: string; mention?: true };
/** A paragraph is lines of pieces (a single line break in a post is kept as a line break). */
export type Paragraph = Piece[][];

// Only explicit http(s) links: "foo.com" in prose stays prose, and no javascript:, mailto: or // link is made.
const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false })
  .add("ftp:", null)
  .add("mailto:", null)
  .add("//", null);
const MENTION = /(?<![\w@])@[\w.-]*\w/g;

/** A post's text as paragraphs of lines of pieces, for the post page. */
export function postParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "")
    .map((block) => block.split("\n").map(lineToPieces));
}

function lineToPieces(line: string): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const match of linkify.match(line) ?? []) {
    if (match.schema !== "http:" && match.schema !== "https:") continue;
    pushMentions(pieces, line.slice(cursor, match.index));
    pieces.push({ text: match.text, href: match.url });
    cursor = match.lastIndex;
  }
  pushMentions(pieces, line.slice(cursor));
  return pieces;
}

function pushMentions(pieces: Piece[], text: string): void {
  let cursor = 0;
  for (const match of text.matchAll(MENTION)) {
    if (match.index > cursor) pieces.push({ text: text.slice(cursor, match.index) });
    pieces.push({ text: match[0], mention: true });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor) });
}
