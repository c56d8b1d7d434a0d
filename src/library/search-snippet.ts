import { locateWords } from "./search-words.js";

export interface SnippetPart {
  text: string;
  match: boolean;
}

const SNIPPET_CHARS = 200;
/** Context shown before the first match so the reader sees what leads into it. */
const LEAD_CHARS = 40;
/** Posts can be long threads; matches past this point are not worth the scan. */
const SCAN_CHARS = 20_000;
/** A URL (any scheme), a handle (`@name`, `@name@host`) or a Discord token (`<@123>`, `<:name:123>`). */
const UNTOUCHABLE =
  /[a-z][a-z0-9+.-]*:\/\/\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.-]+)?|<[@#:a][^<>\s]*>/giu;
const ELLIPSIS: SnippetPart = { text: "…", match: false };

interface Span {
  start: number;
  end: number;
  term: string;
}

/**
 * A ~200-character window of `text` around the densest cluster of matched terms, cut on whitespace,
 * with "…" parts where it was cut. `terms` are folded index terms (what the query actually matched).
 */
export function buildSnippet(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  const spans = findSpans(text, terms);
  const anchor = densestSpan(spans);
  const start = anchor ? snapStart(text, Math.max(0, anchor.start - LEAD_CHARS), anchor.start) : 0;
  const end = snapEnd(text, start + SNIPPET_CHARS, anchor ? anchor.end : start);

  const parts: SnippetPart[] = [];
  let cursor = start;
  for (const span of spans) {
    if (span.start < start || span.end > end) continue;
    if (span.start > cursor) parts.push({ text: text.slice(cursor, span.start), match: false });
    parts.push({ text: text.slice(span.start, span.end), match: true });
    cursor = span.end;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
  return tidy(parts, start > 0, end < text.length);
}

function findSpans(text: string, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  if (terms.size === 0) return spans;
  const scanned = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text;
  const untouchable = untouchableRanges(scanned);
  let cursor = 0;
  let range = 0;
  for (const { term, start, end } of locateWords(scanned)) {
    // A Chinese word and its characters overlap: the first to match is enough.
    if (start < cursor || !terms.has(term)) continue;
    while (range < untouchable.length && untouchable[range]![1] <= start) range++;
    const inside = untouchable[range];
    if (inside && inside[0] < end) continue;
    const previous = spans[spans.length - 1];
    // Two matches side by side (CJK words) make one bold run: `**a****b**` is not markdown.
    if (previous && previous.end === start) {
      previous.end = end;
      previous.term += ` ${term}`;
    } else spans.push({ start, end, term });
    cursor = end;
  }
  return spans;
}

/**
 * Links, handles and Discord's `<...>` tokens are shown as written: bold markers inside them break the link,
 * the mention or the emoji. Sorted, non-overlapping [start, end) ranges.
 */
function untouchableRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(UNTOUCHABLE)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** The match whose following window holds the most distinct matched terms (earliest on ties). */
function densestSpan(spans: readonly Span[]): Span | undefined {
  let best: Span | undefined;
  let bestCount = 0;
  for (let i = 0; i < spans.length; i++) {
    const first = spans[i]!;
    const seen = new Set<string>();
    for (let j = i; j < spans.length && spans[j]!.end - first.start <= SNIPPET_CHARS - LEAD_CHARS; j++) {
      seen.add(spans[j]!.term);
    }
    if (seen.size > bestCount) {
      best = first;
      bestCount = seen.size;
    }
  }
  return best;
}

/** Move `from` forward to the start of a word, but never past `limit`. */
function snapStart(text: string, from: number, limit: number): number {
  if (from === 0) return 0;
  const space = text.slice(from, limit).search(/\s/u);
  if (space >= 0) return from + space + 1;
  return Math.min(limit, safeCut(text, from));
}

/** Move `to` back to the end of a word, but never before `floor`. */
function snapEnd(text: string, to: number, floor: number): number {
  if (to >= text.length) return text.length;
  const before = text.slice(floor, to + 1);
  const lastSpace = before.search(/\s\S*$/u);
  if (lastSpace > 0) return floor + lastSpace;
  return Math.max(floor, safeCut(text, to));
}

/** A cut inside a word that never splits a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

function tidy(parts: SnippetPart[], cutBefore: boolean, cutAfter: boolean): SnippetPart[] {
  const cleaned = parts.map((p) => ({ text: p.text.replace(/\s+/gu, " "), match: p.match }));
  const first = cleaned[0];
  if (first && !first.match) first.text = first.text.trimStart();
  const last = cleaned[cleaned.length - 1];
  if (last && !last.match) last.text = last.text.trimEnd();
  const kept = cleaned.filter((p) => p.text.length > 0);
  return [...(cutBefore ? [ELLIPSIS] : []), ...kept, ...(cutAfter ? [ELLIPSIS] : [])].map((p) => ({ ...p }));
}
