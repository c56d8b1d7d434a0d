/**
 * Running at scale, measured: interaction latency over HTTP and over the gateway in the same bot process under the
 * same load, and start-up (time to ready, RSS) of the compiled bot (`npm start`, `node dist/`) against tsx.
 * `npx tsx bench/scale.ts [posts] [interactions] [shard sizes, e.g. 100000,1000000]` prints the BENCHMARKS.md section.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_ID, connectedTo, defaultGuilds, startBotProcess, TOKEN } from "../test/e2e/bot-process.js";
import { startFakeDiscord } from "../test/fake-discord/index.js";
import { PLAY_CHANNEL, percentile, round, rssKiB, seededRandom } from "./bot-harness.js";
import { queryWorkload } from "./library.js";
import { createVocabulary, generatePosts } from "./synthetic.js";

export interface ScaleBenchOptions {
  posts: number;
  /** Interactions per transport (half /search, half autocomplete), sent interleaved. */
  interactions: number;
  /** Start-ups per way of starting; the median is kept. */
  startups: number;
  /** Collection sizes at which to measure a host's memory for 16 shards. */
  shardSizes: number[];
}

const ms = (times: number[]) => `${round(percentile(times, 50), 1)} / ${round(percentile(times, 99), 1)}`;

export async function runScaleBench(options: ScaleBenchOptions): Promise<{ section: string[] }> {
  const load = loadavg()[0]!;
  const folder = await mkdtemp(join(tmpdir(), "curator-scale-bench-"));
  try {
    const vocab = createVocabulary();
    const collection = join(folder, "posts.json");
    await writeFile(collection, JSON.stringify(generatePosts(options.posts, 42, vocab)));
    const latency = await transports(collection, vocab, options.interactions);
    const startups = await startupFigures(collection, options.startups);
    const shards = [];
    for (const size of options.shardSizes) {
      const file = size === options.posts ? collection : join(folder, `posts-${size}.json`);
      if (file !== collection) await writeFile(file, JSON.stringify(generatePosts(size, 42, vocab)));
      shards.push({ size, ...(await shardMemory(file)) });
      if (file !== collection) await rm(file);
    }
    const mb = (kib: number) => `${Math.round(kib / 1024).toLocaleString("en")} MB`;
    const section = [
      "## Running at scale: HTTP interactions, compiled JavaScript",
      "",
      `Measured by bench/scale.ts (part of \`npm run bench\`): ${options.posts.toLocaleString("en")} synthetic posts, the fake`,
      `Discord on 127.0.0.1, the real bot process; load average ${load.toFixed(1)} on ${cpus().length} cores at the start (every latency`,
      "is wall-clock across three processes, so a busy machine inflates it; compare the columns, not the runs).",
      "",
      `Interaction latency, p50 / p99 in ms, one bot process with CURATOR_ROLES=gateway,http (started as`,
      `\`npm start\`), ${options.interactions} interactions per transport, one at a time, the two transports interleaved`,
      "so both see the same load. Gateway: INTERACTION_CREATE sent to the callback POST received. HTTP: signed POST",
      "sent to its HTTP response received (Ed25519 verification included).",
      "",
      "| | gateway | HTTP |",
      "|---|---:|---:|",
      `| /search | ${ms(latency.gateway.search)} | ${ms(latency.http.search)} |`,
      `| autocomplete | ${ms(latency.gateway.autocomplete)} | ${ms(latency.http.autocomplete)} |`,
      `| all | ${ms([...latency.gateway.search, ...latency.gateway.autocomplete])} | ${ms([...latency.http.search, ...latency.http.autocomplete])} |`,
      "",
      `Start-up, median of ${options.startups}: spawn to the "scheduler started" log (collection loaded, index built or`,
      "read from its cache, logged in, guilds received), and RSS once ready. `npm start` adds npm's own process,",
      "which stays as the bot's parent.",
      "",
      "| | time to ready | bot RSS | npm's RSS |",
      "|---|---:|---:|---:|",
      ...startups.map(
        (s) =>
          `| ${s.label} | ${s.readyMs} ms | ${Math.round(s.rssKiB / 1024)} MB | ${s.npmRssKiB ? `${Math.round(s.npmRssKiB / 1024)} MB` : "—"} |`,
      ),
      "",
      "Memory per host for 16 shards (`node dist/src/main.js`, RSS once ready). Before: `start:sharded` ran one",
      "process per shard, each with its own collection and index; that is 16 times one process holding one shard",
      "(measured: SHARD_IDS=0 SHARD_COUNT=16). After: one process holding the 16 (SHARD_IDS=0-15).",
      "",
      `| | ${shards.map((m) => `${m.size.toLocaleString("en")} posts`).join(" | ")} |`,
      `|---|${shards.map(() => "---:").join("|")}|`,
      `| one process, one shard of 16 | ${shards.map((m) => mb(m.oneShardKiB)).join(" | ")} |`,
      `| before: 16 processes (16 × the above) | ${shards.map((m) => mb(16 * m.oneShardKiB)).join(" | ")} |`,
      `| after: one process, 16 shards | ${shards.map((m) => mb(m.allShardsKiB)).join(" | ")} |`,
      "",
    ];
    return { section };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function transports(collection: string, vocab: ReturnType<typeof createVocabulary>, count: number) {
  const fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: defaultGuilds(),
    heartbeatIntervalMs: 1000,
  });
  const bot = startBotProcess(
    {
      ...botEnv(fake.restUrl, collection),
      CURATOR_ROLES: "gateway,http",
      INTERACTIONS_PORT: "0",
      INTERACTIONS_HOST: "127.0.0.1",
      DISCORD_PUBLIC_KEY: fake.publicKey,
    },
    "",
    ["npm", ["start", "--silent"]],
  );
  try {
    const ready = await bot.waitForLog("interactions endpoint listening", 300_000);
    await bot.waitForLog("ready (no scheduler in this process)", 60_000);
    fake.setInteractionUrls([`http://127.0.0.1:${ready.port}/interactions`]);
    const workload = queryWorkload(vocab, count);
    const random = seededRandom(7);
    const search = (i: number) =>
      fake.slashCommand({ name: "search", options: { query: workload.word[i]! }, channelId: PLAY_CHANNEL });
    const complete = (i: number) =>
      fake.autocomplete({
        name: "search",
        options: { query: workload.prefix[i]! },
        focused: "query",
        channelId: PLAY_CHANNEL,
      });
    const times = {
      gateway: { search: [] as number[], autocomplete: [] as number[] },
      http: { search: [] as number[], autocomplete: [] as number[] },
    };
    const warmup = 30;
    for (let i = 0; i < count + warmup; i++) {
      const kind = i % 2 === 0 ? "search" : "autocomplete";
      const payloads = [0, 1].map(() => (kind === "search" ? search(i % count) : complete(i % count)));
      // Which transport goes first is drawn, so neither always runs on a warmer cache.
      const order = random() < 0.5 ? (["gateway", "http"] as const) : (["http", "gateway"] as const);
      for (const [n, transport] of order.entries()) {
        const from = performance.now();
        if (transport === "gateway") await fake.sendInteraction(payloads[n]!, { timeoutMs: 5000 });
        else await fake.postInteraction(payloads[n]!, { timeoutMs: 5000 });
        if (i >= warmup) times[transport][kind].push(performance.now() - from);
      }
    }
    return times;
  } finally {
    await bot.stop("SIGTERM");
    await fake.stop();
  }
}

