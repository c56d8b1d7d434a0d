import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import jsonc from "jsonc-parser";
import type { z } from "zod";
import { COMPACT_FROM, type Collection, createCollection } from "./collection.js";
import { type CompactPosts, CompactPostsBuilder } from "./compact-posts.js";
import {
  type ArrayElement,
  createArraySplitter,
  NotUtf8Error,
  type Position,
  type StructureProblem,
} from "./json-array-splitter.js";
import { type Post, PostSchema } from "./post.js";

/** The collection cannot be used: `problems` lists every problem found, one sentence each. */
export class CollectionError extends Error {
  override readonly name = "CollectionError";
  constructor(readonly problems: string[]) {
    super(
      [
        `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in the collection:`,
        ...problems,
      ].join("\n"),
    );
  }
}

/** `compact` is set for a collection of COMPACT_FROM posts or more: `posts` then reads from it. */
export type ParseResult =
  | { ok: true; posts: readonly Post[]; compact?: CompactPosts }
  | { ok: false; problems: string[] };

export interface ParseOptions {
  /** From this many posts on, posts are kept in compact buffers rather than as objects (see compact-posts.ts). */
  compactFrom?: number;
}

export interface LoadOptions extends ParseOptions {
  /** Bytes read at a time; the file is never held whole, so any size loads. */
  chunkBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;

/** Reads, validates and indexes a collection file; throws a `CollectionError` listing every problem. */
export async function loadCollection(
  path: string,
  now: () => Date = () => new Date(),
  { chunkBytes = DEFAULT_CHUNK_BYTES, ...options }: LoadOptions = {},
): Promise<Collection> {
  const hash = createHash("sha256");
  const parser = createCollectionParser(path, options);
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      // A syntax error ends the reading: what follows it cannot be told apart from the error.
      if (!parser.push(chunk)) break;
    }
  } catch (error) {
    throw new CollectionError([`${path}: ${describeReadError(error, resolve(path))}`]);
  } finally {
    stream.destroy();
  }
  const parsed = parser.end();
  if (!parsed.ok) throw new CollectionError(parsed.problems);
  const meta = { source: path, hash: hash.digest("hex"), loadedAt: now() };
  return parsed.compact ? createCollection(parsed.compact, meta) : createCollection(parsed.posts, meta);
}

/** Validates the text of a collection file. `file` only names it in the problems. */
export function parseCollection(content: string, file: string, options: ParseOptions = {}): ParseResult {
  const parser = createCollectionParser(file, options);
  parser.push(Buffer.from(content, "utf8"));
  return parser.end();
}

export interface CollectionParser {
  /** The next bytes of the file; false once a syntax error makes the rest unreadable. */
  push(chunk: Uint8Array): boolean;
  end(): ParseResult;
}

