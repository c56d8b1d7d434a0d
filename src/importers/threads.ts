import type { Post } from "../library/post.js";
import { IdNumbers, IdTable } from "./id-table.js";
import { detach, unique } from "./text-utils.js";
import type { Item, Link, Piece, Source } from "./types.js";

export type OnScan = (recordsScanned: number) => void;

/**
 * Joins self-reply threads into one post each, reading the source twice: first only the reply links
 * (child -> parent), then the posts, holding back only thread members until their thread is complete.
 * Posts that are in no thread pass straight through. The links are kept in typed arrays indexed by
 * id (id-table.ts), not in Maps of strings: a million-post archive has a hundred thousand replies.
 */
export async function* joinThreads(source: Source, onScan?: OnScan): AsyncIterable<Item> {
  if (!source.threads) {
    yield* source.items();
    return;
  }
  const ids = new IdTable();
  // By id number, plus one (0: none): the post it replies to; an edited post's latest version.
  const parentOf = new IdNumbers();
  const newerVersion = new IdNumbers();
  // The latest versions' ids as text: a reply to an earlier version is given them as its parent.
  const versionIds = new Map<number, string>();
  let scanned = 0;
  for await (const link of source.links?.() ?? linksOf(source.items())) {
    onScan?.(++scanned);
    if (link === undefined) continue;
    if (link.parent !== undefined) parentOf.set(ids.add(link.id), ids.add(link.parent) + 1);
    if (link.replaces === undefined || link.replaces.length === 0) continue;
    const latest = ids.add(link.id);
    versionIds.set(latest, detach(link.id));
    for (const older of link.replaces) newerVersion.set(ids.add(older), latest + 1);
  }
  const count = ids.size;
  // Visit stamps, one per id: loops in damaged links end where a walk comes back to an id it passed.
  const visited = new Int32Array(count);
  let walk = 0;
  const follow = (links: IdNumbers, id: number): number => {
    walk++;
    let at = id;
    for (let up = links.get(at) - 1; up !== -1 && visited[up] !== walk; up = links.get(at) - 1) {
      visited[at] = walk;
      at = up;
    }
    return at;
  };
  // A reply to an earlier version of an edited post continues its latest version.
  const retargeted = new Map<number, string>();
  for (let child = 0; child < count; child++) {
    const parent = parentOf.get(child) - 1;
    if (parent === -1 || newerVersion.get(parent) === 0) continue;
    const latest = follow(newerVersion, parent);
    parentOf.set(child, latest + 1);
    const latestId = versionIds.get(latest);
    if (latestId !== undefined) retargeted.set(child, latestId);
  }
  for (let older = 0; older < count; older++) if (newerVersion.get(older) !== 0) parentOf.set(older, 0);

  // Thread members (a reply, or a post replied to) and, for each thread's root, how many it has.
  const member = new Uint8Array(count);
  for (let child = 0; child < count; child++) {
    const parent = parentOf.get(child) - 1;
    if (parent !== -1) member[child] = member[parent] = 1;
  }
  const rootOf = new Int32Array(count);
  const expected = new Int32Array(count);
  for (let id = 0; id < count; id++) {
    if (!member[id]) continue;
    rootOf[id] = follow(parentOf, id);
    expected[rootOf[id]!]!++;
  }
  const held = new Map<number, Piece[]>();
  // A thread member seen twice (a pinned post in a feed, overlapping exports) counts once, or it would
  // complete its thread early. Other posts seen twice are left out by the caller, which keeps every id.
  const seen = new Uint8Array(count);

  for await (const item of source.items()) {
    const sourceId = "piece" in item ? item.piece.post.sourceId : undefined;
    const id = sourceId === undefined ? -1 : ids.get(sourceId);
    if (id !== -1 && newerVersion.get(id) !== 0) {
      yield { skip: "earlier version of an edited post" };
      continue;
    }
    if (id === -1 || !member[id]) {
      yield item;
      continue;
    }
    if (seen[id]) {
      yield { skip: "duplicate" };
      continue;
    }
    seen[id] = 1;
    const piece = (item as { piece: Piece }).piece;
    const root = rootOf[id]!;
    const parent = parentOf.get(id) === 0 ? undefined : (retargeted.get(id) ?? piece.parent);
    const group = [...(held.get(root) ?? []), { ...piece, parent }];
    if (group.length < expected[root]!) {
      held.set(root, group);
      continue;
    }
    held.delete(root);
    yield* joinGroup(group);
  }
  // Threads with a missing member (a deleted post, a skipped record): each surviving branch on its own.
  for (const group of held.values()) yield* joinGroup(group);
}

