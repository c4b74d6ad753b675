/** The first capacity of a column: it doubles from there. */
export const FIRST_CAPACITY = 4_096;

type Numbers = Uint8Array | Uint16Array | Uint32Array | Float64Array;

// Each width in turn, a value too large for one moving the column to the next.
const WIDTHS = [
  { max: 0xff, make: (n: number) => new Uint8Array(n) },
  { max: 0xffff, make: (n: number) => new Uint16Array(n) },
  { max: 0xffff_ffff, make: (n: number) => new Uint32Array(n) },
  { max: Number.MAX_SAFE_INTEGER, make: (n: number) => new Float64Array(n) },
];

/**
 * A column of whole numbers (0 and up) in one typed array, as narrow as its
 * largest value allows: 1 byte a row for a small code, 8 for a file offset
 * past 4 GB. The array doubles when full; a value too large for it widens it.
 */
export class NumberColumn {
  /** The numbers, the first `length` of them in use; read `values[row]`. */
  values: Numbers = new Uint8Array(FIRST_CAPACITY);
  length = 0;
  private width = 0;

  /** Adds a number at the end. */
  push(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`a column holds whole numbers from 0 up, not ${value}`);
    let width = this.width;
    while (value > WIDTHS[width]!.max) width++;
    if (width !== this.width || this.length === this.values.length) {
      this.resize(this.length === this.values.length ? Math.max(this.values.length * 2, FIRST_CAPACITY) : this.values.length, width);
    }
    this.values[this.length++] = value;
  }

  /** Lets go of the room kept for numbers still to come. */
  trim(): void {
    if (this.values.length > this.length) this.resize(this.length, this.width);
  }

  private resize(capacity: number, width: number): void {
    const values = WIDTHS[width]!.make(capacity);
    values.set(this.values.subarray(0, this.length));
    this.values = values;
    this.width = width;
  }
}

/**
 * Values that many rows share, each held once and named by a small code
 * (its place in `values`). Codes are handed out in order from 0.
 */
export class CodeTable<T> {
  private codes: Map<string, number> | null = new Map();

  /** `values`: the values by code; those given at first have no key and are never handed out by `code`. */
  constructor(readonly values: T[] = []) {}

  /** The code of the value with this key, made with `make` the first time the key is seen. */
  code(key: string, make: () => T): number {
    if (this.codes === null) throw new Error("a table takes no new values once sealed");
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(make());
      this.codes.set(key, code);
    }
    return code;
  }

  /** Lets go of the index from keys to codes: the table is only read from now on. */
  seal(): void {
    this.codes = null;
  }
}
