import { escapePostText } from "../discord/markdown.js";
import { POST_PAGE_CHARS } from "../discord/reply.js";
import { splitText } from "../discord/split-text.js";
import type { Post } from "../library/post.js";

/**
 * What the archive marks as a post's parts: the original posts of a joined thread where the post records them
 * (`parts`), otherwise the pages Discord shows it in, so that a reader sent from page 3 finds where page 3 starts.
 * Together the parts hold every character of the text, in order.
 */
export function postParts(post: Post): { parts: string[]; kind: "thread" | "pages" } {
  if (post.parts !== undefined) return { parts: threadParts(post.text, post.parts), kind: "thread" };
  return { parts: pageParts(post.text), kind: "pages" };
}

/** The text of each original post: `parts` are where each starts (validated by the schema). */
export function threadParts(text: string, parts: readonly number[]): string[] {
  return parts.map((start, i) => text.slice(start, parts[i + 1]));
}

/**
 * A post's text cut where Discord cuts it into pages (postPages in render-post.ts), as written. Discord's pages are
 * cut from the markdown-escaped text; escaping only inserts characters (a backslash, a zero-width space), so walking
 * both texts side by side maps each page's end back to the text.
 */
export function pageParts(text: string): string[] {
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

/**
 * The part (1-based) the archive shows Discord's page `page` (0-based) in: the original post that page's first
 * word belongs to, or the page itself for a post without recorded parts.
 */
export function partOfPage(post: Post, page: number): number {
  if (post.parts === undefined) return page + 1;
  const pages = pageParts(post.text);
  const shown = Math.min(Math.max(page, 0), pages.length - 1);
  // Where that page starts in the text: after the pages before it and the white space Discord trims off it.
  let start = 0;
  for (const before of pages.slice(0, shown)) start += before.length;
  const opening = pages[shown]!;
  start += opening.length - opening.trimStart().length;
  let part = 0;
  while (part + 1 < post.parts.length && post.parts[part + 1]! <= start) part++;
  return part + 1;
}
