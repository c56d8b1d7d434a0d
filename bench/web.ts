/**
 * The web archive at scale, for BENCHMARKS.md: 100,000 generated posts, the real server on 127.0.0.1, and each
 * page asked for in turn over keep-alive (as a browser asks: gzip/br accepted), timed from request to last byte.
 * The server and the client share this process, so the figures include the client's own cost.
 */
import { loadavg } from "node:os";
import { createCollection } from "../src/library/collection.js";
import { createSearchIndex } from "../src/library/search.js";
import { startWebServer } from "../src/web/server.js";
import { createRng, createVocabulary, generatePosts, zipfWord } from "./synthetic.js";

export interface WebBench {
  posts: number;
  /** Per page kind: wall-clock p50 / p99 / max in ms, CPU p99, and the median compressed size in bytes. */
  pages: Record<
    string,
    { p50: number; p99: number; max: number; cpuP99: number; count: number; bytes: number }
  >;
  worstP99: number;
  worstCpuP99: number;
  /** The 1-minute load average before the run: other processes on a shared machine inflate wall-clock times. */
  load: number;
}

const CONTENT_RANK = 110;

export async function runWebBench({
  posts: size,
  requests,
}: {
  posts: number;
  requests: number;
}): Promise<WebBench> {
  const load = loadavg()[0]!;
  const vocab = createVocabulary();
  const posts = generatePosts(size, 42, vocab);
  const collection = createCollection(posts, { source: "bench", hash: "bench", loadedAt: new Date() });
  const library = { collection, index: createSearchIndex(posts) };
  const potd = [{ post: posts[0]!, localDate: "2026-11-30" }];
  const web = await startWebServer(
    {
      library: () => library,
      postsOfTheDay: () => potd,
      site: { name: "Curator", version: "bench", publicUrl: "https://x" },
    },
    { port: 0, host: "127.0.0.1" },
  );
  const rng = createRng(9);
  const word = () => zipfWord(rng, vocab, CONTENT_RANK);
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const topics = collection.topics.map((t) => t.name);
  const pages = Math.ceil(size / 20);
  const kinds: Record<string, () => string> = {
    "home (page 1)": () => "/",
    "home, a deep page": () => `/?page=${1 + Math.floor(Math.random() * pages)}`,
    post: () => `/p/${pick(posts).id}`,
    topic: () => `/t/${pick(topics)}`,
    "search, two words": () => `/search?q=${encodeURIComponent(`${word()} ${word()}`)}`,
    "search, page 3": () => `/search?q=${encodeURIComponent(word())}&page=3`,
    "suggest (as you type)": () => `/suggest?q=${encodeURIComponent(word().slice(0, 3))}`,
    "feed.xml": () => "/feed.xml",
  };
  const result: WebBench["pages"] = {};
  try {
    for (const [kind, path] of Object.entries(kinds)) {
      const ask = async (url: string) => {
        const cpu = process.cpuUsage();
        const started = performance.now();
        const response = await fetch(`${web.url}${url}`, { headers: { "accept-encoding": "br, gzip" } });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
        const used = process.cpuUsage(cpu);
        return {
          ms: performance.now() - started,
          cpuMs: (used.user + used.system) / 1000,
          bytes: body.byteLength,
        };
      };
      for (let i = 0; i < Math.min(100, requests); i++) await ask(path());
      const times: number[] = [];
      const cpus: number[] = [];
      const sizes: number[] = [];
      for (let i = 0; i < requests; i++) {
        const { ms, cpuMs, bytes } = await ask(path());
        times.push(ms);
        cpus.push(cpuMs);
        sizes.push(bytes);
      }
      result[kind] = {
        p50: quantile(times, 0.5),
        p99: quantile(times, 0.99),
        max: quantile(times, 1),
        cpuP99: quantile(cpus, 0.99),
        count: times.length,
        bytes: quantile(sizes, 0.5),
      };
    }
  } finally {
    await web.close();
  }
  const all = Object.values(result);
  return {
    posts: size,
    pages: result,
    worstP99: Math.max(...all.map((r) => r.p99)),
    worstCpuP99: Math.max(...all.map((r) => r.cpuP99)),
    load,
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));
}

/** The target row and the section of figures for BENCHMARKS.md. */
export function webReport(bench: WebBench): { targets: string[]; section: string[] } {
  const n = bench.posts.toLocaleString("en");
  return {
    targets: [
      `| web archive: p99 per page ≤ 20 ms, request to last byte (${n} posts) | ${bench.worstP99.toFixed(1)} ms (cpu p99 ${bench.worstCpuP99.toFixed(1)} ms) | ${bench.worstP99 <= 20 ? "pass" : "FAIL"} |`,
    ],
    section: [
      "## The web archive",
      "",
      `The real server (src/web) with ${n} generated posts on 127.0.0.1, one request at a time over keep-alive,`,
      "compression accepted; each kind is warmed up, then timed from the request to the last byte (bench/web.ts).",
      `CPU is the process's CPU time during the request (server and client together), which other processes do not`,
      `inflate. Load average (1 min) at the start: ${bench.load.toFixed(2)}.`,
      "",
      "| page | wall p50 / p99 / max (ms) | cpu p99 (ms) | requests | size (compressed) |",
      "|---|---:|---:|---:|---:|",
      ...Object.entries(bench.pages).map(
        ([kind, t]) =>
          `| ${kind} | ${t.p50} / ${t.p99} / ${t.max} | ${t.cpuP99} | ${t.count} | ${(t.bytes / 1024).toFixed(1)} KiB |`,
      ),
      "",
    ],
  };
}

// `tsx bench/web.ts [posts] [requests]`: this bench alone, printed as markdown.
if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = await runWebBench({
    posts: Number(process.argv[2] ?? 100_000),
    requests: Number(process.argv[3] ?? 500),
  });
  const { targets, section } = webReport(bench);
  process.stdout.write(`${[...targets, "", ...section].join("\n")}\n`);
}
