import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CollectionError } from "../src/library/load.js";
import { loadLibrary } from "../src/load-library.js";
import { loadLibraryInWorker } from "../src/reload/load-in-worker.js";
import { POST_BATCH } from "../src/reload/worker-protocol.js";

const dir = mkdtempSync(join(tmpdir(), "curator-worker-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const words = ["kernel", "scheduler", "テキスト", "日本語", "🌍", "rust", "compiler", "weather"];
// More posts than one message carries, so the batches are put back together in order.
const posts = Array.from({ length: POST_BATCH * 2 + 17 }, (_, i) => ({
  id: `p${i}`,
  text: `${words[i % words.length]} ${words[(i * 3) % words.length]} number ${i}`,
  topics: i % 3 === 0 ? ["rust"] : i % 3 === 1 ? ["go", "rust"] : [],
  links: [],
  mentions: [],
  ...(i % 5 === 0 ? {} : { createdAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString() }),
}));

describe("loadLibraryInWorker", () => {
  it("gives the same collection and answers as loading on the main thread", async () => {
    const file = join(dir, "posts.json");
    writeFileSync(file, JSON.stringify(posts));
    const { library } = await loadLibraryInWorker(file, join(dir, "cache-worker"));
    const local = await loadLibrary(file);
    expect(library.collection.posts).toStrictEqual(local.collection.posts);
    expect(library.collection.hash).toBe(local.collection.hash);
    expect(library.collection.topics).toStrictEqual(local.collection.topics);
    expect(library.collection.dateRange).toStrictEqual(local.collection.dateRange);
    expect(library.collection.byId.get("p4000")).toStrictEqual(posts[4000]);
    for (const [query, topic] of [
      ["kernel", undefined],
      ["テキスト", undefined],
      ["🌍 rust", "go"],
      ["comp", undefined],
      ["", "rust"],
      ["topic:go", undefined],
    ] as const) {
      const opts = { ...(topic ? { topic } : {}), limit: 20 };
      const ids = (l: typeof library) => l.index.search(query, opts).hits.map((h) => h.post.id);
      expect(ids(library), query).toStrictEqual(ids(local));
      expect(library.index.search(query, opts).total).toBe(local.index.search(query, opts).total);
    }
    expect(library.index.suggest("sched").map((p) => p.id)).toStrictEqual(
      local.index.suggest("sched").map((p) => p.id),
    );
  });

  it("uses the index cache the main thread wrote", async () => {
    const file = join(dir, "cached.json");
    writeFileSync(file, JSON.stringify(posts.slice(0, 50)));
    const cacheDir = join(dir, "cache-shared");
    const first = await loadLibraryInWorker(file, cacheDir);
    expect(first).toMatchObject({ fromCache: false });
    expect(first.cacheProblem).toBeUndefined();
    const second = await loadLibraryInWorker(file, cacheDir);
    expect(second.fromCache).toBe(true);
    expect(second.library.index.search("kernel").total).toBe(first.library.index.search("kernel").total);
  });

  it("rejects an invalid collection with every problem, naming file, post, id and field", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify([posts[0], { ...posts[1], id: "p0" }, { ...posts[2], day: "13-01" }]));
    const error = await loadLibraryInWorker(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollectionError);
    expect((error as CollectionError).problems).toStrictEqual([
      `${file}: post #2 (id "p0"): duplicate id, first used by post #1`,
      `${file}: post #3 (id "p2"): day: must be MM-DD`,
    ]);
  });
});
