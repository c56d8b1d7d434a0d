import type { Post } from "../library/post.js";
import { detach, unique } from "./text-utils.js";
import type { Item, Piece, Source } from "./types.js";

export type OnScan = (recordsScanned: number) => void;

/**
 * Joins self-reply threads into one post each, reading the source twice: first only the reply links
 * (child -> parent, a few strings per reply), then the posts, holding back only thread members until
 * their thread is complete. Posts that are in no thread pass straight through.
 */
export async function* joinThreads(source: Source, onScan?: OnScan): AsyncIterable<Item> {
  if (!source.threads) {
    yield* source.items();
    return;
  }
  const parentOf = new Map<string, string>();
  // An edited post's earlier versions -> its latest version in the export.
  const newerVersion = new Map<string, string>();
  let scanned = 0;
  for await (const item of source.items()) {
    onScan?.(++scanned);
    if (!("piece" in item) || item.piece.post.sourceId === undefined) continue;
    const id = item.piece.post.sourceId;
    if (item.piece.parent !== undefined) parentOf.set(detach(id), detach(item.piece.parent));
    for (const older of item.piece.replaces ?? []) newerVersion.set(detach(older), detach(id));
  }
  const latest = (id: string): string => {
    const seen = new Set<string>();
    for (
      let next = newerVersion.get(id);
      next !== undefined && !seen.has(next);
      next = newerVersion.get(id)
    ) {
      seen.add(id);
      id = next;
    }
    return id;
  };
  // A reply to an earlier version of an edited post continues its latest version.
  for (const [child, parent] of parentOf) if (newerVersion.has(parent)) parentOf.set(child, latest(parent));
  for (const older of newerVersion.keys()) parentOf.delete(older);

  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    for (let up = parentOf.get(at); up !== undefined && !seen.has(up); up = parentOf.get(at)) {
      seen.add(at);
      at = up;
    }
    return at;
  };
  const members = new Set<string>([...parentOf.keys(), ...parentOf.values()]);
  const expected = new Map<string, number>();
  for (const member of members) {
    const root = rootOf(member);
    expected.set(root, (expected.get(root) ?? 0) + 1);
  }
  const held = new Map<string, Piece[]>();
  // A thread member seen twice (a pinned post in a feed, overlapping exports) counts once, or it would
  // complete its thread early. Other posts seen twice are left out by the caller, which keeps every id.
  const seen = new Set<string>();

  for await (const item of source.items()) {
    const id = "piece" in item ? item.piece.post.sourceId : undefined;
    if (id !== undefined && newerVersion.has(id)) {
      yield { skip: "earlier version of an edited post" };
      continue;
    }
    if (id === undefined || !members.has(id)) {
      yield item;
      continue;
    }
    if (seen.has(id)) {
      yield { skip: "duplicate" };
      continue;
    }
    seen.add(detach(id));
    const piece = (item as { piece: Piece }).piece;
    const root = rootOf(id);
    const group = [...(held.get(root) ?? []), { ...piece, parent: parentOf.get(id) }];
    if (group.length < expected.get(root)!) {
      held.set(root, group);
      continue;
    }
    held.delete(root);
    yield* joinGroup(group);
  }
  // Threads with a missing member (a deleted post, a skipped record): each surviving branch on its own.
  for (const group of held.values()) yield* joinGroup(group);
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
  return {
    ...first,
    // A member with media only (no text) stays in the chain: its image belongs to the thread.
    text: chain
      .map((p) => p.text)
      .filter((t) => t !== "")
      .join("\n\n"),
    topics: unique(chain.flatMap((p) => p.topics)),
    links: unique(chain.flatMap((p) => p.links)),
    mentions: unique(chain.flatMap((p) => p.mentions)),
    ...(title !== undefined && { title }),
    ...(warning !== "" && { contentWarning: warning.slice(0, 256) }),
    ...(media.length > 0 && { media: media.slice(0, 20) }),
  };
}
