import type { Collection } from "../library/collection.js";
import type { Post } from "../library/post.js";

/** What the archive's lists need from a collection, computed once per loaded collection (a reload makes a new one). */
export interface Archive {
  /** Newest first: dated posts by time, then undated posts, last in the file first. */
  recent: readonly Post[];
  byTopic: ReadonlyMap<string, readonly Post[]>;
}

const archives = new WeakMap<Collection, Archive>();

export function archiveOf(collection: Collection): Archive {
  let archive = archives.get(collection);
  if (!archive) {
    archive = buildArchive(collection.posts);
    archives.set(collection, archive);
  }
  return archive;
}

function buildArchive(posts: readonly Post[]): Archive {
  const keyed = posts.map((post, index) => ({
    post,
    index,
    time: post.createdAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(post.createdAt),
  }));
  keyed.sort((a, b) => b.time - a.time || b.index - a.index);
  const recent = keyed.map((k) => k.post);
  const byTopic = new Map<string, Post[]>();
  for (const post of recent) {
    for (const topic of new Set(post.topics)) {
      const list = byTopic.get(topic);
      if (list) list.push(post);
      else byTopic.set(topic, [post]);
    }
  }
  return { recent, byTopic };
}

export const PAGE_SIZE = 20;

export interface Paged<T> {
  items: readonly T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
}

/** One page of a list; a page past the end gives the last page rather than an empty one. */
export function pageOf<T>(list: readonly T[], requested: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  return { items: list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), page, pages, total: list.length };
}
