import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CollectionError,
  createCollectionParser,
  loadCollection,
  parseCollection,
} from "../src/library/load.js";

const FILE = "data/posts.json";
const post = (fields: Record<string, unknown> = {}) => ({
  id: "first",
  text: "Hello @someone, see https://example.org",
  topics: ["greetings"],
  links: ["https://example.org"],
  mentions: ["@someone"],
  ...fields,
});
const json = (value: unknown) => JSON.stringify(value, null, 2);
const problemsOf = (content: string) => {
  const result = parseCollection(content, FILE);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
};

describe("parseCollection", () => {
  it("accepts valid posts, optional fields included", () => {
    const posts = [
      post(),
      post({ id: "second", day: "02-29", title: "Leap", createdAt: "2024-02-29T12:00:00+01:00" }),
    ];
    expect(parseCollection(json(posts), FILE)).toStrictEqual({ ok: true, posts });
  });

  it("gives the line and column of a JSON syntax error", () => {
    const content = '[\n  {"id": "first",\n   "text": "a" "b"}\n]';
    expect(problemsOf(content)).toStrictEqual([`${FILE}: not valid JSON at line 3, column 16: expected ','`]);
    expect(problemsOf("[\n  1,\n  2,\n]")).toStrictEqual([
      `${FILE}: not valid JSON at line 4, column 1: expected a value`,
    ]);
    expect(problemsOf("")).toStrictEqual([`${FILE}: not valid JSON at line 1, column 1: expected a value`]);
  });

  it("refuses a top level that is not an array", () => {
    expect(problemsOf(json({ posts: [post()] }))).toStrictEqual([
      `${FILE}: must be a JSON array of posts, got an object`,
    ]);
    expect(problemsOf("null")).toStrictEqual([`${FILE}: must be a JSON array of posts, got null`]);
  });

  it("refuses a collection without posts", () => {
    expect(problemsOf("[]")).toStrictEqual([`${FILE}: has no posts (the array is empty)`]);
  });

  it("refuses records that are not objects", () => {
    expect(problemsOf(json([post(), "text", null, [post()]]))).toStrictEqual([
      `${FILE}: post #2: must be an object, got a string`,
      `${FILE}: post #3: must be an object, got null`,
      `${FILE}: post #4: must be an object, got an array`,
    ]);
  });

  it("names unknown fields", () => {
    expect(problemsOf(json([post({ auther: "x", "created at": "today" })]))).toStrictEqual([
      `${FILE}: post #1 (id "first"): auther: unknown field`,
      `${FILE}: post #1 (id "first"): ["created at"]: unknown field`,
    ]);
  });

  it("reports schema problems by field, with indexes into lists", () => {
    const bad = post({ id: 7, links: ["https://example.org", "ftp://example.org", "nope"], topics: "ai" });
    delete (bad as Record<string, unknown>).text;
    expect(problemsOf(json([bad]))).toStrictEqual([
      `${FILE}: post #1: id: must be a string, got a number`,
      `${FILE}: post #1: text: is required`,
      `${FILE}: post #1: topics: must be an array, got a string`,
      `${FILE}: post #1: links[1]: must be an http(s) URL`,
      `${FILE}: post #1: links[2]: must be an http(s) URL`,
    ]);
  });

  it("explains the format expected of optional fields", () => {
    const bad = post({ title: "x".repeat(257), url: "ftp://example.org/1", createdAt: "2024-05-12" });
    expect(problemsOf(json([bad]))).toStrictEqual([
      `${FILE}: post #1 (id "first"): title: must be at most 256 characters`,
      `${FILE}: post #1 (id "first"): url: must be an http(s) URL`,
      `${FILE}: post #1 (id "first"): createdAt: must be an ISO 8601 date-time with an offset, like 2024-05-12T09:30:00Z`,
    ]);
  });

  it("refuses duplicate ids, naming the post that used the id first", () => {
    const posts = [post({ id: "a" }), post({ id: "b" }), post({ id: "a" }), post({ id: "a" })];
    expect(problemsOf(json(posts))).toStrictEqual([
      `${FILE}: post #3 (id "a"): duplicate id, first used by post #1`,
      `${FILE}: post #4 (id "a"): duplicate id, first used by post #1`,
    ]);
  });

  it("refuses empty text, blanks included", () => {
    expect(problemsOf(json([post({ text: "" }), post({ id: "second", text: " \n\t" })]))).toStrictEqual([
      `${FILE}: post #1 (id "first"): text: must not be empty`,
      `${FILE}: post #2 (id "second"): text: must not be empty`,
    ]);
  });

  it("refuses a day that is not a day of the year, once per field", () => {
    const posts = [post({ day: "13-01" }), post({ id: "b", day: "02-30" }), post({ id: "c", day: "5-12" })];
    expect(problemsOf(json(posts))).toStrictEqual([
      `${FILE}: post #1 (id "first"): day: must be MM-DD`,
      `${FILE}: post #2 (id "b"): day: is not a day of the year`,
      `${FILE}: post #3 (id "c"): day: must be MM-DD`,
    ]);
  });

  it("reports every problem of every post at once", () => {
    const posts = [
      post({ id: "ok" }),
      post({ id: "mosaic", text: "", day: "02-30" }),
      42,
      post({ id: "ok", mentions: ["nobody"], extra: true }),
    ];
    expect(problemsOf(json(posts))).toStrictEqual([
      `${FILE}: post #2 (id "mosaic"): text: must not be empty`,
      `${FILE}: post #2 (id "mosaic"): day: is not a day of the year`,
      `${FILE}: post #3: must be an object, got a number`,
      `${FILE}: post #4 (id "ok"): duplicate id, first used by post #1`,
      `${FILE}: post #4 (id "ok"): mentions[0]: must look like @name`,
      `${FILE}: post #4 (id "ok"): extra: unknown field`,
    ]);
  });

  it("ignores a byte order mark", () => {
    expect(parseCollection(`\uFEFF${json([post()])}`, FILE)).toStrictEqual({ ok: true, posts: [post()] });
  });
});

