/**
 * Would a pool of search threads help on this machine? The same queries (the /search mix of bench/under-load.ts
 * and autocomplete prefixes) answered on the main thread, then split over 1 and 2 worker threads that each hold
 * their own copy of the library (started from the caches): queries per second of wall time and CPU per query.
 * An experiment for BENCHMARKS.md, not part of `npm run bench`:
 * `tsx bench/search-threads.ts <posts.json> [queries]` prints one JSON line.
 */
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { loadLibrary } from "../src/load-library.js";
import { queryWorkload } from "./library.js";
import { createVocabulary } from "./synthetic.js";

interface Job {
  file: string;
  queries: string[];
  prefixes: string[];
}

function answerAll(
  library: Awaited<ReturnType<typeof loadLibrary>>,
  job: Pick<Job, "queries" | "prefixes">,
): number {
  let found = 0;
  for (const q of job.queries) found += library.index.search(`${q} `).total;
  for (const p of job.prefixes) found += library.index.suggest(p).length;
  return found;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

if (!isMainThread) {
  const job = workerData as Job;
  const library = await loadLibrary(job.file);
  answerAll(library, { queries: job.queries.slice(0, 50), prefixes: job.prefixes.slice(0, 50) });
  parentPort!.postMessage("ready");
  parentPort!.once("message", () => {
    answerAll(library, job);
    parentPort!.postMessage("done");
  });
}

function startWorker(job: Job): Promise<Worker> {
  const worker = new Worker(
    `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(fileURLToPath(import.meta.url))}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true, workerData: job },
  );
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx bench/search-threads.ts <posts.json> [queries]");
  const count = Number(process.argv[3] ?? 600);
  const w = queryWorkload(createVocabulary(), count, 9);
  const kinds = [w.word, w.twoWords, w.typo];
  const queries = Array.from({ length: count }, (_, i) => kinds[i % 3]![Math.floor(i / 3)]!);
  const prefixes = w.prefix.slice(0, count);
  const load0 = loadavg();

  const library = await loadLibrary(file);
  answerAll(library, { queries: queries.slice(0, 50), prefixes: prefixes.slice(0, 50) });
  const c0 = cpuMs();
  const t0 = performance.now();
  answerAll(library, { queries, prefixes });
  const main = { wallMs: performance.now() - t0, cpuMs: cpuMs() - c0 };

  const pooled = async (threads: number) => {
    const share = (list: string[], i: number) => list.filter((_, k) => k % threads === i);
    const workers = await Promise.all(
      Array.from({ length: threads }, (_, i) =>
        startWorker({ file, queries: share(queries, i), prefixes: share(prefixes, i) }),
      ),
    );
    const c = cpuMs();
    const t = performance.now();
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            worker.once("message", resolve);
            worker.postMessage("go");
          }),
      ),
    );
    const figures = { wallMs: performance.now() - t, cpuMs: cpuMs() - c };
    await Promise.all(workers.map((worker) => worker.terminate()));
    return figures;
  };
  const one = await pooled(1);
  const two = await pooled(2);
  const answered = queries.length + prefixes.length;
  const rate = (f: { wallMs: number; cpuMs: number }) => ({
    perSecond: Math.round((answered / f.wallMs) * 1000),
    cpuMsPerQuery: Math.round((f.cpuMs / answered) * 100) / 100,
    wallMs: Math.round(f.wallMs),
  });
  process.stdout.write(
    `${JSON.stringify({
      file,
      answered,
      cores: cpus().length,
      mainThread: rate(main),
      oneWorker: rate(one),
      twoWorkers: rate(two),
      loadavg: { start: load0, end: loadavg() },
    })}\n`,
  );
}
