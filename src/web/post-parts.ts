import { escapePostText } from "../discord/markdown.js";
import { POST_PAGE_CHARS } from "../discord/reply.js";
import { splitText } from "../discord/split-text.js";

/**
 * A post's text cut where Discord cuts it into pages (postPages in render-post.ts), as written: the archive marks
 * each part, so a reader sent from page 3 of a long thread in Discord finds where page 3 starts. (A joined thread
 * keeps no record of where each platform post ended: its members are paragraphs of one text.)
 *
 * Discord's pages are cut from the markdown-escaped text; escaping only inserts characters (a backslash, a
 * zero-width space), so walking both texts side by side maps each page's end back to the text. Together the parts
 * hold every character of the text, in order.
 */
export function postParts(text: string): string[] {
  const escaped = escapePostText(text);
  const pages = splitText(escaped, POST_PAGE_CHARS);
  if (pages.length <= 1) return [text];
  const parts: string[] = [];
  let e = 0;
  let r = 0;
  let start = 0;
  for (const page of pages.slice(0, -1)) {
    const end = escaped.indexOf(page, e) + page.length;
    for (; e < end; e++) if (escaped[e] === text[r]) r++;
    parts.push(text.slice(start, r));
    start = r;
  }
  parts.push(text.slice(start));
  return parts;
}
