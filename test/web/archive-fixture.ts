/** A real collection on disk and the real web archive serving it on 127.0.0.1, for the web tests. */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Library } from "../../src/discord/context.js";
import type { Post } from "../../src/library/post.js";
import { loadLibrary } from "../../src/load-library.js";
import type { PostOfTheDay } from "../../src/web/pages.js";
import { startWebServer } from "../../src/web/server.js";

export const PUBLIC_URL = "https://archive.example.org";
export const XSS_MARK = "pwned";

/** A post written to break out of every place the archive puts text: body, title, attributes, links, author. */
export const HOSTILE: Post = {
  id: "hostile",
  title: `</title><script>window.${XSS_MARK}=1</script>`,
  text: [
    `<script>window.${XSS_MARK}=2</script> and <img src=x onerror="window.${XSS_MARK}=3">`,
    `"><svg onload=window.${XSS_MARK}=4> ends here ]]> too`,
    `https://example.com/?q="><script>window.${XSS_MARK}=5</script> javascript:alert(6) @mallory`,
  ].join("\n\n"),
  topics: ["security"],
  links: ["https://example.com/a?b=%22%3E%3Cscript%3E"],
  mentions: ["@mallory"],
  author: `<b onmouseover="window.${XSS_MARK}=7">Mallory</b>`,
  url: "https://example.com/source?x=1&y=<2>",
  createdAt: "2026-06-01T10:00:00Z",
};

/** The sample collection with dates (newest first in file order), the hostile post and 30 notes for paging. */
export function archivePosts(): Post[] {
  const sample = JSON.parse(
    readFileSync(new URL("../../data/posts.json", import.meta.url), "utf8"),
  ) as Post[];
  const dated = sample.map((post, i) => ({
    ...post,
    createdAt: new Date(Date.UTC(2026, 9, 30 - i, 12)).toISOString(),
  }));
  const notes = Array.from({ length: 30 }, (_, i) => ({
    id: `note-${String(i + 1).padStart(2, "0")}`,
    title: `Field note ${i + 1}`,
    text: `Field note number ${i + 1} about tidepools and barnacles.`,
    topics: ["notes"],
    links: [],
    mentions: [],
    createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
  }));
  return [...dated, HOSTILE, ...notes];
}

export interface RunningArchive {
  url: string;
  library: Library;
  /** Replaces the library the server reads, as a hot reload does. */
  swap(library: Library): void;
  /** Replaces the posts of the day (by id, newest first), as a new day does. */
  setPostsOfTheDay(days: { id: string; localDate: string }[]): void;
  /** Makes every later page fail, to see what a reader gets then. */
  breakLibrary(): void;
  close(): Promise<void>;
}

export async function startArchive(
  posts: Post[] = archivePosts(),
  publicUrl: string | undefined = PUBLIC_URL,
): Promise<RunningArchive> {
  const dir = await mkdtemp(join(tmpdir(), "curator-web-"));
  await writeFile(join(dir, "posts.json"), JSON.stringify(posts));
  let library = await loadLibrary(join(dir, "posts.json"));
  let broken = false;
  let days = [
    { id: "bellard", localDate: "2026-11-30" },
    { id: "mosaic", localDate: "2026-11-29" },
  ];
  const postsOfTheDay = (): PostOfTheDay[] =>
    days.map(({ id, localDate }) => ({ post: library.collection.byId.get(id)!, localDate }));
  const web = await startWebServer(
    {
      library: () => {
        if (broken) throw new Error(`secret internals at ${dir}`);
        return library;
      },
      postsOfTheDay,
      site: { name: "Curator", version: "test", publicUrl },
    },
    { port: 0, host: "127.0.0.1" },
  );
  return {
    url: web.url,
    get library() {
      return library;
    },
    swap: (next) => {
      library = next;
    },
    setPostsOfTheDay: (next) => {
      days = next;
    },
    breakLibrary: () => {
      broken = true;
    },
    close: async () => {
      await web.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
