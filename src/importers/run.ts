import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CollectionError, loadCollection } from "../library/load.js";
import { type Post, PostSchema } from "../library/post.js";
import { removeOnSignal } from "./cleanup.js";
import { IdTable } from "./id-table.js";
import { diskFile } from "./input-file.js";
import { lines } from "./read-json.js";
import { findSources } from "./sources.js";
import { joinThreads } from "./threads.js";
import { ImportError, type Piece, type Source } from "./types.js";
import { INVALID_UTF8 } from "./utf8.js";
import { writeJsonArrayAtomically } from "./write.js";

export interface ImportOptions {
  input: string;
  out: string;
  /** Add to the collection at `out`: new posts are appended, posts whose source thread grew are updated. */
  merge?: boolean;
  /** Replace a non-empty collection at `out` (without it, or `merge`, an existing collection is refused). */
  replace?: boolean;
  /** `text`: read plain text files as posts (never guessed inside a folder, or for a README or a table). */
  format?: "text";
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
  /** Posts already in the collection (with --merge) whose source thread grew: their text was updated. */
  updated: number;
  /** How many posts the collection held before it was replaced (with --replace). */
  replaced?: number;
  /** Posts that join several platform posts (self-reply threads), among those imported or updated. */
  threadsJoined: number;
  skipped: Map<string, number>;
  /** Long-post notes (X note-tweet.js) that no tweet in the archive is the start of: not imported. */
  unmatchedNotes: number;
  /** Files that were looked at but not imported (plain text without --format text). */
  leftOut: string[];
  dateRange?: { from: string; to: string };
  /** The output was too big to be loaded once more as a whole; it was validated post by post only. */
  checkedByStreamOnly?: boolean;
}

/** Above this, loading the written file again to check it would need gigabytes: see ImportSummary. */
export const LOADER_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** Imports `input` into the collection `out`; the file is replaced only by a complete, valid collection. */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  await checkOut(options.out);
  const { sources, formats, leftOut, close } = await findSources(options.input, options);
  try {
    return await importSources(options, sources, formats, leftOut);
  } finally {
    await close();
  }
}

