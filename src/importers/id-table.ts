/**
 * Ids seen during an import, kept compactly: a million X ids as JavaScript strings (and a Set or Map
 * around them) took about 0.5 KB each. An id that is decimal digits after a short prefix (`123…`, `x-123…`;
 * X ids have up to 19 digits, beyond 2^53) is stored exactly as numbers in a typed-array hash table,
 * 16 bytes a slot; any other id (a Mastodon URL, a Bluesky at:// URI) in an ordinary Map.
 * Each id gets a dense number (0, 1, 2, … in order of first sight), for arrays indexed by id.
 */

const EMPTY = 0xffffffff;
const TWO_32 = 2 ** 32;
/**
 * A prefix of up to 64 characters, then 6 to 24 digits (the 9 last in one word, the rest, below 2^53, in
 * two). Digits with a leading zero start after it: the prefix keeps `x-0123` apart from `x-123`.
 */
const NUMERIC = /^(.{0,64}?)([1-9]\d{5,23})$/;
/** Each prefix has a table of its own: ids that all differ in their prefix go to the Map instead. */
const MAX_PREFIXES = 64;

export class IdTable {
  #size = 0;
  readonly #numeric = new Map<string, NumberTable>();
  readonly #other = new Map<string, number>();

  get size(): number {
    return this.#size;
  }

  /** The id's number, or -1 when it was never added. */
  get(id: string): number {
    const parts = split(id);
    const table = parts && this.#numeric.get(parts.prefix);
    return parts && table ? table.get(parts.hi, parts.lo) : (this.#other.get(id) ?? -1);
  }

  has(id: string): boolean {
    return this.get(id) !== -1;
  }

  /** The id's number, added if new. */
  add(id: string): number {
    const parts = split(id);
    let table = parts && this.#numeric.get(parts.prefix);
    if (parts && table === undefined && this.#numeric.size < MAX_PREFIXES) {
      table = new NumberTable();
      this.#numeric.set(parts.prefix, table);
    }
    if (parts === undefined || table === undefined) {
      const known = this.#other.get(id);
      if (known !== undefined) return known;
      this.#other.set(id, this.#size);
      return this.#size++;
    }
    const found = table.get(parts.hi, parts.lo);
    if (found !== -1) return found;
    const index = this.#size++;
    table.add(parts.hi, parts.lo, index);
    return index;
  }
}

function split(id: string): { prefix: string; hi: number; lo: number } | undefined {
  const match = NUMERIC.exec(id);
  if (match === null) return undefined;
  const digits = match[2]!;
  const cut = digits.length - 9;
  return cut > 0
    ? { prefix: match[1]!, hi: Number(digits.slice(0, cut)), lo: Number(digits.slice(cut)) }
    : { prefix: match[1]!, hi: 0, lo: Number(digits) };
}

/** Open addressing, linear probing; slots of four words: low 9 digits, the rest (two words), number. */
class NumberTable {
  #slots = new Uint32Array(4 * 1024).fill(EMPTY);
  #mask = 1023;
  #count = 0;

  get(hi: number, lo: number): number {
    const slots = this.#slots;
    const hiLow = hi % TWO_32;
    const hiHigh = Math.floor(hi / TWO_32);
    for (let slot = hash(hiLow, hiHigh, lo) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * 4;
      if (slots[at] === EMPTY) return -1;
      if (slots[at] === lo && slots[at + 1] === hiLow && slots[at + 2] === hiHigh) return slots[at + 3]!;
    }
  }

  add(hi: number, lo: number, index: number): void {
    if ((this.#count + 1) * 10 > (this.#mask + 1) * 7) this.#grow();
    this.#put(hi % TWO_32, Math.floor(hi / TWO_32), lo, index);
    this.#count++;
  }

  #put(hiLow: number, hiHigh: number, lo: number, index: number): void {
    const slots = this.#slots;
    let slot = hash(hiLow, hiHigh, lo) & this.#mask;
    while (slots[slot * 4] !== EMPTY) slot = (slot + 1) & this.#mask;
    slots.set([lo, hiLow, hiHigh, index], slot * 4);
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2).fill(EMPTY);
    this.#mask = this.#mask * 2 + 1;
    for (let at = 0; at < old.length; at += 4)
      if (old[at] !== EMPTY) this.#put(old[at + 1]!, old[at + 2]!, old[at]!, old[at + 3]!);
  }
}

/** Snowflake ids differ mostly in their middle digits: mix every word. */
function hash(hiLow: number, hiHigh: number, lo: number): number {
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ hiLow ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ hiHigh ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/** A growable array of 32-bit numbers indexed by an id's number (0 where nothing was set). */
export class IdNumbers {
  #values = new Int32Array(1024);

  get(index: number): number {
    return index < this.#values.length ? this.#values[index]! : 0;
  }

  set(index: number, value: number): void {
    if (index >= this.#values.length) {
      let length = this.#values.length * 2;
      while (length <= index) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[index] = value;
  }
}
