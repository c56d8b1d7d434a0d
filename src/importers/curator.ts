import type { Post } from "../library/post.js";
import { extractLinks, extractMentions } from "../library/text.js";
import { hashtagsIn, shortHash } from "./text-utils.js";
import { type Item, skip } from "./types.js";

const isRec = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A record in Curator's own schema; what can be derived from the text (links, mentions, topics from
 * hashtags, an id from a hash of the text) may be missing. The pipeline validates the result.
 */
export function curatorRecordToItem(record: unknown, author?: string): Item {
  if (!isRec(record)) return skip("bad record");
  if (typeof record.text !== "string") return skip("bad record");
  const text = record.text.trim();
  if (text === "") return skip("empty");
  const { parts: given, ...fields } = record;
  const parts = Array.isArray(given) ? trimmedParts(given, record.text, text) : given;
  return {
    piece: {
      post: {
        ...fields,
        id: typeof record.id === "string" ? record.id : `post-${shortHash(text)}`,
        text,
        topics: Array.isArray(record.topics) ? record.topics : hashtagsIn(text),
        links: Array.isArray(record.links) ? record.links : extractLinks(text),
        mentions: Array.isArray(record.mentions) ? record.mentions : extractMentions(text),
        ...(record.author === undefined && author !== undefined && { author }),
        ...(parts !== undefined && { parts }),
      } as Post,
    },
  };
}

/**
 * A thread's part offsets moved with its trimmed text: a part that began in the cut white space now begins the
 * text. Anything but a list of numbers is left for the schema to name; one part left means none.
 */
function trimmedParts(parts: unknown[], original: string, trimmed: string): unknown {
  if (!parts.every((p) => typeof p === "number")) return parts;
  const lead = original.length - original.trimStart().length;
  if (lead === 0 && trimmed.length === original.length) return parts;
  const moved = [...new Set(parts.map((p) => Math.max(0, p - lead)))].filter((p) => p < trimmed.length);
  return moved.length > 1 ? moved : undefined;
}

/** One post of a plain-text file (the lines between two separators, joined with newlines). */
export function plainTextToItem(text: string, author?: string): Item {
  const trimmed = text.trim();
  if (trimmed === "") return skip("empty");
  return {
    piece: {
      post: {
        id: `txt-${shortHash(trimmed)}`,
        text: trimmed,
        topics: hashtagsIn(trimmed),
        links: extractLinks(trimmed),
        mentions: extractMentions(trimmed),
        ...(author !== undefined && { author }),
      },
    },
  };
}

/** Groups lines into posts: a blank line or a line `---` ends a post. */
export async function* splitPlainText(lines: AsyncIterable<string>): AsyncIterable<string> {
  let current: string[] = [];
  for await (const line of lines) {
    if (line.trim() === "" || line.trim() === "---") {
      if (current.length > 0) yield current.join("\n");
      current = [];
    } else current.push(line.replace(/\s+$/, ""));
  }
  if (current.length > 0) yield current.join("\n");
}
