import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sniffFile } from "../../src/importers/detect.js";
import { diskFile } from "../../src/importers/input-file.js";
import { type ImportSummary, runImport } from "../../src/importers/run.js";
import { ImportError } from "../../src/importers/types.js";
import { loadCollection } from "../../src/library/load.js";
import { fixture, tempFolder } from "./helpers.js";

/** The real-format fixtures, and in each the file the mutation hits. */
const TARGETS: { archive: string; file: string }[] = [
  { archive: "x-archive", file: "data/tweets.js" },
  { archive: "x-archive", file: "data/note-tweet.js" },
  { archive: "mastodon", file: "outbox.json" },
  { archive: "mastodon", file: "actor.json" },
  { archive: "bluesky", file: "feed-page-1.json" },
  { archive: "bluesky-repo", file: "did:plc:abc123xyz/app.bsky.feed.post/3lroot0000001.json" },
  { archive: "generic", file: "posts.jsonl" },
];

const PREVIOUS = `${JSON.stringify(
  [{ id: "previous", text: "the last good collection", topics: [], links: [], mentions: [] }],
  null,
  2,
)}\n`;
const HUGE = "\u00e9🦊x".repeat(400_000);
const RUN_TIMEOUT_MS = 15_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "retype"; pick: number; value: Json }
  | { kind: "huge string value"; pick: number }
  | { kind: "huge string inserted"; at: number }
  | { kind: "drop a bracket"; pick: number };

const otherValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const where = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  where.map((at) => ({ kind: "truncate" as const, at })),
  fc.tuple(where, otherValue).map(([pick, value]) => ({ kind: "retype" as const, pick, value })),
  where.map((pick) => ({ kind: "huge string value" as const, pick })),
  where.map((at) => ({ kind: "huge string inserted" as const, at })),
  where.map((pick) => ({ kind: "drop a bracket" as const, pick })),
);

/** The JSON inside a file: X archives wrap theirs in `window.YTD.x.part0 = `; JSON Lines hold one per line. */
function splitJson(text: string): { before: string; docs: string[]; joiner: string } {
  const js = /^window\.[\w.]+ = /.exec(text);
  if (js) return { before: js[0], docs: [text.slice(js[0].length)], joiner: "" };
  if (!text.trimStart().startsWith("[") && text.includes("\n{")) {
    return { before: "", docs: text.split("\n"), joiner: "\n" };
  }
  return { before: "", docs: [text], joiner: "" };
}

/** Every value in a JSON tree with a setter, depth first. */
function slots(root: Json): { set: (value: Json) => void; value: Json }[] {
  const out: { set: (value: Json) => void; value: Json }[] = [];
  const walk = (node: Json) => {
    if (node === null || typeof node !== "object") return;
    for (const key of Object.keys(node)) {
      const container = node as Record<string, Json>;
      out.push({ value: container[key]!, set: (v) => (container[key] = v) });
      walk(container[key]!);
    }
  };
  walk(root);
  return out;
}

function mutateTree(text: string, pick: number, change: (value: Json) => Json | undefined): string {
  const { before, docs, joiner } = splitJson(text);
  const parsed = docs.map((doc) => {
    try {
      return JSON.parse(doc) as Json;
    } catch {
      return undefined;
    }
  });
  const all = parsed.flatMap((tree) => (tree === undefined ? [] : slots(tree)));
  const candidates = all.filter((slot) => change(slot.value) !== undefined);
  const slot = candidates[Math.floor(pick * candidates.length)];
  if (!slot) return text;
  slot.set(change(slot.value)!);
  return (
    before +
    docs.map((doc, i) => (parsed[i] === undefined ? doc : JSON.stringify(parsed[i], null, 2))).join(joiner)
  );
}

function mutate(text: string, m: Mutation): string {
  const at = (fraction: number) => Math.floor(fraction * text.length);
  switch (m.kind) {
    case "truncate":
      return text.slice(0, at(m.at));
    case "retype":
      return mutateTree(text, m.pick, (value) =>
        typeof value === typeof m.value && Array.isArray(value) === Array.isArray(m.value)
          ? undefined
          : m.value,
      );
    case "huge string value":
      return mutateTree(text, m.pick, (value) => (typeof value === "string" ? HUGE : undefined));
    case "huge string inserted":
      return text.slice(0, at(m.at)) + HUGE + text.slice(at(m.at));
    case "drop a bracket": {
      const brackets = [...text.matchAll(/[[\]{}]/g)].map((match) => match.index);
      const index = brackets[Math.floor(m.pick * brackets.length)];
      return index === undefined ? text : text.slice(0, index) + text.slice(index + 1);
    }
  }
}