/** The reply links of each post, for sources that have no cheaper way to list them. */
async function* linksOf(items: AsyncIterable<Item>): AsyncIterable<Link | undefined> {
  for await (const item of items) {
    if (!("piece" in item) || item.piece.post.sourceId === undefined) yield undefined;
    else {
      const { post, parent, replaces } = item.piece;
      yield { id: post.sourceId!, parent, replaces };
    }
  }
}

/**
 * A group of self-replies -> one post per tree (one tree unless a member is missing). The order is
 * depth-first, the earliest reply first: a branching thread reads its first chain to the end, then the
 * later branches, each after the post it answers.
 */
export function joinGroup(group: Piece[]): Item[] {
  const byId = new Map(group.map((p) => [p.post.sourceId!, p]));
  const children = new Map<string, Piece[]>();
  const roots: Piece[] = [];
  for (const piece of group) {
    const parent = piece.parent;
    if (parent !== undefined && byId.has(parent) && parent !== piece.post.sourceId) {
      children.set(parent, [...(children.get(parent) ?? []), piece]);
    } else roots.push(piece);
  }
  const posts: Item[] = [];
  const visited = new Set<string>();
  for (const root of roots.sort(byTime)) {
    const chain: Post[] = [];
    const visit = (piece: Piece) => {
      if (visited.has(piece.post.sourceId!)) return;
      visited.add(piece.post.sourceId!);
      chain.push(piece.post);
      for (const child of (children.get(piece.post.sourceId!) ?? []).sort(byTime)) visit(child);
    };
    visit(root);
    if (chain.length === 0) continue;
    posts.push({ piece: { post: mergeChain(chain), ...(chain.length > 1 && { members: chain.length }) } });
  }
  return posts;
}

function byTime(a: Piece, b: Piece): number {
  const ta = Date.parse(a.post.createdAt ?? "") || 0;
  const tb = Date.parse(b.post.createdAt ?? "") || 0;
  if (ta !== tb) return ta - tb;
  // Same second: platform ids grow with time (snowflakes, TIDs); compare as numbers-in-strings.
  const ia = a.post.sourceId!;
  const ib = b.post.sourceId!;
  return ia.length - ib.length || (ia < ib ? -1 : ia > ib ? 1 : 0);
}

function mergeChain(chain: Post[]): Post {
  const [first] = chain as [Post, ...Post[]];
  if (chain.length === 1) return first;
  const title = chain.find((p) => p.title !== undefined)?.title;
  const warning = unique(chain.map((p) => p.contentWarning)).join(" · ");
  const media = chain.flatMap((p) => p.media ?? []);
  // A member with media only (no text) stays in the chain, its image belongs to the thread, but starts no part.
  const { text, parts } = joinTexts(chain.map((p) => p.text));
  return {
    ...first,
    text,
    ...(parts.length > 1 && { parts }),
    topics: unique(chain.flatMap((p) => p.topics)),
    links: unique(chain.flatMap((p) => p.links)),
    mentions: unique(chain.flatMap((p) => p.mentions)),
    ...(title !== undefined && { title }),
    ...(warning !== "" && { contentWarning: warning.slice(0, 256) }),
    ...(media.length > 0 && { media: media.slice(0, 20) }),
  };
}

/** The members' texts as paragraphs of one text, and where each starts in it: the post's `parts`. */
export function joinTexts(texts: readonly string[]): { text: string; parts: number[] } {
  let text = "";
  const parts: number[] = [];
  for (const member of texts) {
    if (member.trim() === "") continue;
    if (text !== "") text += "\n\n";
    parts.push(text.length);
    text += member;
  }
  return { text, parts };
}
