import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { type ImportOptions, type ImportSummary, runImport } from "../../src/importers/run.js";
import type { Post } from "../../src/library/post.js";

export const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "curator-import-"));
  folders.push(folder);
  return folder;
}

/** Imports into a fresh temporary collection; returns the summary and the posts as written. */
export async function importFixture(
  input: string,
  options: Partial<ImportOptions> = {},
): Promise<{ summary: ImportSummary; posts: Post[]; out: string }> {
  const out = options.out ?? join(await tempFolder(), "posts.json");
  const summary = await runImport({ input, out, ...options });
  const posts = JSON.parse(await readFile(out, "utf8")) as Post[];
  return { summary, posts, out };
}

export const byId = (posts: Post[], id: string): Post => {
  const post = posts.find((p) => p.id === id);
  if (post === undefined) throw new Error(`no post ${id} in ${posts.map((p) => p.id).join(", ")}`);
  return post;
};
