/**
 * A collection's posts kept as a few byte buffers and typed arrays instead of a million JS objects: the heap
 * stays small (a full GC no longer walks every post), and the buffers can be written to the start-up cache and
 * read back, or transferred from a loading thread, without parsing any JSON. `views()` gives one small
 * `StoredPost` per post, whose fields are decoded from the buffers when read.
 */
import type { Post } from "./post.js";
import { StringColumn, StringColumnBuilder, type StringColumnData } from "./string-column.js";

export interface CompactPostsData {
  ids: StringColumnData;
  texts: StringColumnData;
  /** As written in the post, "" for none. */
  createdAts: StringColumnData;
  /** The fields read only when a post is shown, as JSON; "" when a post has none of them. */
  rests: StringColumnData;
  /** `MM-DD` as month * 100 + day; 0 for none. */
  days: Uint16Array;
  topicNames: string[];
  /** Post `i` has the topics `topicIds[topicStarts[i]]` .. `topicIds[topicStarts[i + 1] - 1]`. */
  topicStarts: Uint32Array;
  topicIds: Uint32Array;
}

type Rest = Partial<Omit<Post, "id" | "text" | "topics" | "createdAt" | "day">>;
const REST_FIELDS = [
  "links",
  "mentions",
  "title",
  "author",
  "url",
  "media",
  "contentWarning",
  "sourceId",
  "parts",
] as const;
const NONE: Rest = Object.freeze({});
/** Parsed `rests` of the posts read last: showing a post reads several of its fields in a row. */
const REST_CACHE = 256;

export class CompactPostsBuilder {
  private readonly ids: StringColumnBuilder;
  private readonly texts: StringColumnBuilder;
  private readonly createdAts: StringColumnBuilder;
  private readonly rests: StringColumnBuilder;
  private readonly days: number[] = [];
  private readonly topicNumbers = new Map<string, number>();
  private readonly topicStarts: number[] = [0];
  private readonly topicIds: number[] = [];

  constructor(chunkBytes?: number) {
    this.ids = new StringColumnBuilder("latin1", chunkBytes);
    this.texts = new StringColumnBuilder("utf8", chunkBytes);
    this.createdAts = new StringColumnBuilder("latin1", chunkBytes);
    this.rests = new StringColumnBuilder("utf8", chunkBytes);
  }

  /** `post` must be valid (ids and dates are ASCII, as the schema requires). */
  add(post: Post): void {
    this.ids.add(post.id);
    this.texts.add(post.text);
    this.createdAts.add(post.createdAt ?? "");
    const rest: Record<string, unknown> = {};
    let any = false;
    for (const field of REST_FIELDS) {
      const value = post[field];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      rest[field] = value;
      any = true;
    }
    this.rests.add(any ? JSON.stringify(rest) : "");
    this.days.push(
      post.day === undefined ? 0 : Number(post.day.slice(0, 2)) * 100 + Number(post.day.slice(3)),
    );
    for (const topic of post.topics) {
      let id = this.topicNumbers.get(topic);
      if (id === undefined) {
        id = this.topicNumbers.size;
        this.topicNumbers.set(topic, id);
      }
      this.topicIds.push(id);
    }
    this.topicStarts.push(this.topicIds.length);
  }

  get count(): number {
    return this.days.length;
  }

  finish(): CompactPosts {
    return new CompactPosts({
      ids: this.ids.finish(),
      texts: this.texts.finish(),
      createdAts: this.createdAts.finish(),
      rests: this.rests.finish(),
      days: Uint16Array.from(this.days),
      topicNames: [...this.topicNumbers.keys()],
      topicStarts: Uint32Array.from(this.topicStarts),
      topicIds: Uint32Array.from(this.topicIds),
    });
  }
}

export class CompactPosts {
  readonly count: number;
  private readonly ids: StringColumn;
  private readonly texts: StringColumn;
  private readonly createdAts: StringColumn;
  private readonly rests: StringColumn;
  private readonly restCache = new Map<number, Rest>();
  private viewList: StoredPost[] | undefined;