/** Validates a collection fed in chunks, post by post: only the posts (not the file's text) are kept. */
export function createCollectionParser(
  file: string,
  { compactFrom = COMPACT_FROM }: ParseOptions = {},
): CollectionParser {
  const problems: string[] = [];
  // Every valid post goes into the buffers at once: a million records are never held as objects together.
  const posts = new CompactPostsBuilder();
  const firstUse = new Map<string, number>();
  let syntax: string | undefined;

  const onElement = ({ text, number, at }: ArrayElement) => {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      syntax ??= `${file}: ${describeSyntaxError(text, error, at)}`;
      throw STOP;
    }
    validateRecord(record, number);
  };
  const splitter = createArraySplitter(onElement);

  function validateRecord(record: unknown, number: number): void {
    if (!isObject(record)) {
      problems.push(`${file}: post #${number}: must be an object, got ${describe(record)}`);
      return;
    }
    const recordProblems: string[] = [];
    const id = typeof record.id === "string" ? record.id : undefined;
    if (id !== undefined) {
      const first = firstUse.get(id);
      if (first === undefined) firstUse.set(id, number);
      else recordProblems.push(`duplicate id, first used by post #${first}`);
    }
    const result = PostSchema.safeParse(record);
    if (!result.success) recordProblems.push(...describeIssues(result.error.issues, record));
    // The schema has no transforms, so the validated record is the post.
    else if (recordProblems.length === 0) posts.add(record as Post);
    if (recordProblems.length > 0) {
      const where = `${file}: post #${number}${id === undefined ? "" : ` (id ${JSON.stringify(id)})`}`;
      for (const problem of recordProblems) problems.push(`${where}: ${problem}`);
    }
  }

  const guard = (step: () => StructureProblem | undefined): boolean => {
    if (syntax !== undefined) return false;
    try {
      const problem = step();
      if (problem) syntax = `${file}: ${describeStructure(problem)}`;
    } catch (error) {
      if (error instanceof NotUtf8Error) syntax = `${file}: post #${error.number}: is not UTF-8 text`;
      else if (error !== STOP) throw error;
    }
    return syntax === undefined;
  };

  return {
    push: (chunk) => guard(() => splitter.push(chunk)),
    end() {
      let count = 0;
      guard(() => {
        const ended = splitter.end();
        if ("count" in ended) {
          count = ended.count;
          return undefined;
        }
        return ended;
      });
      if (syntax !== undefined) return { ok: false, problems: [syntax] };
      if (count === 0) return { ok: false, problems: [`${file}: has no posts (the array is empty)`] };
      if (problems.length > 0) return { ok: false, problems };
      const compact = posts.finish();
      if (compact.count >= compactFrom) return { ok: true, posts: compact.views(), compact };
      return { ok: true, posts: Array.from({ length: compact.count }, (_, row) => compact.postAt(row)) };
    },
  };
}

/** Thrown through the splitter to stop at the first syntax error. */
const STOP = Symbol("stop");

export function describeStructure(problem: StructureProblem): string {
  if (problem.got !== undefined) return `${problem.message}, got ${problem.got}`;
  return `not valid JSON at line ${problem.at.line}, column ${problem.at.column}: ${problem.message}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** One problem per field: a `day` of "13-01" fails both the format and the calendar check, say it once. */
function describeIssues(issues: readonly z.core.$ZodIssue[], record: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems.push(`${formatPath([...issue.path, key])}: unknown field`);
      continue;
    }
    const path = formatPath(issue.path);
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push(`${path}: ${describeIssue(issue, valueAt(record, issue.path))}`);
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined
        ? "is required"
        : `must be ${article(issue.expected)}, got ${issue.expected === "int" && typeof value === "number" ? value : describe(value)}`;
    case "invalid_format":
      if (issue.format === "url") return "must be an http(s) URL";
      if (issue.format === "datetime")
        return "must be an ISO 8601 date-time with an offset, like 2024-05-12T09:30:00Z";
      return issue.message;
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) === 1 ? "must not be empty" : issue.message;
    case "too_big":
      return issue.origin === "string" ? `must be at most ${issue.maximum} characters` : issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  // Zod names an integer "int": say it as a reader would.
  const type = expected === "int" ? "whole number" : expected;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `links[2]`, `meta.name`, `["odd key"]`: how a reader would write the path in JavaScript. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === "" ? "(record)" : text;
}

function describeReadError(error: unknown, absolutePath: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `file not found (looked for ${absolutePath})`;
  if (code === "EISDIR") return "is a directory, not a collection file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

const SYNTAX_ERRORS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "unexpected text after the end of the array",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string (a line break inside a string must be written \\n)",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape in a string",
  InvalidCharacter: "invalid character in a string",
};

/**
 * JSON.parse in Node 20 often names no position ("Unexpected token '}', ... is not valid JSON"),
 * so on failure (only then: it is slower) a second parser locates the first error in the post's text,
 * which starts at `at` in the file.
 */
export function describeSyntaxError(json: string, error: unknown, at: Position): string {
  let first: { code: string; line: number; column: number } | undefined;
  jsonc.visit(
    json,
    {
      onError: (code, _offset, _length, line, column) => {
        first ??= { code: jsonc.printParseErrorCode(code), line, column };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first === undefined) return `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  const line = at.line + first.line;
  const column = first.line === 0 ? at.column + first.column : first.column + 1;
  return `not valid JSON at line ${line}, column ${column}: ${SYNTAX_ERRORS[first.code] ?? first.code}`;
}
