/**
 * The web archive at scale, for BENCHMARKS.md: 100,000 generated posts, the real server on 127.0.0.1, and each
 * page asked for in turn over keep-alive (as a browser asks: gzip/br accepted), timed from request to last byte.
 * The server and the client share this process, so the figures include the client's own cost: kept small with
 * node:http and the body left compressed (decoding it is the browser's work, not the server's).
 */
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { constants, type PerformanceEntry, PerformanceObserver } from "node:perf_hooks";
import { createCollection } from "../src/library/collection.js";
import { createSearchIndex } from "../src/library/search.js";
import { startWebServer } from "../src/web/server.js";
import { createRng, createVocabulary, generatePosts, zipfWord } from "./synthetic.js";

export interface WebBench {
  posts: number;
  /**
   * Per page kind: wall-clock p50 / p99 / max in ms, CPU p50 / p99, the median size as sent (compressed) in bytes,
   * how many distinct addresses were asked for (each is rendered once, then served from the page cache), and the
   * garbage collector's pauses during the timed requests (count, longest, total in ms).
   */
  pages: Record<
    string,
    {
      p50: number;
      p99: number;
      max: number;
      cpuP50: number;
      cpuP99: number;
      count: number;
      distinct: number;
      bytes: number;
      gc: { count: number; major: number; max: number; total: number };
    }
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
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  /** The bytes of the response as sent; throws unless it is a 200. */
  const get = (url: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        `${web.url}${url}`,
        { agent, headers: { "accept-encoding": "br, gzip" } },
        (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.on("end", () =>
            response.statusCode === 200
              ? resolve(bytes)
              : reject(new Error(`${url}: ${response.statusCode}`)),
          );
          response.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    });
  const result: WebBench["pages"] = {};
  let pauses: number[] = [];
  let majors = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      pauses.push(entry.duration);
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
    }
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  try {
    for (const [kind, path] of Object.entries(kinds)) {
      const ask = async (url: string) => {
        const cpu = process.cpuUsage();
        const started = performance.now();
        const bytes = await get(url);
        const used = process.cpuUsage(cpu);
        return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes };
      };
      const urls = new Set<string>();
      const next = () => {
        const url = path();
        urls.add(url);
        return url;
      };
      for (let i = 0; i < Math.min(100, requests); i++) await ask(next());
      const times: number[] = [];
      const cpus: number[] = [];
      const sizes: number[] = [];
      await new Promise((resolve) => setImmediate(resolve)); // the warm-up's GC entries arrive first
      pauses = [];
      majors = 0;
      for (let i = 0; i < requests; i++) {
        const { ms, cpuMs, bytes } = await ask(next());
        times.push(ms);
        cpus.push(cpuMs);
        sizes.push(bytes);
      }
      await new Promise((resolve) => setImmediate(resolve));
      result[kind] = {
        p50: quantile(times, 0.5),
        p99: quantile(times, 0.99),
        max: quantile(times, 1),
        cpuP50: quantile(cpus, 0.5),
        cpuP99: quantile(cpus, 0.99),
        count: times.length,
        distinct: urls.size,
        bytes: quantile(sizes, 0.5),
        gc: {
          count: pauses.length,
          major: majors,
          max: pauses.length === 0 ? 0 : Number(Math.max(...pauses).toFixed(2)),
          total: Number(pauses.reduce((a, b) => a + b, 0).toFixed(1)),
        },
      };
    }
  } finally {
    gcObserver.disconnect();
    agent.destroy();
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
      `inflate. Load average (1 min) at the start: ${bench.load.toFixed(2)}. Addresses are drawn at random: "distinct"`,
      "is how many different ones were asked for, each rendered once and then served from the page cache. GC is the",
      "collector's pauses during the timed requests: count (of which major, mark-compact), longest and total (ms).",
      "",
      "| page | wall p50 / p99 / max (ms) | cpu p50 / p99 (ms) | requests (distinct) | GC pauses: n (major), max, total | size (sent) |",
      "|---|---:|---:|---:|---:|---:|",
      ...Object.entries(bench.pages).map(
        ([kind, t]) =>
          `| ${kind} | ${t.p50} / ${t.p99} / ${t.max} | ${t.cpuP50} / ${t.cpuP99} | ${t.count} (${t.distinct}) | ${t.gc.count} (${t.gc.major}), ${t.gc.max}, ${t.gc.total} | ${(t.bytes / 1024).toFixed(1)} KiB |`,
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