  constructor(readonly data: CompactPostsData) {
    this.ids = new StringColumn(data.ids);
    this.texts = new StringColumn(data.texts);
    this.createdAts = new StringColumn(data.createdAts);
    this.rests = new StringColumn(data.rests);
    this.count = data.days.length;
    for (const column of [this.ids, this.texts, this.createdAts, this.rests])
      if (column.length !== this.count) throw new RangeError("the columns of the posts differ in length");
    if (data.topicStarts.length !== this.count + 1)
      throw new RangeError("the topics of the posts are inconsistent");
  }

  id(row: number): string {
    return this.ids.get(row);
  }

  text(row: number): string {
    return this.texts.get(row);
  }

  createdAt(row: number): string | undefined {
    return this.createdAts.byteLength(row) === 0 ? undefined : this.createdAts.get(row);
  }

  day(row: number): string | undefined {
    const day = this.data.days[row]!;
    if (day === 0) return undefined;
    return `${String(Math.floor(day / 100)).padStart(2, "0")}-${String(day % 100).padStart(2, "0")}`;
  }

  topics(row: number): string[] {
    const { topicStarts, topicIds, topicNames } = this.data;
    const topics: string[] = [];
    for (let i = topicStarts[row]!; i < topicStarts[row + 1]!; i++) topics.push(topicNames[topicIds[i]!]!);
    return topics;
  }

  rest(row: number): Rest {
    let rest = this.restCache.get(row);
    if (rest === undefined) {
      rest = this.rests.byteLength(row) === 0 ? NONE : (JSON.parse(this.rests.get(row)) as Rest);
      if (this.restCache.size >= REST_CACHE) this.restCache.delete(this.restCache.keys().next().value!);
      this.restCache.set(row, rest);
    }
    return rest;
  }

  /** The post as a plain object, the same as the validated record it was built from. */
  postAt(row: number): Post {
    const rest = this.rest(row);
    const post: Post = {
      id: this.id(row),
      text: this.text(row),
      topics: this.topics(row),
      links: rest.links ? [...rest.links] : [],
      mentions: rest.mentions ? [...rest.mentions] : [],
    };
    if (rest.title !== undefined) post.title = rest.title;
    if (rest.author !== undefined) post.author = rest.author;
    if (rest.url !== undefined) post.url = rest.url;
    const createdAt = this.createdAt(row);
    if (createdAt !== undefined) post.createdAt = createdAt;
    const day = this.day(row);
    if (day !== undefined) post.day = day;
    if (rest.media !== undefined) post.media = rest.media.map((m) => ({ ...m }));
    if (rest.contentWarning !== undefined) post.contentWarning = rest.contentWarning;
    if (rest.sourceId !== undefined) post.sourceId = rest.sourceId;
    if (rest.parts !== undefined) post.parts = [...rest.parts];
    return post;
  }

  /** One `StoredPost` per post, made once: what `Collection.posts` holds for a compact collection. */
  views(): readonly Post[] {
    this.viewList ??= Array.from({ length: this.count }, (_, row) => new StoredPost(this, row));
    return this.viewList;
  }

  /**
   * The same views, made a slice at a time with `pause()` between slices: a million take half a second of a busy
   * machine, which a hot reload must not take from the thread that answers interactions in one go.
   */
  async viewsInSteps(
    step = 20_000,
    pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ): Promise<readonly Post[]> {
    const list: StoredPost[] = [];
    for (let row = 0; row < this.count && this.viewList === undefined; row++) {
      list.push(new StoredPost(this, row));
      if (row % step === step - 1) await pause();
    }
    this.viewList ??= list;
    return this.viewList;
  }

  /** Each post's `createdAt` as milliseconds, NaN for none. */
  times(): Float64Array {
    const times = new Float64Array(this.count);
    for (let row = 0; row < this.count; row++) {
      const createdAt = this.createdAt(row);
      times[row] = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
    }
    return times;
  }

  /** Each topic's posts, in collection order, a post once however often it lists the topic. */
  topicDocs(): Map<string, Int32Array> {
    const { topicStarts, topicIds, topicNames } = this.data;
    const counts = new Int32Array(topicNames.length);
    const last = new Int32Array(topicNames.length).fill(-1);
    for (let row = 0; row < this.count; row++)
      for (let i = topicStarts[row]!; i < topicStarts[row + 1]!; i++) {
        const t = topicIds[i]!;
        if (last[t] !== row) {
          last[t] = row;
          counts[t]!++;
        }
      }
    const docs = Array.from(counts, (n) => new Int32Array(n));
    const fill = new Int32Array(topicNames.length);
    last.fill(-1);
    for (let row = 0; row < this.count; row++)
      for (let i = topicStarts[row]!; i < topicStarts[row + 1]!; i++) {
        const t = topicIds[i]!;
        if (last[t] !== row) {
          last[t] = row;
          docs[t]![fill[t]!++] = row;
        }
      }
    return new Map(topicNames.map((name, t) => [name, docs[t]!]));
  }
}

