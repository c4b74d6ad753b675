// The slots double when more than half are taken, so that a search ends in a step or two.
const FIRST_SLOTS = 1_024;

/**
 * The ids of a file's rows and the line each was first seen on, ids matching
 * without regard to case. A hash table on typed arrays: an id costs a
 * reference to its string and a few bytes, where a Map would hold a
 * lower-case copy of every id and an entry object.
 */
export class IdTable {
  private readonly ids: string[] = [];
  private lines = new Float64Array(FIRST_SLOTS / 2);
  private hashes = new Uint32Array(FIRST_SLOTS / 2);
  // Entry number + 1 of the id that hashes there, 0 for a free slot.
  private slots = new Uint32Array(FIRST_SLOTS);

  /** The line an id was first seen on; when it is new, the id is kept with this line and the answer is undefined. */
  firstLine(id: string, line: number): number | undefined {
    const hash = hashIgnoringCase(id);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot]!; entry !== 0; entry = this.slots[slot]!) {
      const other = this.ids[entry - 1]!;
      if (this.hashes[entry - 1] === hash && (other === id || other.toLowerCase() === id.toLowerCase())) return this.lines[entry - 1]!;
      slot = (slot + 1) & mask;
    }
    this.add(id, line, hash, slot);
    return undefined;
  }

  private add(id: string, line: number, hash: number, slot: number): void {
    const entry = this.ids.length;
    if (entry === this.lines.length) {
      this.lines = grown(this.lines, new Float64Array(entry * 2));
      this.hashes = grown(this.hashes, new Uint32Array(entry * 2));
    }
    this.ids.push(id);
    this.lines[entry] = line;
    this.hashes[entry] = hash;
    this.slots[slot] = entry + 1;
    if (this.ids.length * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.ids.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

function grown<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * FNV-1a over the UTF-16 units of the id in lower case. An ASCII id is
 * lowered unit by unit, as toLowerCase would, without making a copy; any
 * other is hashed as toLowerCase gives it, so that ids equal in lower case
 * hash alike whatever their letters.
 */
export function hashIgnoringCase(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    let unit = id.charCodeAt(i);
    if (unit >= 0x80) return hashUnits(id.toLowerCase());
    if (unit >= 0x41 && unit <= 0x5a) unit += 0x20;
    hash = Math.imul(hash ^ unit, 0x01000193);
  }
  return hash >>> 0;
}

function hashUnits(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