async function importSources(
  options: ImportOptions,
  sources: Source[],
  formats: string[],
  leftOut: string[],
): Promise<ImportSummary> {
  const before = await existingCollection(options);
  const existing = options.merge ? before.posts : [];
  const summary: ImportSummary = {
    formats,
    imported: 0,
    kept: existing.length,
    updated: 0,
    ...(options.replace && before.count > 0 && { replaced: before.count }),
    threadsJoined: 0,
    skipped: new Map(),
    unmatchedNotes: 0,
    leftOut,
  };
  // The collection's posts (with --merge), by source id and by id: they are in memory anyway.
  const sourceIds = new Map<string, number>();
  for (const [i, p] of existing.entries()) {
    if (p.sourceId !== undefined) sourceIds.set(p.sourceId, i);
    sourceIds.set(`id:${p.id}`, i);
  }
  // The posts imported so far, to leave out duplicates: compact, as there may be millions.
  const importedIds = new IdTable();
  const importedSourceIds = new IdTable();
  const updatedAt = new Set<number>();
  const count = (reason: string) => summary.skipped.set(reason, (summary.skipped.get(reason) ?? 0) + 1);
  let from: number | undefined;
  let to: number | undefined;

  /** A merged post whose thread grew in the newer export takes its text; the collection's own edits stay. */
  const update = (index: number, post: Post, members: number): boolean => {
    const old = existing[index]!;
    if (updatedAt.has(index) || post.text.length <= old.text.length || !post.text.startsWith(old.text))
      return false;
    const { id: _id, title: _title, day: _day, ...fresh } = post;
    existing[index] = { ...old, ...fresh };
    updatedAt.add(index);
    summary.updated++;
    if (members > 1) summary.threadsJoined++;
    return true;
  };

  async function* newPosts(): AsyncIterable<Post> {
    let read = 0;
    for (const source of sources) {
      const onScan = (scanned: number) => options.onProgress?.(scanned, "scanning");
      for await (const item of joinThreads(source, onScan)) {
        options.onProgress?.(++read, "importing");
        if ("skip" in item) {
          count(item.skip);
          continue;
        }
        const reason = unusable(item.piece);
        if (reason !== undefined) {
          count(reason);
          continue;
        }
        const parsed = PostSchema.safeParse(item.piece.post);
        if (!parsed.success) {
          count(`invalid ${parsed.error.issues[0]?.path.join(".") || "record"}`);
          continue;
        }
        const post = parsed.data;
        const members = item.piece.members ?? 1;
        const match =
          (post.sourceId !== undefined ? sourceIds.get(post.sourceId) : undefined) ??
          sourceIds.get(`id:${post.id}`);
        if (match !== undefined && update(match, post, members)) continue;
        if (match !== undefined) {
          count(options.merge ? "already in the collection" : "duplicate");
          continue;
        }
        if (
          importedIds.has(post.id) ||
          (post.sourceId !== undefined && importedSourceIds.has(post.sourceId))
        ) {
          count("duplicate");
          continue;
        }
        importedIds.add(post.id);
        if (post.sourceId !== undefined) importedSourceIds.add(post.sourceId);
        if (post.createdAt !== undefined) {
          const time = Date.parse(post.createdAt);
          if (from === undefined || time < from) from = time;
          if (to === undefined || time > to) to = time;
        }
        summary.imported++;
        if (members > 1) summary.threadsJoined++;
        yield post;
      }
      summary.unmatchedNotes += source.unmatchedNotes?.() ?? 0;
    }
  }

  /**
   * With --merge the collection comes first, but which of its posts a newer export updates is known only
   * at the end: new posts wait in a spool file (one JSON line each) rather than in memory.
   */
  async function* merged(): AsyncIterable<Post> {
    const spool = join(
      dirname(options.out),
      `.${basename(options.out)}.${randomBytes(6).toString("hex")}.spool`,
    );
    const release = removeOnSignal(spool);
    try {
      const writer = createWriteStream(spool, { flags: "wx" });
      for await (const post of newPosts())
        if (!writer.write(`${JSON.stringify(post)}\n`)) await once(writer, "drain");
      writer.end();
      await once(writer, "close");
      yield* existing;
      for await (const line of lines(diskFile(spool))) if (line !== "") yield JSON.parse(line) as Post;
    } finally {
      await rm(spool, { force: true });
      release();
    }
  }

  await writeJsonArrayAtomically(options.out, options.merge ? merged() : newPosts(), async (temporary) => {
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

/** Why a joined post cannot be kept, before the schema has its say. */
function unusable({ post }: Piece): string | undefined {
  if (holdsInvalidUtf8(post)) return "invalid UTF-8";
  if (post.text.trim() === "") return post.media?.length ? "media only (no text)" : "empty";
  return undefined;
}

/** Whether any string in the post (its text, a link, an alt text…) holds a byte that was not UTF-8. */
function holdsInvalidUtf8(value: unknown): boolean {
  if (typeof value === "string") return value.includes(INVALID_UTF8);
  if (typeof value !== "object" || value === null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value))
    if (holdsInvalidUtf8(item)) return true;
  return false;
}

/** Fails before any work when `--out` cannot be written: a folder, or in a folder that does not exist. */
async function checkOut(out: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info?.isDirectory())
    throw new ImportError(
      `${out}: is a folder; --out names the collection file, e.g. ${join(out, "posts.json")}`,
    );
  const folder = dirname(out);
  if (!(await stat(folder).catch(() => undefined))?.isDirectory())
    throw new ImportError(`${out}: the folder ${folder} does not exist`);
}

/**
 * What `out` holds now. Without --merge or --replace a non-empty (or unreadable) collection is never
 * overwritten: an import pointed at the bundled data/posts.json by default must not replace it silently.
 */
async function existingCollection(options: ImportOptions): Promise<{ posts: Post[]; count: number }> {
  if (!(await stat(options.out).catch(() => undefined))) return { posts: [], count: 0 };
  if (options.merge) {
    // Plain objects, however big: merging spreads and replaces posts, which compact posts do not support.
    const { posts } = await loadCollection(options.out, undefined, { compactFrom: Number.POSITIVE_INFINITY });
    return { posts: [...posts], count: posts.length };
  }
  let count: number;
  try {
    count = (await loadCollection(options.out)).posts.length;
  } catch (error) {
    if (!(error instanceof CollectionError)) throw error;
    if (options.replace || (await isEmptyFile(options.out))) return { posts: [], count: 0 };
    throw new ImportError(
      `${options.out} exists and is not a valid collection; add --replace to overwrite it (nothing was written)`,
    );
  }
  if (count > 0 && !options.replace)
    throw new ImportError(
      `${options.out} already holds ${count.toLocaleString("en")} posts: add --merge to add to them or ` +
        "--replace to replace them (nothing was written)",
    );
  return { posts: [], count };
}

async function isEmptyFile(path: string): Promise<boolean> {
  if ((await stat(path)).size > 64) return false;
  return /^\s*(\[\s*\])?\s*$/.test(await readFile(path, "utf8"));
}

/** `skipped 3: 2 empty, 1 withheld`. */
export function describeSkipped(skipped: Map<string, number>, before = "", after = ""): string {
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return "";
  const parts = [...skipped].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`);
  return `${before}skipped ${total}: ${parts.join(", ")}${after}`;
}
