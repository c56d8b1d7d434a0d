import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LoadedLibrary } from "../src/reload/load-in-worker.js";
import { watchCollection } from "../src/reload/watch-collection.js";

const post = (id: string, text: string) => ({ id, text, topics: [], links: [], mentions: [] });
const json = (...posts: object[]) => `${JSON.stringify(posts, null, 2)}\n`;

/** Collects the watcher's reports; `next()` resolves with the next one (the test timeout bounds the wait). */
function recorder() {
  const queue: ({ loaded: LoadedLibrary["library"] } | { rejected: string[] })[] = [];
  let wake: (() => void) | undefined;
  const push = (event: (typeof queue)[number]) => {
    queue.push(event);
    wake?.();
  };
  return {
    onLoad: ({ library }: LoadedLibrary) => push({ loaded: library }),
    onReject: (rejected: string[]) => push({ rejected }),
    async next() {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return queue.shift()!;
    },
  };
}

describe("watchCollection", () => {
  let dir: string;
  let file: string;
  let close: () => void = () => {};

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "curator-reload-"));
    file = join(dir, "posts.json");
    await writeFile(file, json(post("a", "first")));
  });
  afterEach(async () => {
    close();
    await rm(dir, { recursive: true, force: true });
  });

  it("loads a valid replacement, rejects an invalid one, and follows a rename into place", async () => {
    const events = recorder();
    ({ close } = watchCollection(file, { ...events, debounceMs: 20 }));

    await writeFile(file, json(post("b", "second")));
    const loaded = await events.next();
    expect("loaded" in loaded && loaded.loaded.collection.posts.map((p) => p.id)).toEqual(["b"]);

    await writeFile(file, json({ id: "bad id!", text: "" }));
    const rejected = await events.next();
    expect("rejected" in rejected && rejected.rejected.length).toBeGreaterThan(0);
    expect("rejected" in rejected && rejected.rejected.join("\n")).toContain("bad id!");

    // The way the importer writes: a temporary file in the same folder, renamed over the collection.
    const temporary = join(dir, ".posts.json.tmp");
    await writeFile(temporary, json(post("c", "third"), post("d", "fourth")));
    await rename(temporary, file);
    const renamed = await events.next();
    expect("loaded" in renamed && renamed.loaded.collection.posts.map((p) => p.id)).toEqual(["c", "d"]);

    // After a rename the new inode is still watched.
    await writeFile(file, json(post("e", "fifth")));
    const again = await events.next();
    expect("loaded" in again && again.loaded.collection.posts.map((p) => p.id)).toEqual(["e"]);
  });
});
