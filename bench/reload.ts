/**
 * Replies during a hot reload: while a collection of N posts reloads, a simulated interaction (one search on
 * the library being served) is due every 5 ms; its latency is how late it finishes after it was due. The
 * reload runs on the main thread (as before) or in the worker (src/reload/load-in-worker.ts).
 * `tsx bench/reload.ts <size> [worker|main]` prints one JSON line.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Library } from "../src/discord/context.js";
import { loadLibrary } from "../src/load-library.js";
import { loadLibraryInWorker } from "../src/reload/load-in-worker.js";
import { createVocabulary, generatePosts } from "./synthetic.js";

const INTERVAL_MS = 5;

export interface ReloadResult {
  size: number;
  mode: "worker" | "main";
  reloadMs: number;
  interactions: number;
  p50: number;
  p99: number;
  max: number;
}

export async function measureReload(size: number, mode: "worker" | "main"): Promise<ReloadResult> {
  const dir = await mkdtemp(join(tmpdir(), "curator-reload-bench-"));
  try {
    const vocab = createVocabulary();
    const file = join(dir, "posts.json");
    await writeFile(
      file,
      `[${generatePosts(size, 42, vocab)
        .map((p) => JSON.stringify(p))
        .join(",\n")}]`,
    );
    // The library being served: a small one, so the searches themselves cost little and delays show.
    const small = join(dir, "small.json");
    await writeFile(small, JSON.stringify(generatePosts(1_000, 7, vocab)));
    let library: Library = await loadLibrary(small);
    const words = ["the", "learning", "kernel", "a", "of"];
    const latencies: number[] = [];
    let due = performance.now() + INTERVAL_MS;
    let stop = false;
    const tick = () => {
      if (stop) return;
      const now = performance.now();
      // Every interaction that fell due while the thread was busy is answered now, as late as it is.
      while (due <= now) {
        library.index.search(words[latencies.length % words.length]!);
        latencies.push(performance.now() - due);
        due += INTERVAL_MS;
      }
      setTimeout(tick, Math.max(0, due - performance.now()));
    };
    setTimeout(tick, INTERVAL_MS);
    const start = performance.now();
    library =
      mode === "worker"
        ? (await loadLibraryInWorker(file, join(dir, ".cache"))).library
        : await loadLibrary(file);
    const reloadMs = performance.now() - start;
    stop = true;
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    if (library.collection.posts.length !== size) throw new Error("the reload lost posts");
    return { size, mode, reloadMs, interactions: latencies.length, p50: at(0.5), p99: at(0.99), max: at(1) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = Number(process.argv[2]);
  const mode = process.argv[3] === "main" ? "main" : "worker";
  process.stdout.write(`${JSON.stringify(await measureReload(size, mode))}\n`);
}
