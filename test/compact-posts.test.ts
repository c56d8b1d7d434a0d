import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CompactIdMap, CompactPosts, CompactPostsBuilder, idTableOf } from "../src/library/compact-posts.js";
import { loadCollection } from "../src/library/load.js";
import type { Post } from "../src/library/post.js";
import { libraryOf } from "../src/load-library.js";
import { loadLibraryInWorker } from "../src/reload/load-in-worker.js";
import { loadCollectionCached, postsCacheFile, readPosts } from "../src/store/posts-cache.js";

const dir = mkdtempSync(join(tmpdir(), "curator-compact-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = { topics: [], links: [], mentions: [] };
/** Every field, every script, and the empty and missing cases next to each other. */
const varied: Post[] = [
  { id: "a", text: 'brackets ] } [ { "quotes" \\ and a backslash \\', ...base },
  {
    id: "b-2",
    text: "日本語のテキスト 🌍 café\nnext line",
    title: "Ünïcödé title",
    author: "Ana",
    url: "https://example.com/b",
    topics: ["rust", "日本", "rust"],
    links: ["https://example.com/x", "https://example.com/y"],
    mentions: ["@ana", "@bo.b"],
    createdAt: "2024-05-12T09:30:00+02:00",
    day: "02-29",
    media: [
      { type: "image", url: "https://example.com/i.png", alt: "a cat" },
      { type: "video", url: "https://example.com/v" },
    ],
    contentWarning: "spoilers",
    sourceId: "at://did:plc:x/app.bsky.feed.post/1",
    // A thread of two posts: the second starts after the line break (🌍 counts two UTF-16 units).
    parts: [0, 17],
  },
  {
    id: "C_3",
    text: "ثلاثة ไทย Grüße",
    ...base,
    topics: ["go"],
    createdAt: "2023-01-01T00:00:00Z",
    day: "12-31",
  },
  { id: "d", text: "x".repeat(300), ...base, title: "long one" },
];
const many: Post[] = Array.from({ length: 400 }, (_, i) => ({
  ...varied[i % varied.length]!,
  id: `p${i}`,
  text: `${varied[i % varied.length]!.text} kernel${i % 7} number ${i}`,
}));
const plain = (post: Post) => JSON.parse(JSON.stringify(post)) as Post;

describe("CompactPosts", () => {
  it.each([16, 100, 1 << 20])("gives back every post and field, with chunks of %i bytes", (chunkBytes) => {
    const builder = new CompactPostsBuilder(chunkBytes);
    for (const post of many) builder.add(post);
    const compact = builder.finish();
    if (chunkBytes < 1000) expect(compact.data.texts.chunks.length).toBeGreaterThan(10);
    expect(compact.count).toBe(many.length);
    many.forEach((post, row) => {
      expect(compact.postAt(row)).toStrictEqual(post);
      const view = compact.views()[row]!;
      expect(plain(view)).toStrictEqual(post);
      for (const field of Object.keys(post) as (keyof Post)[])
        expect(view[field], field).toStrictEqual(post[field]);
      expect(view.title).toBe(post.title);
      expect(view.createdAt).toBe(post.createdAt);
      expect(view.day).toBe(post.day);
    });
  });

  it("keeps a thread's parts: read from the view, copied by toJSON (a spread copies nothing)", () => {
    const builder = new CompactPostsBuilder();
    for (const post of varied) builder.add(post);
    const [a, b] = builder.finish().views() as [Post, Post];
    expect(b.text.slice(b.parts![1])).toBe("next line");
    expect(b.parts).toStrictEqual([0, 17]);
    expect(a.parts).toBeUndefined();
    expect({ ...b }).not.toHaveProperty("parts");
    expect((b as unknown as { toJSON(): Post }).toJSON().parts).toStrictEqual([0, 17]);
    expect(JSON.parse(JSON.stringify(b)).parts).toStrictEqual([0, 17]);
  });

  it("lists each topic's posts once, in order, and each post's time", () => {
    const builder = new CompactPostsBuilder();
    for (const post of varied) builder.add(post);
    const compact = builder.finish();
    expect([...compact.topicDocs()].map(([name, docs]) => [name, [...docs]])).toStrictEqual([
      ["rust", [1]],
      ["日本", [1]],
      ["go", [2]],
    ]);
    expect([...compact.times()]).toStrictEqual([
      Number.NaN,
      Date.parse("2024-05-12T09:30:00+02:00"),
      Date.parse("2023-01-01T00:00:00Z"),
      Number.NaN,
    ]);
  });
});

describe("a compact collection", () => {
  const file = join(dir, "posts.json");
  writeFileSync(file, JSON.stringify(many));

  it("reads like the plain one: posts, byId, topics, date range and search", async () => {
    const compact = await loadCollection(file, undefined, { compactFrom: 0 });
    const loose = await loadCollection(file);
    expect(compact.compact).toBeDefined();
    expect(loose.compact).toBeUndefined();
    expect(compact.posts.map(plain)).toStrictEqual(loose.posts);
    expect(compact.topics).toStrictEqual(loose.topics);
    expect(compact.dateRange).toStrictEqual(loose.dateRange);
    expect(compact.byId.size).toBe(many.length);
    for (const post of many) expect(compact.byId.get(post.id)).toBe(compact.posts[Number(post.id.slice(1))]);
    expect(compact.byId.get("nope")).toBeUndefined();
    expect(compact.byId.has("p399")).toBe(true);
    expect([...compact.byId.keys()]).toStrictEqual(many.map((p) => p.id));

    const a = libraryOf(compact);
    const b = libraryOf(loose);
    for (const [query, topic] of [
      ["kernel3", undefined],
      ["テキスト", undefined],
      ["grüsse number", undefined],
      ["kern", "rust"],
      ["", "go"],
    ] as const) {
      const opts = { ...(topic ? { topic } : {}), limit: 30 };
      const found = (l: typeof a) => l.index.search(query, opts);
      expect(
        found(a).hits.map((h) => h.post.id),
        query,
      ).toStrictEqual(found(b).hits.map((h) => h.post.id));
      expect(found(a).hits.map((h) => h.snippet)).toStrictEqual(found(b).hits.map((h) => h.snippet));
      expect(found(a).total).toBeGreaterThan(0);
    }
  });

  it("starts from the posts cache the first load wrote, and reloads when the file changes", async () => {
    const cacheDir = join(dir, "cache");
    const first = await loadCollectionCached(file, cacheDir, undefined, { compactFrom: 0 });
    expect(first).toMatchObject({ fromCache: false });
    expect(first.problem).toBeUndefined();
    expect(readdirSync(cacheDir)).toStrictEqual([
      postsCacheFile(cacheDir, first.collection.hash).slice(cacheDir.length + 1),
    ]);

    const second = await loadCollectionCached(file, cacheDir, undefined, { compactFrom: 0 });
    expect(second).toMatchObject({ fromCache: true });
    expect(second.collection.hash).toBe(first.collection.hash);
    expect(second.collection.posts.map(plain)).toStrictEqual(many);
    // Read back from the cache's buffers, not from the file.
    expect(second.collection.byId.get("p1")?.parts).toStrictEqual([0, 17]);
    expect(many.filter((post) => post.parts !== undefined)).toHaveLength(100);
    expect(second.collection.topics).toStrictEqual(first.collection.topics);
    expect(second.collection.dateRange).toStrictEqual(first.collection.dateRange);

    const changed = join(dir, "changed.json");
    writeFileSync(changed, JSON.stringify(many.slice(1)));
    const third = await loadCollectionCached(changed, cacheDir, undefined, { compactFrom: 0 });
    expect(third.fromCache).toBe(false);
    expect(third.collection.posts).toHaveLength(many.length - 1);
  });

  it("loads the file, and says why, when the cache is damaged", async () => {
    const cacheDir = join(dir, "damaged");
    const { collection } = await loadCollectionCached(file, cacheDir, undefined, { compactFrom: 0 });
    writeFileSync(postsCacheFile(cacheDir, collection.hash), "not a cache");
    const again = await loadCollectionCached(file, cacheDir, undefined, { compactFrom: 0 });
    expect(again.fromCache).toBe(false);
    expect(again.problem).toMatch(/not a posts cache/);
    expect(again.collection.posts.map(plain)).toStrictEqual(many);
    // The damaged file was replaced by a good one.
    expect((await loadCollectionCached(file, cacheDir, undefined, { compactFrom: 0 })).fromCache).toBe(true);
  });

  it("never reads a cache of the version before parts (2), which could not tell what a post's parts are", async () => {
    const cacheDir = join(dir, "versions");
    const { collection } = await loadCollectionCached(file, cacheDir, undefined, { compactFrom: 0 });
    const cached = postsCacheFile(cacheDir, collection.hash);
    expect(cached).toMatch(/posts-v2-[0-9a-f]{32}\.bin$/);
    const bytes = readFileSync(cached);
    expect(bytes.readUInt32LE(4)).toBe(2);
    bytes.writeUInt32LE(1, 4);
    writeFileSync(cached, bytes);
    expect(() => readPosts(cached)).toThrow("posts cache of another version");
  });

  it("comes from the loading thread as buffers, the same as loaded here", async () => {
    const cacheDir = join(dir, "worker");
    for (const round of ["built", "cached"]) {
      const { library, fromCache } = await loadLibraryInWorker(file, cacheDir, { compactFrom: 0 });
      expect(fromCache, round).toBe(round === "cached");
      expect(library.collection.compact).toBeDefined();
      expect(library.collection.posts.map(plain)).toStrictEqual(many);
      expect(library.collection.byId.get("p7")?.text).toBe(many[7]!.text);
      const local = libraryOf(await loadCollection(file));
      expect(library.index.search("kernel5 rüsse").hits.map((h) => h.post.id)).toStrictEqual(
        local.index.search("kernel5 rüsse").hits.map((h) => h.post.id),
      );
      expect(library.index.search("", { topic: "go", limit: 100 }).total).toBe(100);
      // byId's table was built by the loading thread and transferred: the same table, every id found.
      const byId = library.collection.byId as CompactIdMap;
      expect(byId).toBeInstanceOf(CompactIdMap);
      expect(byId.table).toStrictEqual(idTableOf(library.collection.compact!));
      for (const post of many) expect(byId.get(post.id)?.id, post.id).toBe(post.id);
      expect(byId.get("not-an-id")).toBeUndefined();
      expect(byId.has("p0") && !byId.has("p")).toBe(true);
    }
  });

  it("makes its views a slice at a time, pausing between slices, the same views as all at once", async () => {
    // A fresh CompactPosts over the buffers, as a reload receives them: no views made yet.
    const compact = new CompactPosts(
      (await loadCollection(file, undefined, { compactFrom: 0 })).compact!.data,
    );
    let pauses = 0;
    const views = await compact.viewsInSteps(64, async () => {
      pauses++;
    });
    expect(pauses).toBe(Math.floor(many.length / 64));
    expect(views.map(plain)).toStrictEqual(many);
    // Made once: views() and a second call give the same array.
    expect(compact.views()).toBe(views);
    expect(await compact.viewsInSteps()).toBe(views);
  });

  it("refuses an id table that does not fit its posts", async () => {
    const { compact } = await loadCollection(file, undefined, { compactFrom: 0 });
    const views = compact!.views();
    expect(() => new CompactIdMap(compact!, views, new Int32Array(8))).toThrow(RangeError);
    expect(() => new CompactIdMap(compact!, views, new Int32Array(many.length * 3))).toThrow(RangeError);
    expect(new CompactIdMap(compact!, views, idTableOf(compact!)).get("p3")?.id).toBe("p3");
  });
});
