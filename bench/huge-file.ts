/**
 * A collection beyond V8's string limit: 2,000,000 ordinary tweets with their metadata (author, url, date, day,
 * tweet id), about 1.1 GB of JSON and more than 0x1fffffe8 characters, so no code that reads the file into one
 * string can load it. The file is streamed to disk as it is generated; then a fresh process starts the library
 * from it cold (no caches) as `src/main.ts` does, and answers a search (bench/library-start.ts). Only the full
 * `npm run bench` runs it, never `npm test`. `tsx bench/huge-file.ts [posts]` prints the figures as JSON.
 */
import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Post } from "../src/library/post.js";
import { createRng, createVocabulary, generatePost } from "./synthetic.js";

/** V8's longest string (0x1fffffe8 UTF-16 code units on 64-bit): the file must not fit in one. */
export const V8_MAX_STRING = 0x1fffffe8;
const BATCH = 2_000;
const here = fileURLToPath(new URL(".", import.meta.url));
const run = promisify(execFile);

/** A synthetic post dressed as an imported tweet: who wrote it, where it lives, when, and its tweet id. */
function tweet(post: Post, index: number): Post {
  const author = `user${(index * 7919) % 50_000}`;
  const tweetId = (1_300_000_000_000_000_000n + BigInt(index) * 9_973n).toString();
  const at = new Date(Date.UTC(2015, 0, 1) + index * 97_000);
  return {
    ...post,
    author: `@${author}`,
    url: `https://x.com/${author}/status/${tweetId}`,
    createdAt: at.toISOString().replace(".000Z", "Z"),
    day: at.toISOString().slice(5, 10),
    sourceId: tweetId,
  };
}

/** Writes `count` tweets as a JSON array, batch by batch with back-pressure; returns its size in bytes and characters. */
export async function writeTweets(
  path: string,
  count: number,
  seed = 42,
): Promise<{ bytes: number; chars: number }> {
  const vocab = createVocabulary();
  const rng = createRng(seed);
  const out = createWriteStream(path);
  let chars = 0;
  const write = async (chunk: string) => {
    chars += chunk.length;
    if (!out.write(chunk)) await once(out, "drain");
  };
  await write("[");
  for (let from = 0; from < count; from += BATCH) {
    const parts: string[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++)
      parts.push(JSON.stringify(tweet(generatePost(rng, vocab, i), i)));
    await write(`${from === 0 ? "" : ",\n"}${parts.join(",\n")}`);
  }
  await write("]\n");
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { bytes: (await stat(path)).size, chars };
}

export interface HugeFileFigures {
  posts: number;
  fileMB: number;
  chars: number;
  generateS: number;
  /** The cold start of a fresh process (bench/library-start.ts): read, parse, validate, index, first search. */
  start: { ms: number; cpuMs: number; answered: boolean; rssMB: number; peakRssMB: number; heapMB: number };
  loadavg: { start: number[]; end: number[] };
}

export async function runHugeFileBench(posts = 2_000_000): Promise<HugeFileFigures> {
  const load0 = loadavg();
  const folder = await mkdtemp(join(tmpdir(), "curator-huge-"));
  try {
    const file = join(folder, "posts.json");
    const t0 = performance.now();
    const { bytes, chars } = await writeTweets(file, posts);
    const generateS = (performance.now() - t0) / 1000;
    if (posts >= 2_000_000 && chars <= V8_MAX_STRING)
      throw new Error(`${chars} characters fit in one V8 string: not the case this bench is for`);
    const { stdout } = await run(
      process.execPath,
      ["--expose-gc", "--import", "tsx", join(here, "library-start.ts"), file],
      { maxBuffer: 1024 * 1024, timeout: 2 * 60 * 60 * 1000 },
    );
    const start = JSON.parse(stdout) as HugeFileFigures["start"] & { problems: string[] };
    if (!start.answered) throw new Error("the library started from the huge file answered no search");
    return {
      posts,
      fileMB: bytes / 1e6,
      chars,
      generateS,
      start,
      loadavg: { start: load0, end: loadavg() },
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function hugeFileReport(r: HugeFileFigures): { targets: string[]; section: string[] } {
  const n = (value: number) => value.toLocaleString("en");
  return {
    targets: [
      `| ${n(r.posts)} posts / ${(r.fileMB / 1000).toFixed(2)} GB of JSON (${n(r.chars)} characters, over V8's ${n(V8_MAX_STRING)}): start and answer | started cold in ${(r.start.ms / 1000).toFixed(1)} s (CPU ${(r.start.cpuMs / 1000).toFixed(1)} s), peak RSS ${Math.round(r.start.peakRssMB)} MB, answered | ${r.start.answered ? "pass" : "FAIL"} |`,
    ],
    section: [
      "## A collection beyond V8's string limit (bench/huge-file.ts)",
      "",
      `${n(r.posts)} synthetic tweets with author, url, date, day and tweet id, streamed to a ${(r.fileMB / 1000).toFixed(2)} GB file`,
      `(${n(r.chars)} characters) in ${r.generateS.toFixed(0)} s; a fresh process started the library from it cold, as`,
      "`src/main.ts` does (streamed load, validation, index, both caches written), and answered a search.",
      "",
      "| start: wall | CPU | RSS after (full GC) | peak RSS | JS heap |",
      "|---:|---:|---:|---:|---:|",
      `| ${(r.start.ms / 1000).toFixed(1)} s | ${(r.start.cpuMs / 1000).toFixed(1)} s | ${Math.round(r.start.rssMB)} MB | ${Math.round(r.start.peakRssMB)} MB | ${Math.round(r.start.heapMB)} MB |`,
      "",
      `Load average ${r.loadavg.start.map((l) => l.toFixed(2)).join(", ")} at start, ${r.loadavg.end.map((l) => l.toFixed(2)).join(", ")} at end.`,
      "",
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runHugeFileBench(Number(process.argv[2] ?? 2_000_000)), null, 2));
}