function botEnv(restUrl: string, collection: string): Record<string, string> {
  return {
    ...connectedTo(restUrl),
    CURATOR_DB: ":memory:",
    COLLECTION_PATH: collection,
    LOG_LEVEL: "info",
  };
}

async function startupFigures(collection: string, runs: number) {
  const ways: { label: string; command: [string, string[]] }[] = [
    {
      label: "before: `tsx src/main.ts` (the old `npm start`)",
      command: [process.execPath, ["--import", "tsx", "src/main.ts"]],
    },
    { label: "after: `node dist/src/main.js`", command: [process.execPath, ["dist/src/main.js"]] },
    { label: "after: `npm start` (launcher, dist/ up to date)", command: ["npm", ["start", "--silent"]] },
  ];
  const figures = [];
  for (const way of ways) {
    const samples: { readyMs: number; rssKiB: number; npmRssKiB: number | undefined }[] = [];
    for (let run = 0; run < runs; run++) {
      const fake = await startFakeDiscord({
        token: TOKEN,
        applicationId: APP_ID,
        guilds: defaultGuilds(),
        heartbeatIntervalMs: 1000,
      });
      const from = performance.now();
      const bot = startBotProcess(botEnv(fake.restUrl, collection), "", way.command);
      try {
        const ready = await bot.waitForLog("scheduler started", 300_000);
        const readyMs = Math.round(performance.now() - from);
        const pid = ready.pid as number;
        samples.push({
          readyMs,
          rssKiB: rssKiB(pid) ?? 0,
          npmRssKiB: pid === bot.child.pid ? undefined : rssKiB(bot.child.pid),
        });
      } finally {
        await bot.stop("SIGTERM");
        await fake.stop();
      }
    }
    samples.sort((a, b) => a.readyMs - b.readyMs);
    figures.push({ label: way.label, ...samples[Math.floor(samples.length / 2)]! });
  }
  return figures;
}

/** RSS of one process holding one shard of 16, and of one holding all 16. */
async function shardMemory(collection: string) {
  const rss = async (shardIds: string) => {
    const fake = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP_ID,
      guilds: defaultGuilds(),
      shards: 16,
      heartbeatIntervalMs: 1000,
    });
    const env = { ...botEnv(fake.restUrl, collection), SHARD_IDS: shardIds, SHARD_COUNT: "16" };
    const bot = startBotProcess(env, "", [process.execPath, ["dist/src/main.js"]]);
    try {
      const ready = await bot.waitForLog("scheduler started", 900_000);
      return rssKiB(ready.pid as number) ?? 0;
    } finally {
      await bot.stop("SIGTERM");
      await fake.stop();
    }
  };
  return { oneShardKiB: await rss("0"), allShardsKiB: await rss("0-15") };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const posts = Number(process.argv[2] ?? 10_000);
  const interactions = Number(process.argv[3] ?? 300);
  const shardSizes = (process.argv[4] ?? String(posts)).split(",").map(Number);
  const { section } = await runScaleBench({ posts, interactions, startups: 3, shardSizes });
  console.log(section.join("\n"));
}
