import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import jsonc from "jsonc-parser";
import type { z } from "zod";
import { type Collection, createCollection } from "./collection.js";
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

export type ParseResult = { ok: true; posts: Post[] } | { ok: false; problems: string[] };

/** Reads, validates and indexes a collection file; throws a `CollectionError` listing every problem. */
export async function loadCollection(path: string, now: () => Date = () => new Date()): Promise<Collection> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CollectionError([`${path}: ${describeReadError(error, resolve(path))}`]);
  }
  if (!isUtf8(bytes)) throw new CollectionError([`${path}: is not UTF-8 text`]);
  const parsed = parseCollection(bytes.toString("utf8"), path);
  if (!parsed.ok) throw new CollectionError(parsed.problems);
  const hash = createHash("sha256").update(bytes).digest("hex");
  return createCollection(parsed.posts, { source: path, hash, loadedAt: now() });
}

/** Validates the text of a collection file. `file` only names it in the problems. */
export function parseCollection(content: string, file: string): ParseResult {
  // Editors on Windows like to start a UTF-8 file with a byte order mark; JSON.parse refuses it.
  const json = content.startsWith("\uFEFF") ? content.slice(1) : content;
  let records: unknown;
  try {
    records = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [`${file}: ${describeSyntaxError(json, error)}`] };
  }
  if (!Array.isArray(records)) {
    return { ok: false, problems: [`${file}: must be a JSON array of posts, got ${describe(records)}`] };
  }
  if (records.length === 0) return { ok: false, problems: [`${file}: has no posts (the array is empty)`] };

  const problems: string[] = [];
  const posts: Post[] = [];
  const firstUse = new Map<string, number>();
  for (let index = 0; index < records.length; index++) {
    const record: unknown = records[index];
    const number = index + 1;
    if (!isObject(record)) {
      problems.push(`${file}: post #${number}: must be an object, got ${describe(record)}`);
      continue;
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
    // The schema has no transforms, so the validated record is the post: keeping it rather than zod's
    // copy spares holding a million posts twice while loading.
    else if (recordProblems.length === 0) posts.push(record as Post);
    if (recordProblems.length > 0) {
      const where = `${file}: post #${number}${id === undefined ? "" : ` (id ${JSON.stringify(id)})`}`;
      for (const problem of recordProblems) problems.push(`${where}: ${problem}`);
    }
  }
  return problems.length === 0 ? { ok: true, posts } : { ok: false, problems };
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
        : `must be ${article(issue.expected)}, got ${describe(value)}`;
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

function article(type: string): string {
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
 * so on failure (only then: it is slower) a second parser locates the first error.
 */
function describeSyntaxError(json: string, error: unknown): string {
  let first: { code: string; line: number; column: number } | undefined;
  jsonc.visit(
    json,
    {
      onError: (code, _offset, _length, line, column) => {
        first ??= { code: jsonc.printParseErrorCode(code), line: line + 1, column: column + 1 };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first === undefined) return `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  return `not valid JSON at line ${first.line}, column ${first.column}: ${SYNTAX_ERRORS[first.code] ?? first.code}`;
}
