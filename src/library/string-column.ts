/**
 * Many strings kept as bytes in a few large chunks, with one 4-byte end offset per string: a million post texts
 * as JS strings cost ~300 MB of heap and a full GC walks each one; as bytes they are off the heap and a string
 * is decoded only when it is read (a fraction of a microsecond for a post's text).
 */

export type ColumnEncoding = "utf8" | "latin1";

/** What a column is made of: plain typed arrays, so it can be written to a file or transferred to a thread. */
export interface StringColumnData {
  encoding: ColumnEncoding;
  /** The bytes; a string never straddles two chunks. */
  chunks: Uint8Array[];
  /** The first row of each chunk. */
  firstRows: Int32Array;
  /** Where each row's bytes end within its chunk; a row starts where the row before it ends, or at 0. */
  ends: Uint32Array;
}

/** Chunks stay below this, so offsets fit 32 bits and no single allocation is huge. */
const CHUNK_BYTES = 64 << 20;
const FIRST_CHUNK_BYTES = 64 << 10;

export class StringColumnBuilder {
  private readonly chunks: Uint8Array[] = [];
  private readonly firstRows: number[] = [0];
  private current: Buffer;
  private used = 0;
  private ends = new Uint32Array(1024);
  private rows = 0;

  /** `chunkBytes` is only made small by tests, to cross chunk boundaries with a few posts. */
  constructor(
    private readonly encoding: ColumnEncoding,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    this.current = Buffer.allocUnsafeSlow(Math.min(FIRST_CHUNK_BYTES, chunkBytes));
  }

  add(value: string): void {
    const length = Buffer.byteLength(value, this.encoding);
    if (this.used + length > this.current.length) this.makeRoom(length);
    this.current.write(value, this.used, this.encoding);
    this.used += length;
    if (this.rows === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.rows++] = this.used;
  }

  private makeRoom(length: number): void {
    if (this.used + length <= this.chunkBytes) {
      let size = this.current.length * 2;
      while (size < this.used + length) size *= 2;
      const grown = Buffer.allocUnsafeSlow(Math.min(size, this.chunkBytes));
      this.current.copy(grown, 0, 0, this.used);
      this.current = grown;
      return;
    }
    this.chunks.push(trimmed(this.current, this.used));
    this.firstRows.push(this.rows);
    this.current = Buffer.allocUnsafeSlow(Math.max(Math.min(FIRST_CHUNK_BYTES, this.chunkBytes), length));
    this.used = 0;
  }

  finish(): StringColumnData {
    return {
      encoding: this.encoding,
      chunks: [...this.chunks, trimmed(this.current, this.used)],
      firstRows: Int32Array.from(this.firstRows),
      ends: this.ends.slice(0, this.rows),
    };
  }
}

/** An exact-size copy with an ArrayBuffer of its own (transferable, unlike Buffer's shared pool). */
function trimmed(buffer: Buffer, used: number): Uint8Array {
  return used === buffer.length ? buffer : new Uint8Array(buffer.subarray(0, used));
}

export class StringColumn {
  private readonly views: Buffer[];

  constructor(readonly data: StringColumnData) {
    this.views = data.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  }

  get length(): number {
    return this.data.ends.length;
  }

  get(row: number): string {
    const { firstRows, ends, encoding } = this.data;
    const chunk = firstRows.length === 1 ? 0 : chunkOf(firstRows, row);
    const start = row === firstRows[chunk] ? 0 : ends[row - 1]!;
    return this.views[chunk]!.toString(encoding, start, ends[row]!);
  }

  /** The row's length in bytes, without decoding it. */
  byteLength(row: number): number {
    const { firstRows, ends } = this.data;
    const chunk = firstRows.length === 1 ? 0 : chunkOf(firstRows, row);
    return ends[row]! - (row === firstRows[chunk] ? 0 : ends[row - 1]!);
  }
}

/** The last chunk whose first row is <= row. */
function chunkOf(firstRows: Int32Array, row: number): number {
  let lo = 0;
  let hi = firstRows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (firstRows[mid]! <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
