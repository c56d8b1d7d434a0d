/**
 * Term -> id while indexing. Most words are plain ASCII: they are hashed and compared where they stand in
 * the post, lower-cased on the fly, so a word already seen costs no string and no Map lookup (measured:
 * those were a third of the indexing time).
 */
const EMPTY = -1;

export class TermTable {
  readonly terms: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(1 << 16).fill(EMPTY);

  idOfAscii(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ lower(text.charCodeAt(i)), 0x01000193);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = this.slots[at]!;
      if (id === EMPTY) return this.insert(text.slice(start, end).toLowerCase(), hash, at);
      if (this.hashes[id] === hash && sameLowered(this.terms[id]!, text, start, end)) return id;
    }
  }

  idOf(word: string): number {
    return this.idOfAscii(word, 0, word.length);
  }

  private insert(term: string, hash: number, at: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.hashes.push(hash);
    this.slots[at] = id;
    if (this.terms.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, id) => {
      let at = hash & mask;
      while (slots[at] !== EMPTY) at = (at + 1) & mask;
      slots[at] = id;
    });
    this.slots = slots;
  }
}

/** ASCII lower-casing of one char code; other code units are left alone (folded words are lower already). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function sameLowered(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let i = 0; i < term.length; i++)
    if (term.charCodeAt(i) !== lower(text.charCodeAt(start + i))) return false;
  return true;
}
