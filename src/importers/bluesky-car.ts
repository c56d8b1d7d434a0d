import { CarBlockIterator } from "@ipld/car";
import * as dagCbor from "@ipld/dag-cbor";
import type { InputFile } from "./input-file.js";
import { ImportError } from "./types.js";

const POST_PREFIX = "app.bsky.feed.post/";

export interface RepoIndex {
  /** The repository's account, from its signed commit. */
  did: string;
  /** Record CID -> `app.bsky.feed.post/<rkey>`, from the Merkle Search Tree nodes. */
  posts: Map<string, string>;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

async function* blocks(file: InputFile): AsyncIterable<{ cid: string; bytes: Uint8Array }> {
  let iterator: AsyncIterable<{ cid: { toString(): string }; bytes: Uint8Array }>;
  try {
    iterator = await CarBlockIterator.fromIterable((await file.open()) as AsyncIterable<Uint8Array>);
  } catch (error) {
    throw new ImportError(`${file.name}: not a CAR file (${(error as Error).message})`);
  }
  try {
    for await (const block of iterator) yield { cid: block.cid.toString(), bytes: block.bytes };
  } catch (error) {
    throw new ImportError(`${file.name}: damaged CAR file (${(error as Error).message})`);
  }
}

function decode(bytes: Uint8Array): unknown {
  try {
    return dagCbor.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A repository export (`com.atproto.sync.getRepo`, "Export my data"): a CAR of the signed commit, the
 * Merkle Search Tree and the records. Records carry no key of their own: the tree's nodes map each key
 * (`collection/rkey`, prefix-compressed) to the record's CID. One pass finds them, in any block order.
 */
export async function indexRepo(file: InputFile): Promise<RepoIndex> {
  let did: string | undefined;
  const posts = new Map<string, string>();
  for await (const { bytes } of blocks(file)) {
    const node = decode(bytes);
    if (!isRec(node)) continue;
    if (typeof node.did === "string" && node.version === 3 && "data" in node) did = node.did;
    if (!Array.isArray(node.e) || !("l" in node)) continue;
    let key = "";
    for (const entry of node.e) {
      if (!isRec(entry) || !(entry.k instanceof Uint8Array) || typeof entry.p !== "number") continue;
      key = key.slice(0, entry.p) + Buffer.from(entry.k).toString("latin1");
      if (key.startsWith(POST_PREFIX) && entry.v) posts.set(String(entry.v), key);
    }
  }
  if (did === undefined)
    throw new ImportError(
      `${file.name}: a CAR file, but not a Bluesky repository (no signed commit naming the account); export it ` +
        'again from Bluesky (Settings → Account → "Export my data")',
    );
  return { did, posts };
}

/** The `app.bsky.feed.post` records of the repository, with their at:// URI; undefined for a damaged one. */
export async function* repoPosts(
  file: InputFile,
  index: RepoIndex,
): AsyncIterable<{ uri: string; record: unknown }> {
  for await (const { cid, bytes } of blocks(file)) {
    const key = index.posts.get(cid);
    if (key !== undefined) yield { uri: `at://${index.did}/${key}`, record: decode(bytes) };
  }
}
