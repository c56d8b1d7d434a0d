import { Parser } from "htmlparser2";

const BLOCKS = new Set(["p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Mastodon status HTML -> plain text: paragraphs become a blank line, `<br>` a newline, a link its href
 * (the visible text of a long link is cut with an ellipsis), a mention or hashtag its text
 * (`mentionNames` maps a mention's href to the full `@user@host`). Entities are decoded by the parser.
 */
export function htmlToText(html: string, mentionNames: ReadonlyMap<string, string> = new Map()): string {
  let out = "";
  let pendingBreak = 0;
  let preDepth = 0;
  let anchor: { href: string; className: string; text: string } | undefined;

  const emit = (text: string) => {
    if (text === "") return;
    if (anchor) {
      anchor.text += text;
      return;
    }
    if (pendingBreak > 0 && out !== "") out += "\n".repeat(pendingBreak);
    pendingBreak = 0;
    out += text;
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
        } else if (BLOCKS.has(name)) {
          pendingBreak = 2;
          if (name === "pre") preDepth++;
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
          pendingBreak = 2;
          if (name === "pre") preDepth = Math.max(0, preDepth - 1);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
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