describe("loadCollection", () => {
  const dir = mkdtempSync(join(tmpdir(), "curator-load-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const failure = async (path: string) => {
    const error = await loadCollection(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollectionError);
    return error as CollectionError;
  };

  it("returns the collection with its source, content hash and load time", async () => {
    const content = json([post(), post({ id: "second", topics: ["greetings", "news"] })]);
    const path = write("ok.json", content);
    const loadedAt = new Date("2026-05-12T09:00:00Z");
    const collection = await loadCollection(path, () => loadedAt);
    expect(collection.posts.map((p) => p.id)).toStrictEqual(["first", "second"]);
    expect(collection.byId.get("second")?.topics).toStrictEqual(["greetings", "news"]);
    expect(collection.source).toBe(path);
    expect(collection.hash).toBe(createHash("sha256").update(content).digest("hex"));
    expect(collection.loadedAt).toBe(loadedAt);
  });

  it("says which file was not found", async () => {
    const path = join(dir, "missing.json");
    const error = await failure(path);
    expect(error.problems).toStrictEqual([`${path}: file not found (looked for ${resolve(path)})`]);
  });

  it("says when the path is a folder", async () => {
    expect((await failure(dir)).problems).toStrictEqual([`${dir}: is a directory, not a collection file`]);
  });

  it("throws every problem, counted, one per line", async () => {
    const path = write("bad.json", json([post({ text: "" }), "x", post()]));
    const error = await failure(path);
    expect(error.problems).toStrictEqual([
      `${path}: post #1 (id "first"): text: must not be empty`,
      `${path}: post #2: must be an object, got a string`,
      `${path}: post #3 (id "first"): duplicate id, first used by post #1`,
    ]);
    expect(error.message).toBe(["3 problems in the collection:", ...error.problems].join("\n"));
    expect(error.name).toBe("CollectionError");
  });

  it("refuses a file that is not UTF-8", async () => {
    const path = write("latin1.json", Buffer.from(json([post({ text: "caf\u00e9" })]), "latin1"));
    expect((await failure(path)).problems).toStrictEqual([`${path}: post #1: is not UTF-8 text`]);
  });
});

describe("loadCollection reading in small chunks", () => {
  const dir = mkdtempSync(join(tmpdir(), "curator-stream-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Everything the splitter must not mistake for structure: brackets, braces and commas in strings, escaped
  // quotes and backslashes, multi-byte characters cut anywhere by a chunk, emoji, CRLF lines and a BOM.
  const tricky = [
    post({ id: "a", text: 'brackets ] } [ { and "quotes" \\ and \\" commas, , ' }),
    post({ id: "b", text: "日本語のテキスト 🌍 café\nnext line", title: "Ünïcödé ] title" }),
    post({ id: "c", text: "ends in a backslash \\", topics: [] }),
  ];
  const content = `\uFEFF${JSON.stringify(tricky, null, 2).replaceAll("\n", "\r\n")}\r\n`;
  const path = join(dir, "tricky.json");
  writeFileSync(path, content);

  it.each([1, 2, 3, 5, 7, 64, 1 << 20])(
    "reads %i bytes at a time to the same posts and hash",
    async (chunkBytes) => {
      const collection = await loadCollection(path, undefined, { chunkBytes });
      expect(collection.posts).toStrictEqual(tricky);
      expect(collection.hash).toBe(createHash("sha256").update(content).digest("hex"));
    },
  );

  it("feeds the parser one byte at a time", () => {
    const parser = createCollectionParser(FILE);
    for (const byte of Buffer.from(content)) expect(parser.push(Uint8Array.of(byte))).toBe(true);
    expect(parser.end()).toStrictEqual({ ok: true, posts: tricky });
  });

  it("names the file, post, id and field of a problem, whatever the chunks", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, json([post({ id: "x" }), post({ id: "y", day: "02-30" }), post({ id: "x" })]));
    for (const chunkBytes of [3, 11, 1 << 16]) {
      const error = await loadCollection(bad, undefined, { chunkBytes }).catch((e: unknown) => e);
      expect((error as CollectionError).problems).toStrictEqual([
        `${bad}: post #2 (id "y"): day: is not a day of the year`,
        `${bad}: post #3 (id "x"): duplicate id, first used by post #1`,
      ]);
    }
  });

  it("places a syntax error in a later post by line and column, and stops reading there", async () => {
    const broken = join(dir, "broken.json");
    const lines = json([post({ id: "x" }), post({ id: "y" })]).split("\n");
    lines[15] = lines[15]!.replace('"y",', '"y"');
    writeFileSync(broken, `${lines.join("\n")}\n${"garbage ".repeat(1000)}`);
    for (const chunkBytes of [4, 1 << 16]) {
      const error = await loadCollection(broken, undefined, { chunkBytes }).catch((e: unknown) => e);
      expect((error as CollectionError).problems).toStrictEqual([
        `${broken}: not valid JSON at line 17, column 5: expected ','`,
      ]);
    }
  });

  it("says the file ends inside a post or before the array is closed", () => {
    const whole = json([post()]);
    expect(problemsOf(whole.slice(0, 30))).toStrictEqual([
      `${FILE}: not valid JSON at line 2, column 3: the last post is cut off (the file ends inside it)`,
    ]);
    expect(problemsOf(whole.slice(0, -1))).toStrictEqual([
      `${FILE}: not valid JSON at line 15, column 1: expected ']' (the file ends before the array is closed)`,
    ]);
    expect(problemsOf(`${whole} []`)).toStrictEqual([
      `${FILE}: not valid JSON at line 15, column 3: unexpected text after the end of the array`,
    ]);
  });

  it("names the post whose bytes are not UTF-8", () => {
    const latin1 = Buffer.from(json([post(), post({ id: "b", text: "caf\u00e9" })]), "latin1");
    const second = createCollectionParser(FILE);
    expect(second.push(latin1)).toBe(false);
    expect(second.end()).toStrictEqual({ ok: false, problems: [`${FILE}: post #2: is not UTF-8 text`] });
  });
});
