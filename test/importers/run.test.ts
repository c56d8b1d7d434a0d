import { execFile } from "node:child_process";
import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { sniff } from "../../src/importers/detect.js";
import { runImport } from "../../src/importers/run.js";
import { ImportError } from "../../src/importers/types.js";
import { writeJsonArrayAtomically } from "../../src/importers/write.js";
import { CollectionError, parseCollection } from "../../src/library/load.js";
import { fixture, importFixture, tempFolder } from "./helpers.js";

const run = promisify(execFile);
const post = (id: string, fields: object = {}) => ({
  id,
  text: `post ${id}`,
  topics: [],
  links: [],
  mentions: [],
  ...fields,
});

describe("format detection (from the content, never the name)", () => {
  const cases: [string, string, string | undefined][] = [
    ["tweets.js", "window.YTD.tweets.part0 = [", "x-tweets"],
    ["old tweet.js", "window.YTD.tweet.part0 = [ {", "x-tweets"],
    ["note-tweet.js", "window.YTD.note_tweet.part0 = [", "x-note-tweets"],
    ["other .js", "window.YTD.like.part0 = [", "x-other"],
    [
      "outbox",
      '{"@context":"x","type":"OrderedCollection","orderedItems":[{"type":"Create"',
      "mastodon-outbox",
    ],
    ["likes.json", '{"type":"OrderedCollection","orderedItems":["https://a.example/s/1"]}', undefined],
    ["twitter-circle-tweet.js", "window.YTD.twitter_circle_tweet.part0 = [", "x-circle"],
    ["feed page", '{"feed":[{"post":{}}],"cursor":"x"}', "bluesky-feed"],
    ["post record", '{"$type":"app.bsky.feed.post","text":"hi"}', "bluesky-record"],
    ["repost record", '{"$type":"app.bsky.feed.repost"}', "bluesky-other"],
    ["Curator JSON", '[\n  {"id":"a","text":"b"}', "curator-json"],
    ["JSON Lines", '{"text":"a"}\n{"text":"b"}', "curator-jsonl"],
    ["plain text", "Hello\n\nWorld", "text"],
    ["HTML", "<!DOCTYPE html><html>", undefined],
    ["other JSON", '{"hello":1}', undefined],
    ["a JSON array of numbers", "[1,2,3]", undefined],
    ["empty", "  \n", undefined],
    ["binary", "\u0089PNG\r\n\u001a\n\u0000\u0000", undefined],
    ["a .zip (an X export)", "PK\u0003\u0004\u0014\u0000", "zip"],
  ];
  it.each(cases)("%s", (_name, content, format) => {
    expect(sniff(Buffer.from(content))).toBe(format);
  });

  it("recognises a .tar.gz and a CAR v1 by their first bytes", () => {
    expect(sniff(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toBe("tar.gz");
    const header = Buffer.concat([
      Buffer.from([0xa2, 0x65]),
      Buffer.from("roots"),
      Buffer.from([0x80, 0x67]),
      Buffer.from("version"),
      Buffer.from([0x01]),
    ]);
    expect(sniff(Buffer.concat([Buffer.from([header.length]), header]))).toBe("bluesky-car");
  });

  it("reads text with a stray invalid byte as text (the record is reported later), mostly-invalid bytes as binary", () => {
    expect(sniff(Buffer.from([0x48, 0xff, 0xfe, 0x49, 0x0a]))).toBe("text");
    expect(sniff(Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + i)))).toBeUndefined();
  });
});

