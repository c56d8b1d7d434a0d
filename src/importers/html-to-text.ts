import { Parser } from "htmlparser2";

const BLOCKS = new Set(["p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Mastodon status HTML -> plain text: paragraphs become a blank line, `<br>` a newline, a link its href
 * (the visible text of a long link is cut with an ellipsis), a mention or hashtag its text
 * (`mentionNames` maps a mention's href to the full `@user@host`), a list item a `- ` or `1. ` line, and
 * a code block keeps its indentation. Entities are decoded by the parser.
 */
export function htmlToText(html: string, mentionNames: ReadonlyMap<string, string> = new Map()): string {
  let out = "";
  let pendingBreak = 0;
  let preDepth = 0;
  // One entry per open list: its next number, or undefined for a bulleted list.
  const lists: (number | undefined)[] = [];
  let bullet = "";
  let anchor: { href: string; className: string; text: string } | undefined;

  const emit = (text: string) => {
    if (text === "") return;
    if (anchor) {
      anchor.text += text;
      return;
    }
    if (pendingBreak > 0 && out !== "") out += "\n".repeat(pendingBreak);
    pendingBreak = 0;
    // Outside a code block, spaces at the start of a line come from the HTML's layout, not the author.
    const atLineStart = out === "" || out.endsWith("\n");
    const piece = preDepth === 0 && atLineStart ? text.replace(/^ +/, "") : text;
    if (piece === "") return;
    out += (atLineStart ? bullet : "") + piece;
    bullet = "";
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "br") {
          if (anchor) anchor.text += "\n";
          else out += "\n";
        } else if (name === "a") {
          anchor = { href: attributes.href ?? "", className: attributes.class ?? "", text: "" };
        } else if (name === "li") {
          pendingBreak = Math.max(pendingBreak, 1);
          const number = lists.at(-1);
          const indent = "  ".repeat(Math.max(0, lists.length - 1));
          bullet = number === undefined ? `${indent}- ` : `${indent}${number}. `;
          if (number !== undefined) lists[lists.length - 1] = number + 1;
        } else if (BLOCKS.has(name)) {
          // A list inside a list item continues on the next line, not after a blank one.
          pendingBreak = (name === "ul" || name === "ol") && lists.length > 0 ? 1 : 2;
          if (name === "pre") preDepth++;
          if (name === "ul") lists.push(undefined);
          if (name === "ol") lists.push(Number(attributes.start ?? 1) || 1);
        }
      },
      ontext(text) {
        emit(preDepth > 0 ? text : text.replace(/[ \t\r\n]+/g, " "));
      },
      onclosetag(name) {
        if (name === "a" && anchor) {
          const { href, className, text } = anchor;
          anchor = undefined;
          emit(anchorText(href, className, text, mentionNames));
        } else if (BLOCKS.has(name)) {
          if (name === "ul" || name === "ol") lists.pop();
          pendingBreak = (name === "ul" || name === "ol") && lists.length > 0 ? 1 : 2;
          if (name === "pre") preDepth = Math.max(0, preDepth - 1);
        } else if (name === "li") pendingBreak = Math.max(pendingBreak, 1);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\s+$/g, "");
}

function anchorText(
  href: string,
  className: string,
  text: string,
  mentionNames: ReadonlyMap<string, string>,
) {
  const classes = className.split(/\s+/);
  if (classes.includes("mention") || text.startsWith("@")) {
    if (classes.includes("hashtag") || text.startsWith("#")) return text;
    return mentionNames.get(href) ?? mentionNames.get(text) ?? text;
  }
  if (classes.includes("hashtag") || text.startsWith("#")) return text;
  return /^https?:\/\//.test(href) ? href : text;
}