/** Records a run accounts for: imported plus skipped (a joined thread counts once). */
const accounted = (s: ImportSummary) => s.imported + [...s.skipped.values()].reduce((a, b) => a + b, 0);
const baselines = new Map<string, number>();

async function baseline(archive: string): Promise<number> {
  let known = baselines.get(archive);
  if (known === undefined) {
    const folder = await tempFolder();
    known = accounted(await runImport({ input: fixture(archive), out: join(folder, "posts.json") }));
    baselines.set(archive, known);
  }
  return known;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still running after ${ms} ms (a hang)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe("importing mutated real-format archives", () => {
  it("imports what it can with skips counted, or fails naming the file, never hangs, never leaves a broken collection", async () => {
    const outcomes = { imported: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGETS), mutation, async (target, m) => {
        const folder = await tempFolder();
        const input = join(folder, target.archive);
        await cp(fixture(target.archive), input, { recursive: true });
        const file = join(input, target.file);
        const original = await readFile(file, "utf8");
        const before = await sniffFile(diskFile(file));
        await writeFile(file, mutate(original, m));
        // A file cut before its format's marker is no longer recognised: the known gap tested on its own below.
        const recognised = (await sniffFile(diskFile(file))) === before;
        const outFolder = join(folder, "out");
        await mkdir(outFolder);
        const out = join(outFolder, "posts.json");
        await writeFile(out, PREVIOUS);

        const label = `${m.kind} in ${target.archive}/${target.file}`;
        let failure: unknown;
        const summary = await withTimeout(
          runImport({ input, out, replace: true }),
          RUN_TIMEOUT_MS,
          label,
        ).catch((error: unknown) => {
          failure = error;
          return undefined;
        });
        if (summary) {
          outcomes.imported++;
          // A complete, valid collection: the loader refuses anything else.
          const collection = await loadCollection(out);
          expect(collection.posts.length, label).toBe(summary.imported);
          for (const n of summary.skipped.values()) expect(n, label).toBeGreaterThan(0);
          // Records never vanish silently: each is imported or counted as skipped. (JSON Lines cut short simply
          // hold fewer records.)
          if (recognised && !target.file.endsWith(".jsonl"))
            expect(
              accounted(summary),
              `${label}: ${JSON.stringify([...summary.skipped])}`,
            ).toBeGreaterThanOrEqual(await baseline(target.archive));
        } else {
          outcomes.failed++;
          expect(failure, `${label}: ${String(failure)}`).toBeInstanceOf(ImportError);
          const message = (failure as Error).message;
          // Names the file (or, when the file is no longer recognised at all, the archive).
          expect(
            message.includes(file) || (!recognised && message.startsWith(`${input}:`)),
            `${label}: ${message}`,
          ).toBe(true);
          expect(await readFile(out, "utf8"), label).toBe(PREVIOUS);
        }
        // No temporary file left behind either way.
        expect(await readdir(outFolder), label).toEqual(["posts.json"]);
      }),
      { numRuns: 100, seed: 4242, endOnFailure: true },
    );
    expect(outcomes.imported, "some mutations leave an importable archive").toBeGreaterThan(0);
    expect(outcomes.failed, "some mutations break the archive").toBeGreaterThan(0);
  }, 120_000);

  // Formats are recognised from a file's first bytes: a tweets.js damaged right after its name must still be
  // read, and reported, rather than skipped like an unknown file (the archive would import without its tweets).
  it("reports an X archive's tweets.js damaged before its marker instead of importing without it", async () => {
    const folder = await tempFolder();
    const input = join(folder, "x-archive");
    await cp(fixture("x-archive"), input, { recursive: true });
    const tweets = join(input, "data", "tweets.js");
    await writeFile(tweets, (await readFile(tweets, "utf8")).replace("[", ""));
    const out = join(folder, "posts.json");
    const outcome = await runImport({ input, out }).then(
      (summary) => [...summary.skipped.keys()].join(", "),
      (error: Error) => error.message,
    );
    expect(outcome).toContain("tweets.js");
  });
});