describe("runImport", () => {
  it("fails with an error naming the file when it is not an archive at all", async () => {
    const out = join(await tempFolder(), "posts.json");
    for (const name of ["not-an-archive.bin", "not-an-archive.json"]) {
      const attempt = runImport({ input: fixture(name), out });
      await expect(attempt).rejects.toThrow(ImportError);
      await expect(attempt).rejects.toThrow(`${fixture(name)}: not an archive`);
    }
    await expect(readdir(join(out, ".."))).resolves.toEqual([]);
  });

  it("fails on a folder without any archive, and on a path that does not exist", async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, "picture.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    await expect(runImport({ input: folder, out: join(folder, "posts.json") })).rejects.toThrow(
      `${folder}: no archive or collection file found`,
    );
    await expect(runImport({ input: join(folder, "nope"), out: join(folder, "posts.json") })).rejects.toThrow(
      "no such file or folder",
    );
  });

  it("names the data files it could not recognise in a folder, so a damaged export is not taken for a missing one", async () => {
    const folder = await tempFolder();
    await writeFile(
      join(folder, "outbox.json"),
      '{"@context": "https://www.w3.org/ns/activitystreams", "orderedIt',
    );
    await expect(runImport({ input: folder, out: join(folder, "posts.json") })).rejects.toThrow(
      `${folder}: no archive or collection file found in this folder (not recognised: ${join(folder, "outbox.json")})`,
    );
  });

  it("fails clearly when the output folder does not exist", async () => {
    const out = join(await tempFolder(), "missing", "posts.json");
    await expect(runImport({ input: fixture("mastodon"), out })).rejects.toThrow("the folder");
  });

  it("reports progress in both phases", async () => {
    const phases = new Set<string>();
    await importFixture(fixture("mastodon"), { onProgress: (_n, phase) => phases.add(phase) });
    expect([...phases]).toEqual(["scanning", "importing"]);
  });

  it("--merge adds new posts and leaves out those already there by sourceId or id", async () => {
    const folder = await tempFolder();
    const out = join(folder, "posts.json");
    // The same tweet under another id: recognised by its sourceId.
    const existing = [
      post("mine"),
      post("renamed", { sourceId: "1050118621198921728" }),
      post("x-900000000000000001"),
    ];
    await writeFile(out, JSON.stringify(existing, null, 2));
    const { summary, posts } = await importFixture(fixture("x-archive"), { out, merge: true });
    expect(summary.kept).toBe(3);
    expect(summary.imported).toBe(3);
    expect(summary.skipped.get("already in the collection")).toBe(2);
    expect(posts.map((p) => p.id)).toEqual([
      "mine",
      "renamed",
      "x-900000000000000001",
      "x-1100000000000000001",
      "x-1100000000000000010",
      "x-1653000000000000000",
    ]);

    const again = await importFixture(fixture("x-archive"), { out, merge: true });
    expect(again.summary.imported).toBe(0);
    expect(again.posts).toEqual(posts);
    // The joined thread's parts were written, read back by --merge and written again.
    expect(again.posts.find((p) => p.id === "x-1100000000000000001")?.parts).toEqual([0, 34, 54, 85]);
  });

  it("keeps the parts of a Curator collection it reads, moved with the white space trimmed off the text", async () => {
    const folder = await tempFolder();
    const input = join(folder, "in.json");
    await writeFile(
      input,
      JSON.stringify([
        post("kept", { text: "one\n\ntwo", parts: [0, 5] }),
        post("moved", { text: "\n  one\n\ntwo  ", parts: [0, 8] }),
        post("gone", { text: "  one  \n\n  ", parts: [0, 7] }),
      ]),
    );
    const { posts } = await importFixture(input);
    expect(posts.map(({ id, text, parts }) => ({ id, text, parts }))).toEqual([
      { id: "kept", text: "one\n\ntwo", parts: [0, 5] },
      { id: "moved", text: "one\n\ntwo", parts: [0, 5] },
      { id: "gone", text: "one", parts: undefined },
    ]);
    expect(parseCollection(JSON.stringify(posts), "posts.json")).toMatchObject({ ok: true });
  });

  it("validates post by post when the output is too big for the loader", async () => {
    const { summary, posts } = await importFixture(fixture("mastodon"), { loaderCheckMaxBytes: 0 });
    expect(summary.checkedByStreamOnly).toBe(true);
    expect(parseCollection(JSON.stringify(posts), "posts.json")).toMatchObject({ ok: true });
    const small = await importFixture(fixture("mastodon"));
    expect(small.summary.checkedByStreamOnly).toBeUndefined();
  });

  it("with --replace replaces the collection, and says how many posts it held", async () => {
    const folder = await tempFolder();
    const out = join(folder, "posts.json");
    await writeFile(out, JSON.stringify([post("old"), post("older")]));
    const { posts, summary } = await importFixture(fixture("mastodon"), { out, replace: true });
    expect(posts.map((p) => p.id)).not.toContain("old");
    expect(summary.replaced).toBe(2);
  });

  it("leaves the collection untouched and no temporary file when the input breaks half-way", async () => {
    const folder = await tempFolder();
    const out = join(folder, "posts.json");
    const before = `${JSON.stringify([post("keep")], null, 2)}\n`;
    await writeFile(out, before);
    const input = join(folder, "broken.json");
    const records = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ text: `post number ${i}` }));
    await writeFile(input, `[${records.join(",")}, {"text": "cut off`);
    await expect(runImport({ input, out, replace: true })).rejects.toThrow(`${input}: not valid JSON`);
    expect(await readFile(out, "utf8")).toBe(before);
    expect((await readdir(folder)).sort()).toEqual(["broken.json", "posts.json"]);
  });

  it("leaves the collection untouched when nothing would be imported", async () => {
    const folder = await tempFolder();
    const out = join(folder, "posts.json");
    await writeFile(out, "[]");
    const input = join(folder, "empty.jsonl");
    // An empty collection needs no --replace.
    await writeFile(input, '{"text": ""}\n{"text": "  "}\n');
    await expect(runImport({ input, out })).rejects.toThrow("no posts to import (skipped 2: 2 empty)");
    expect(await readFile(out, "utf8")).toBe("[]");
  });

  it("refuses to merge into a collection that is itself invalid", async () => {
    const folder = await tempFolder();
    const out = join(folder, "posts.json");
    await writeFile(out, '[{"id": "x"}]');
    await expect(runImport({ input: fixture("mastodon"), out, merge: true })).rejects.toThrow(
      CollectionError,
    );
    expect(await readFile(out, "utf8")).toBe('[{"id": "x"}]');
  });
});

