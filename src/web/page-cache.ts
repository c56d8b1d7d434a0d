import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { negotiate } from "@fastify/accept-negotiator";
import { LRUCache } from "lru-cache";

/** A response ready to send: the body already in the encoding the reader accepts. */
export interface CachedResponse {
  type: string;
  body: Buffer;
  /** Absent: sent as is. */
  encoding?: "br" | "gzip";
  /** Weak, from the uncompressed body: the same for every encoding of one page, as @fastify/etag makes it. */
  etag: string;
}

export interface PageCache {
  /**
   * The response for `key` in the encoding `acceptEncoding` prefers, made (rendered, compressed) once per
   * collection version: a new `version` (a reloaded library) empties the cache first. `make` returning undefined
   * (no such page) is not cached.
   */
  get(
    version: object,
    key: string,
    acceptEncoding: string | undefined,
    make: () => { type: string; body: string } | undefined,
  ): CachedResponse | undefined;
  readonly size: number;
}

// As @fastify/compress: brotli at quality 4 (11 costs ten times the CPU for a few percent), nothing below 1 KiB.
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const MIN_COMPRESS = 1024;
const ENCODINGS: ("br" | "gzip")[] = ["br", "gzip"];
// "*" and "x-gzip" mean gzip, as @fastify/compress reads them.
const GZIP_ALIAS = /\*|x-gzip/g;

/**
 * Rendered pages by URL, bounded by their bytes (least recently used out first). Every page is a function of the
 * collection (and of the post of the day, which the caller puts in the key), so it is rendered and compressed once,
 * not at every request: what is left per request is a lookup and a write.
 */
export function createPageCache(maxBytes: number): PageCache {
  const cache = new LRUCache<string, CachedResponse>({
    maxSize: maxBytes,
    sizeCalculation: (response, key) => response.body.length + key.length + 200,
  });
  let current: object | undefined;
  return {
    get(version, key, acceptEncoding, make) {
      if (version !== current) {
        cache.clear();
        current = version;
      }
      const encoding = acceptEncoding
        ? (negotiate(acceptEncoding.toLowerCase().replace(GZIP_ALIAS, "gzip"), ENCODINGS) ?? undefined)
        : undefined;
      const full = `${encoding ?? "identity"} ${key}`;
      const hit = cache.get(full);
      if (hit) return hit;
      const made = make();
      if (!made) return undefined;
      const response = encode(made, encoding);
      cache.set(full, response);
      return response;
    },
    get size() {
      return cache.size;
    },
  };
}

function encode(
  { type, body }: { type: string; body: string },
  encoding: "br" | "gzip" | undefined,
): CachedResponse {
  const etag = `W/"${createHash("sha1").update(body).digest("base64")}"`;
  const raw = Buffer.from(body);
  if (!encoding || raw.length < MIN_COMPRESS) return { type, body: raw, etag };
  const compressed = encoding === "br" ? brotliCompressSync(raw, BROTLI) : gzipSync(raw);
  return { type, body: compressed, encoding, etag };
}
