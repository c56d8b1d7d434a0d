import { createHash } from "node:crypto";
import { TOPIC } from "../library/post.js";

/**
 * `#Machine_Learning` -> `machine-learning`, `#Café` -> `cafe`, `#技術書典` -> `技術書典`; undefined when
 * nothing usable is left (the schema's topic rule). Accents are dropped from Latin letters only: in other
 * scripts a combining mark is part of the letter (`ば` is not `は`).
 */
export function hashtagToTopic(tag: string): string | undefined {
  // An archive repeats its few hundred hashtags across every post: each is folded once.
  if (topicOf.has(tag)) return topicOf.get(tag);
  if (topicOf.size >= TOPIC_CACHE_SIZE) topicOf.clear();
  const topic = foldHashtag(tag);
  topicOf.set(tag, topic);
  return topic;
}

const TOPIC_CACHE_SIZE = 10_000;
const topicOf = new Map<string, string | undefined>();

function foldHashtag(tag: string): string | undefined {
  const folded = tag
    .replace(/^#/, "")
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase();
  const topic = [
    ...folded
      .replace(/[_\s]+/g, "-")
      .replace(/[^\p{L}\p{M}\p{N}-]/gu, "")
      .replace(/^[-\p{M}]+|-+$/gu, ""),
  ]
    .slice(0, 49)
    .join("")
    .replace(/-+$/, "");
  return TOPIC.test(topic) && topic === topic.normalize("NFC").toLowerCase() ? topic : undefined;
}

const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&])#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;

/** Topics from the `#hashtags` of a plain text (formats that carry no hashtag entities). */
export function hashtagsIn(text: string): string[] {
  const withoutLinks = text.replace(/https?:\/\/\S+/g, " ");
  return unique([...withoutLinks.matchAll(HASHTAG)].map((m) => hashtagToTopic(m[1]!)));
}

export function unique(values: Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) if (v !== undefined && v !== "") out.add(v);
  return [...out];
}

/** X escapes exactly these three in tweet text; decoding once keeps a literal `&amp;lt;` as `&lt;`. */
export function decodeXEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">" })[name]!);
}

/** A short, URL-safe, stable digest for ids of posts whose platform id is not short or safe. */
export function shortHash(value: string, length = 12): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, length);
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Applies edits given in positions of `units` (code points for X, bytes for Bluesky).
 * Overlapping or out-of-range edits are dropped rather than producing garbled text.
 */
export function applyEdits<T>(units: T[], edits: Edit[], join: (units: T[]) => string): string {
  const sorted = edits
    .filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0)
    .filter((e) => e.start <= e.end && e.end <= units.length)
    .sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += join(units.slice(at, edit.start)) + edit.replacement;
    at = edit.end;
  }
  return out + join(units.slice(at));
}

/** Trims each line's end and collapses 3+ newlines: what is left after removing media links. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A copy of `text` that shares no memory with it. Strings cut out of a big parsed chunk can keep the
 * whole chunk alive; ids kept for the whole import (duplicates, thread links) must not.
 */
export function detach(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
