import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { InputFile } from "../../src/importers/input-file.js";
import { jsonArrayItems } from "../../src/importers/read-json.js";
import { INVALID_UTF8 } from "../../src/importers/utf8.js";
import { writeJsonArrayAtomically } from "../../src/importers/write.js";
import { tempFolder } from "./helpers.js";

/** A file delivered in chunks of `size` bytes: elements, strings and characters are cut between chunks. */
function chunked(name: string, content: string | Buffer, size: number): InputFile {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
  return {
    name,
    open: async () =>
      Readable.from(
        Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
          bytes.subarray(i * size, (i + 1) * size),
        ),
      ),
  };
}

async function read(file: InputFile, options: Parameters<typeof jsonArrayItems>[1] = {}) {
  const items: unknown[] = [];
  let error: Error | undefined;
  try {
    for await (const item of jsonArrayItems(file, options)) items.push(item);
  } catch (caught) {
    error = caught as Error;
  }
  return { items, error };
}

const TWEETS = [
  { tweet: { id_str: "1795012345678901234", full_text: 'quotes \\" and \\\\ and "] }' } },
  { tweet: { id_str: "2", full_text: "日本語 🦊 é\u2028" } },
  { tweet: { id_str: "3", full_text: "" } },
];

describe("jsonArrayItems", () => {
  for (const size of [1, 2, 3, 7, 64, 1 << 16])
    it(`reads tweets.js after its window.YTD wrapper, in chunks of ${size} bytes`, async () => {
      const text = `window.YTD.tweets.part0 = ${JSON.stringify(TWEETS, null, 2)}`;
      const { items, error } = await read(chunked("tweets.js", text, size), { jsAssignment: true });
      expect(error).toBeUndefined();
      expect(items).toEqual(TWEETS);
    });

  it("reads only the array under the top-level key, not a nested key or a string that looks like one", async () => {
    const outbox = {
      "@context": ["https://www.w3.org/ns/activitystreams", { orderedItems: "not this one" }],
      summary: 'a "orderedItems": [1] in text',
      orderedItems: [{ type: "Create", n: 1 }, "two", 3, [4]],
      last: { orderedItems: ["not this either"] },
    };
    for (const size of [1, 5, 1 << 16]) {
      const { items, error } = await read(chunked("outbox.json", JSON.stringify(outbox, null, 1), size), {
        key: "orderedItems",
      });
      expect(error).toBeUndefined();
      expect(items).toEqual(outbox.orderedItems);
    }
  });

  it("has no items when the key is missing, and says so when it is not an array", async () => {
    expect(
      await read(chunked("likes.json", '{"type":"OrderedCollection"}', 4), { key: "orderedItems" }),
    ).toEqual({
      items: [],
      error: undefined,
    });
    const { error } = await read(chunked("outbox.json", '{"orderedItems": {"a": 1}}', 4), {
      key: "orderedItems",
    });
    expect(error?.message).toBe('outbox.json: not valid JSON ("orderedItems" is not an array)');
  });

  it("passes the records before a damaged one, then names the file, the record and its line", async () => {
    const text = 'window.YTD.tweets.part0 = [\n  {"a": 1},\n  {"b": 2},\n  {"c": 3,, "d": 4},\n  {"e": 5}\n]';
    const { items, error } = await read(chunked("data/tweets.js", text, 5), { jsAssignment: true });
    expect(items).toEqual([{ a: 1 }, { b: 2 }]);
    expect(error?.message).toBe(
      "data/tweets.js: not valid JSON (record #3: at line 4, column 11: expected a property name in double quotes)",
    );
  });

  it("says the file is cut off, or has no array at all", async () => {
    const cut = await read(chunked("tweets.js", 'window.YTD.tweets.part0 = [{"a": 1}, {"b": ', 4), {
      jsAssignment: true,
    });
    expect(cut.items).toEqual([{ a: 1 }]);
    expect(cut.error?.message).toContain("tweets.js: not valid JSON (");
    expect(cut.error?.message).toContain("cut off");
    const none = await read(chunked("tweets.js", "window.YTD.tweets.part0 = {}", 4), { jsAssignment: true });
    expect(none.error?.message).toBe(
      "tweets.js: not valid JSON (no JSON array after the `window.YTD... =` wrapper)",
    );
  });

  it("marks an invalid UTF-8 byte in its record only, wherever the chunks are cut", async () => {
    const bytes = Buffer.concat([
      Buffer.from('[{"t": "ok é"}, {"t": "bad '),
      Buffer.from([0xff, 0xc3]),
      Buffer.from('"}, {"t": "é ok"}]'),
    ]);
    for (const size of [1, 2, 3, 1 << 16]) {
      const { items, error } = await read(chunked("posts.json", bytes, size));
      expect(error).toBeUndefined();
      expect(items).toEqual([{ t: "ok é" }, { t: `bad ${INVALID_UTF8}${INVALID_UTF8}` }, { t: "é ok" }]);
    }
  });

  it("names an unreadable file as unreadable, not as bad JSON", async () => {
    const file: InputFile = {
      name: "export.zip:data/tweets.js",
      open: async () =>
        new Readable({
          read() {
            this.destroy(new Error("invalid stored block lengths"));
          },
        }),
    };
    const { error } = await read(file, { jsAssignment: true });
    expect(error?.message).toBe("export.zip:data/tweets.js: cannot be read (invalid stored block lengths)");
  });
});

describe("writeJsonArrayAtomically", () => {
  it("keeps line separators inside strings as they are while indenting the elements", async () => {
    const path = join(await tempFolder(), "posts.json");
    const posts = [{ text: "one\u2028two\u2029three\r\nfour", topics: ["a"] }, { text: "five" }];
    await writeJsonArrayAtomically(path, Readable.from(posts), async () => {});
    const written = await readFile(path, "utf8");
    expect(JSON.parse(written)).toEqual(posts);
    expect(written).toBe(`${JSON.stringify(posts, null, 2)}\n`);
  });
});
