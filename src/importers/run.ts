import { access, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { loadCollection } from "../library/load.js";
import { type Post, PostSchema } from "../library/post.js";
import { findSources } from "./sources.js";
import { detach } from "./text-utils.js";
import { joinThreads } from "./threads.js";
import { ImportError } from "./types.js";
import { writeJsonArrayAtomically } from "./write.js";

export interface ImportOptions {
  input: string;
  out: string;
  merge?: boolean;
  author?: string;
  /** Defaults to LOADER_CHECK_MAX_BYTES. */
  loaderCheckMaxBytes?: number;
  /**
   * Called often with the number of records read so far: first while scanning for threads, then while
   * importing (sources with threads are read twice). The caller throttles.
   */
  onProgress?: (records: number, phase: "scanning" | "importing") => void;
}

export interface ImportSummary {
  formats: string[];
  imported: number;
  /** Posts that were already in the collection (with --merge) and were kept. */
  kept: number;
  threadsJoined: number;
  skipped: Map<string, number>;
  dateRange?: { from: string; to: string };
  /** The output was too big to be loaded once more as a whole; it was validated post by post only. */
  checkedByStreamOnly?: boolean;
}

/** Above this, loading the written file again to check it would need gigabytes: see ImportSummary. */
export const LOADER_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** Imports `input` into the collection `out`; the file is replaced only by a complete, valid collection. */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const { sources, formats } = await findSources(options.input, options.author);
  const existing =
    options.merge && (await exists(options.out)) ? (await loadCollection(options.out)).posts : [];
  const summary: ImportSummary = {
    formats,
    imported: 0,
    kept: existing.length,
    threadsJoined: 0,
    skipped: new Map(),
  };
  const ids = new Set(existing.map((p) => p.id));
  const sourceIds = new Set(existing.flatMap((p) => (p.sourceId === undefined ? [] : [p.sourceId])));
  const count = (reason: string) => summary.skipped.set(reason, (summary.skipped.get(reason) ?? 0) + 1);
  let from: number | undefined;
  let to: number | undefined;

  async function* posts(): AsyncIterable<Post> {
    yield* existing;
    let read = 0;
    for (const source of sources) {
      const onScan = (scanned: number) => options.onProgress?.(scanned, "scanning");
      for await (const item of joinThreads(source, summary, onScan)) {
        options.onProgress?.(++read, "importing");
        if ("skip" in item) {
          count(item.skip);
          continue;
        }
        const parsed = PostSchema.safeParse(item.piece.post);
        if (!parsed.success) {
          count(`invalid ${parsed.error.issues[0]?.path.join(".") || "record"}`);
          continue;
        }
        const post = parsed.data;
        if (ids.has(post.id) || (post.sourceId !== undefined && sourceIds.has(post.sourceId))) {
          count(options.merge ? "already in the collection" : "duplicate");
          continue;
        }
        ids.add(detach(post.id));
        if (post.sourceId !== undefined) sourceIds.add(detach(post.sourceId));
        if (post.createdAt !== undefined) {
          const time = Date.parse(post.createdAt);
          if (from === undefined || time < from) from = time;
          if (to === undefined || time > to) to = time;
        }
        summary.imported++;
        yield post;
      }
    }
  }

  const folder = dirname(options.out);
  if (!(await exists(folder))) throw new ImportError(`${options.out}: the folder ${folder} does not exist`);
  await writeJsonArrayAtomically(options.out, posts(), async (temporary) => {
    if (summary.imported + summary.kept === 0)
      throw new ImportError(
        `${options.input}: no posts to import${describeSkipped(summary.skipped, " (", ")")}`,
      );
    // Every post was validated with PostSchema and ids were checked for duplicates on the way; the
    // loader (which holds the whole file in memory) checks again unless the file is too big for that.
    if ((await stat(temporary)).size <= (options.loaderCheckMaxBytes ?? LOADER_CHECK_MAX_BYTES))
      await loadCollection(temporary);
    else summary.checkedByStreamOnly = true;
  });
  if (from !== undefined && to !== undefined)
    summary.dateRange = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  return summary;
}

/** `skipped 3: 2 empty, 1 withheld`. */
export function describeSkipped(skipped: Map<string, number>, before = "", after = ""): string {
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return "";
  const parts = [...skipped].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`);
  return `${before}skipped ${total}: ${parts.join(", ")}${after}`;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