describe("writeJsonArrayAtomically", () => {
  async function* items() {
    yield post("a");
    yield post("b");
  }

  it("writes what JSON.stringify(array, null, 2) writes", async () => {
    const out = join(await tempFolder(), "posts.json");
    await writeJsonArrayAtomically(out, items(), async () => {});
    expect(await readFile(out, "utf8")).toBe(`${JSON.stringify([post("a"), post("b")], null, 2)}\n`);
  });

  it("renames only after the check passed; a failed check removes the temporary file", async () => {
    const folder = await tempFolder();
    const out = join(folder, "posts.json");
    await copyFile(fixture("generic/posts.txt"), out);
    const seen: string[] = [];
    const check = async (temporary: string) => {
      seen.push(await readFile(temporary, "utf8"));
      throw new Error("check failed");
    };
    await expect(writeJsonArrayAtomically(out, items(), check)).rejects.toThrow("check failed");
    expect(seen[0]).toContain('"id": "b"');
    expect(await readFile(out, "utf8")).toBe(await readFile(fixture("generic/posts.txt"), "utf8"));
    expect(await readdir(folder)).toEqual(["posts.json"]);
  });
});

describe("npm run import (the CLI)", () => {
  const cli = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/importers/cli.ts", ...args], {
      cwd: join(import.meta.dirname, "../.."),
    });

  it("prints the summary and exits 0", async () => {
    const out = join(await tempFolder(), "posts.json");
    const { stdout } = await cli(fixture("x-archive"), "--out", out);
    expect(stdout).toContain("Imported 5 posts (X/Twitter archive)");
    expect(stdout).toContain("threads joined: 1");
    expect(stdout).toMatch(/skipped 5: .*1 retweet/);
    expect(stdout).toContain("dates: 2017-08-25T07:08:09.000Z .. 2023-05-01T12:00:00.000Z");
  });

  it("exits 1 with a message naming the file when it is not an archive", async () => {
    const out = join(await tempFolder(), "posts.json");
    const failure = await cli(fixture("not-an-archive.bin"), "--out", out).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("not-an-archive.bin: not an archive"),
    });
  });

  it("exits 1 on an unknown option", async () => {
    const failure = await cli("--frobnicate").catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("Usage: npm run import") });
  });
});
