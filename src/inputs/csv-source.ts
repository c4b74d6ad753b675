/**
 * What parseCsv reads: text, or the bytes of a file already checked to be
 * UTF-8 text (without its byte-order mark). Read as bytes, a large file is
 * never also held as one string, nor copied by csv-parse.
 */
export type CsvSource = string | Buffer;

/** The source as csv-parse takes it: a string, or a Buffer over the same memory. */
export function toSource(input: string | Uint8Array): CsvSource {
  return typeof input === "string" ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/** True when the source holds nothing but spaces, tabs and line ends (or, as text, any white space). */
export function isBlank(source: CsvSource): boolean {
  if (typeof source === "string") return source.trim() === "";
  return source.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}

/** Enough of the start of the source, as text, to find a `sep=` line and the delimiter of the header. */
export function headText(source: CsvSource): string {
  return typeof source === "string" ? source : new TextDecoder("utf-8", { ignoreBOM: true }).decode(source.subarray(0, 65_536));
}

/** The source without its first `length` bytes (characters, for text). */
export function dropAsciiPrefix(source: CsvSource, length: number): CsvSource {
  return typeof source === "string" ? source.slice(length) : source.subarray(length);
}

/**
 * Line number (from 1) of a byte offset in the UTF-8 form of the source,
 * which is how csv-parse counts; offsets must be asked in increasing order.
 */
export function lineCounter(source: CsvSource): (offset: number) => number {
  return typeof source === "string" ? textLineCounter(source) : byteLineCounter(source);
}

function byteLineCounter(bytes: Uint8Array): (offset: number) => number {
  const counter = new LineCounter();
  counter.push(bytes);
  return (offset) => counter.lineAt(offset);
}

// Walks the text itself rather than an encoded copy of it.
function textLineCounter(text: string): (offset: number) => number {
  let index = 0;
  let bytes = 0;
  let line = 1;
  return (offset) => {
    for (; bytes < offset && index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) line++;
      // A surrogate pair is one four-byte character: two bytes for each half.
      bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
    }
    return line;
  };
}

/**
 * Line numbers (from 1) of byte offsets asked in increasing order, over
 * chunks that arrive in turn; counts a CR LF once, and keeps only the chunks
 * not yet counted.
 */
export class LineCounter {
  private chunks: Uint8Array[] = [];
  private base = 0;
  private position = 0;
  private line = 1;
  private previous = -1;

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
  }

  lineAt(offset: number): number {
    while (this.position < offset && this.chunks.length > 0) {
      const chunk = this.chunks[0]!;
      const stop = Math.min(offset - this.base, chunk.length);
      for (let i = this.position - this.base; i < stop; i++) {
        const byte = chunk[i]!;
        if (byte === 0x0d || (byte === 0x0a && this.previous !== 0x0d)) this.line++;
        this.previous = byte;
      }
      this.position = this.base + stop;
      if (stop === chunk.length) {
        this.chunks.shift();
        this.base += chunk.length;
      }
    }
    return this.line;
  }
}