/**
 * A post read from a CompactPosts: the fields are getters over the buffers. `JSON.stringify` gives the same
 * JSON as the plain post; spreading one (`{ ...post }`) copies nothing, so use `toJSON()` for a plain copy.
 */
export class StoredPost implements Post {
  readonly #posts: CompactPosts;
  readonly #row: number;

  constructor(posts: CompactPosts, row: number) {
    this.#posts = posts;
    this.#row = row;
  }

  get id(): string {
    return this.#posts.id(this.#row);
  }
  get text(): string {
    return this.#posts.text(this.#row);
  }
  get topics(): string[] {
    return this.#posts.topics(this.#row);
  }
  get links(): string[] {
    return this.#posts.rest(this.#row).links ?? [];
  }
  get mentions(): string[] {
    return this.#posts.rest(this.#row).mentions ?? [];
  }
  get title(): string | undefined {
    return this.#posts.rest(this.#row).title;
  }
  get author(): string | undefined {
    return this.#posts.rest(this.#row).author;
  }
  get url(): string | undefined {
    return this.#posts.rest(this.#row).url;
  }
  get createdAt(): string | undefined {
    return this.#posts.createdAt(this.#row);
  }
  get day(): string | undefined {
    return this.#posts.day(this.#row);
  }
  get media(): Post["media"] {
    return this.#posts.rest(this.#row).media;
  }
  get contentWarning(): string | undefined {
    return this.#posts.rest(this.#row).contentWarning;
  }
  get sourceId(): string | undefined {
    return this.#posts.rest(this.#row).sourceId;
  }
  get parts(): number[] | undefined {
    return this.#posts.rest(this.#row).parts;
  }
  toJSON(): Post {
    return this.#posts.postAt(this.#row);
  }
}

/** `byId` of a compact collection: a hash table of rows instead of a Map holding a million id strings. */
export class CompactIdMap implements ReadonlyMap<string, Post> {
  private readonly mask: number;

  /**
   * `table` (from `idTableOf`) may come built by a loading thread: hashing a million ids takes a second of CPU,
   * which a hot reload must not spend on the thread that answers interactions.
   */
  constructor(
    private readonly posts: CompactPosts,
    private readonly views: readonly Post[],
    readonly table: Int32Array = idTableOf(posts),
  ) {
    if (table.length < posts.count * 2 || (table.length & (table.length - 1)) !== 0)
      throw new RangeError("the id table does not fit these posts");
    this.mask = table.length - 1;
  }

  get size(): number {
    return this.posts.count;
  }

  get(id: string): Post | undefined {
    let slot = hash(id) & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[slot]!) {
      if (this.posts.id(entry - 1) === id) return this.views[entry - 1];
      slot = (slot + 1) & this.mask;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(
    callback: (value: Post, key: string, map: ReadonlyMap<string, Post>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, post] of this) callback.call(thisArg, post, id, this);
  }

  *entries(): MapIterator<[string, Post]> {
    for (let row = 0; row < this.posts.count; row++) yield [this.posts.id(row), this.views[row]!];
  }

  *keys(): MapIterator<string> {
    for (let row = 0; row < this.posts.count; row++) yield this.posts.id(row);
  }

  *values(): MapIterator<Post> {
    yield* this.views;
  }

  [Symbol.iterator](): MapIterator<[string, Post]> {
    return this.entries();
  }
}

/** FNV-1a over UTF-16 units: ids are short ASCII, so this is quick and spreads well enough for probing. */
/** Open addressing: each slot holds a row + 1 (0 = empty), at least twice as many slots as posts. */
export function idTableOf(posts: CompactPosts): Int32Array {
  let size = 16;
  while (size < posts.count * 2) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let row = 0; row < posts.count; row++) {
    let slot = hash(posts.id(row)) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = row + 1;
  }
  return table;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  return h >>> 0;
}
