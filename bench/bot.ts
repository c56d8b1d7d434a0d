/**
 * The real bot (child process, as `npm start`) serving a synthetic 100k-post collection to the fake Discord:
 * time from INTERACTION_CREATE sent to the interaction callback received, for /search and autocomplete, one
 * interaction at a time. `npx tsx bench/bot.ts [posts]` prints the figures as JSON.
 */
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Latency, latency, PLAY_CHANNEL, round, rssKiB, startBotAgainstFake } from "./bot-harness.js";
import { queryWorkload } from "./library.js";
import { createVocabulary, generatePosts } from "./synthetic.js";

export interface BotBenchOptions {
  posts?: number;
  searches?: number;
  autocompletes?: number;
  /** Interactions of each kind sent first and not measured. */
  warmup?: number;
  seed?: number;
}

export interface BotBenchFigures {
  posts: number;
  collectionMiB: number;
  /** From spawning the bot to its "scheduler started" log (load, index, login, guilds). */
  startupMs: number;
  /** Milliseconds from INTERACTION_CREATE sent to the callback received. */
  search: Latency;
  autocomplete: Latency;
  /** Searches answered with results (the others: "no match"), autocompletes with at least one choice. */
  withResults: { search: number; autocomplete: number };
  /** Interactions without a callback within 5 s. */
  unanswered: number;
  rssKiB: number;
  /** The target of the brief: p99 of both within 20 ms. */
  p99Within20ms: boolean;
}

export async function runBotBench(options: BotBenchOptions = {}): Promise<BotBenchFigures> {
  const size = options.posts ?? 100_000;
  const vocab = createVocabulary();
  const folder = await mkdtemp(join(tmpdir(), "curator-bot-bench-"));
  const path = join(folder, "posts.json");
  await writeFile(path, JSON.stringify(generatePosts(size, options.seed ?? 42, vocab)));
  const collectionMiB = round((await stat(path)).size / 2 ** 20, 1);

  const spawned = performance.now();
  const { fake, bot, stop } = await startBotAgainstFake({
    env: { COLLECTION_PATH: path },
    readyLog: "scheduler started",
    readyTimeoutMs: 300_000,
  }).catch(async (error: unknown) => {
    await rm(folder, { recursive: true, force: true });
    throw error;
  });
  const startupMs = Math.round(performance.now() - spawned);

  const workload = queryWorkload(vocab, Math.max(options.searches ?? 1000, options.autocompletes ?? 1000));
  // One full word, two words, a word with a typo, in turn.
  const kinds = [workload.word, workload.twoWords, workload.typo];
  const searches = Array.from(
    { length: options.searches ?? 1000 },
    (_, i) => kinds[i % 3]![Math.floor(i / 3)]!,
  );
  const prefixes = workload.prefix.slice(0, options.autocompletes ?? 1000);
  const warmup = options.warmup ?? 50;
  let unanswered = 0;
  let hits = 0;

  async function timeAll(payloads: (() => ReturnType<typeof fake.slashCommand>)[]): Promise<number[]> {
    const times: number[] = [];
    for (const make of payloads) {
      const payload = make();
      const from = performance.now();
      try {
        const body = (await fake.sendInteraction(payload, { timeoutMs: 5_000 })) as {
          data?: { flags?: number; choices?: unknown[] };
        };
        times.push(performance.now() - from);
        if (body.data?.choices ? body.data.choices.length > 0 : !body.data?.flags) hits++;
      } catch {
        unanswered++;
      }
    }
    return times;
  }
  const search = (query: string) => () =>
    fake.slashCommand({ name: "search", options: { query }, channelId: PLAY_CHANNEL });
  const complete = (prefix: string) => () =>
    fake.autocomplete({
      name: "search",
      options: { query: prefix },
      focused: "query",
      channelId: PLAY_CHANNEL,
    });

  try {
    await timeAll(searches.slice(0, warmup).map(search));
    await timeAll(prefixes.slice(0, warmup).map(complete));
    hits = 0;
    const searchTimes = await timeAll(searches.map(search));
    const searchHits = hits;
    hits = 0;
    const autocompleteTimes = await timeAll(prefixes.map(complete));
    const figures = {
      posts: size,
      collectionMiB,
      startupMs,
      search: latency(searchTimes),
      autocomplete: latency(autocompleteTimes),
      withResults: { search: searchHits, autocomplete: hits },
      unanswered,
      rssKiB: rssKiB(bot.child.pid) ?? 0,
    };
    return { ...figures, p99Within20ms: figures.search.p99 <= 20 && figures.autocomplete.p99 <= 20 };
  } finally {
    await stop();
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const posts = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(await runBotBench({ posts }), null, 2));
}
