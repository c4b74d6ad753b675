import { createReadStream } from "node:fs";
import { parse, type Parser } from "csv-parse";
import iconv from "iconv-lite";
import type { Issue } from "../errors.js";
import { detectDelimiter, fieldCountIssue, fitsHeader, PARSE_OPTIONS, syntaxIssue } from "./csv.js";
import type { CsvRow } from "./csv.js";
import { headText, isBlank, LineCounter } from "./csv-source.js";
import { checkHeader, normalizeHeader } from "./header.js";

/** The header row of a streamed file: the named columns, by key and as typed. */
export interface StreamedHeader {
  columns: string[];
  labels: Record<string, string>;
  delimiter: string;
  /** Index of each named column among the record's values. */
  kept: number[];
  /** Number of values in the header row. */
  width: number;
}

/**
 * What streamCsv found. `table: false` means the file has no usable table
 * (a syntax error or a bad header): its issues say why, and every row
 * handed over must be forgotten. `not_streamable` means the file is not
 * plain UTF-8 text, or is empty: read it whole with parseCsv instead.
 */
export type StreamResult = { status: "read"; table: boolean; issues: Issue[] } | { status: "not_streamable" } | { status: "not_utf8" };

/**
 * The encodings a file is streamed in. A file with a UTF-16 byte-order mark
 * is read as UTF-16 whatever is asked; otherwise as `encoding`.
 */
export type StreamEncoding = "utf-8" | "windows-1252";

const HEAD_BYTES = 65_536;
const CHUNK_BYTES = 65_536;
// C0 controls other than tab, line feed, form feed, carriage return and escape: not text (see decodeText).
const CONTROL_BYTES = [...Array(32).keys()].filter((byte) => ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte));
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/;

/**
 * Reads a CSV file a chunk at a time and hands over each data row as it is
 * parsed, so that the file is never held whole. Each chunk is turned into
 * UTF-8 as it is read (Windows-1252, UTF-16) and parsed as that. Gives the
 * same rows and issues as parseCsv on the file's text as decodeText makes
 * it, in the same order. The header is handed to `onHeader` before the
 * first row.
 *
 * `not_utf8`: read as UTF-8 (the default), the file turned out not to be,
 * and has no UTF-8 byte-order mark: decodeText reads it as Windows-1252, so
 * stream it again as that, forgetting the rows handed over.
 * `not_streamable`: not text (a control character, an invalid sequence in
 * a file whose encoding is settled), empty, or unreadable: read it whole
 * with parseCsv instead, which says why.
 */
export async function streamCsv(options: {
  path: string;
  file: string;
  encoding?: StreamEncoding;
  onHeader: (header: StreamedHeader) => void;
  onRow: (row: CsvRow) => void;
  /** Told how many bytes of the file have been parsed, after each chunk. */
  onRead?: (bytes: number) => void;
}): Promise<StreamResult> {
  const { file } = options;
  const chunks = createReadStream(options.path, { highWaterMark: CHUNK_BYTES })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // A file that cannot be read is left to parseCsv's caller, which reports why.
  const head = await readHead(chunks).catch(() => null);
  const encoding = head === null ? "utf-8" : (utf16Of(head) ?? options.encoding ?? "utf-8");
  const transcode = transcoder(encoding);
  const text = head === null ? "control" : transcode(head, head.complete === true);
  const start = typeof text === "string" ? null : openingOf(Object.assign(text, { complete: head!.complete }));
  if (head === null || typeof text === "string" || start === null) {
    await chunks.return?.();
    return text === "invalid" && encoding === "utf-8" && !hasUtf8Mark(head!) ? { status: "not_utf8" } : { status: "not_streamable" };
  }
  const lines = new LineCounter();
  const issues: Issue[] = [];
  let header: (StreamedHeader & { names: string[] }) | null = null;
  let headerIssues: Issue[] | null = null;
  let headerLine = 1;
  // Nameless columns with a value somewhere make the header wrong, as parseCsv finds.
  const namelessWithValues = new Set<number>();
  let recordStart = 0;

  const onRecord = (values: string[], context: { bytes: number }) => {
    const line = lines.lineAt(recordStart);
    recordStart = context.bytes;
    if (values.every((value) => value.trim() === "")) return null;
    if (header === null) {
      header = readHeader(values, start.delimiter);
      headerLine = line;
      headerIssues = checkHeader({ file, line, names: values, kept: header.kept });
      if (headerIssues.length === 0) options.onHeader(header);
      return null;
    }
    for (let index = 0; index < values.length && index < header.names.length; index++) {
      if (header.names[index]!.trim() === "" && values[index]!.trim() !== "") namelessWithValues.add(index);
    }
    if (headerIssues!.length > 0) return null;
    if (!fitsHeader(values, header.width, header.kept)) {
      issues.push(fieldCountIssue({ file, line, values, header: header.names, delimiter: start.delimiter }));
      return null;
    }
    const cells: Record<string, string> = {};
    for (let n = 0; n < header.kept.length; n++) cells[header.columns[n]!] = values[header.kept[n]!] ?? "";
    options.onRow({ line, cells });
    return null;
  };

  const parser = parse({ ...PARSE_OPTIONS, delimiter: start.delimiter, on_record: onRecord });
  // Once rows are handed over, a file found not to be UTF-8 is read again as Windows-1252, unless its mark says UTF-8.
  const notText = (found: "invalid" | "control"): StreamResult =>
    found === "invalid" && encoding === "utf-8" && !hasUtf8Mark(head) ? { status: "not_utf8" } : { status: "not_streamable" };
  try {
    let read = head.length;
    for (let chunk: Buffer | null = text.subarray(start.skip); chunk !== null; ) {
      lines.push(chunk);
      await write(parser, chunk);
      options.onRead?.(read);
      const got = await next(chunks).then((value) => ({ value }), () => null);
      if (got === null) return { status: "not_streamable" };
      if (got.value === null) break;
      read += got.value.length;
      const converted = transcode(got.value, false);
      if (typeof converted === "string") return notText(converted);
      chunk = converted;
    }
    const rest = transcode(Buffer.alloc(0), true);
    if (typeof rest === "string") return notText(rest);
    if (rest.length > 0) {
      lines.push(rest);
      await write(parser, rest);
    }
    await finish(parser);
  } catch (error) {
    const names = (header as { names: string[] } | null)?.names ?? [];
    return { status: "read", table: false, issues: [syntaxIssue({ file, error, lineAt: (offset) => lines.lineAt(offset), header: () => names })] };
  } finally {
    await chunks.return?.();
  }
  if (header === null) return { status: "not_streamable" };
  const found = header as StreamedHeader & { names: string[] };
  if (namelessWithValues.size > 0) {
    const kept = found.names.map((_, index) => index).filter((index) => found.names[index]!.trim() !== "" || namelessWithValues.has(index));
    return { status: "read", table: false, issues: checkHeader({ file, line: headerLine, names: found.names, kept }) };
  }
  if (headerIssues!.length > 0) return { status: "read", table: false, issues: headerIssues! };
  return { status: "read", table: true, issues };
}

function readHeader(names: string[], delimiter: string): StreamedHeader & { names: string[] } {
  const kept = names.map((_, index) => index).filter((index) => names[index]!.trim() !== "");
  const columns = kept.map((index) => normalizeHeader(names[index]!));
  const labels = Object.fromEntries(kept.map((index, n) => [columns[n]!, names[index]!.trim()]));
  return { names, columns, labels, delimiter, kept, width: names.length };
}

/** At least the first HEAD_BYTES of the file (all of it when shorter), to find the delimiter. */
async function readHead(chunks: AsyncIterator<Buffer>): Promise<Buffer & { complete?: boolean }> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const chunk = await next(chunks);
    if (chunk === null) return Object.assign(Buffer.concat(parts), { complete: true });
    parts.push(chunk);
    length += chunk.length;
  }
  return Buffer.concat(parts);
}

/**
 * Where the CSV text starts (after a byte-order mark and the `sep=` of a
 * `sep=;` line, whose line end stays so that line numbers are the file's)
 * and its delimiter, in the head turned into UTF-8; null for a file of
 * nothing but blanks, which parseCsv must read whole.
 */
function openingOf(head: Buffer & { complete?: boolean }): { skip: number; delimiter: string } | null {
  const bom = hasUtf8Mark(head) ? 3 : 0;
  if (head.complete && isBlank(head.subarray(bom))) return null;
  const text = headText(head.subarray(bom));
  const sep = /^sep=([,;\t])(?=\r?\n)/.exec(text);
  return { skip: bom + (sep ? sep[0].length : 0), delimiter: sep ? sep[1]! : detectDelimiter(text) };
}

function hasUtf8Mark(bytes: Buffer): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** UTF-16 when the file starts with its byte-order mark, as decodeText decides. */
function utf16Of(head: Buffer): "utf-16le" | "utf-16be" | null {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Turns a file's chunks, in order, into UTF-8; `last` for the last one. A
 * chunk that is not text in the encoding gives why: `control`, a control
 * character; `invalid`, a byte sequence the encoding has not (checked across
 * chunks). A UTF-16 mark is kept, as the UTF-8 one, for openingOf to skip.
 */
function transcoder(encoding: StreamEncoding | "utf-16le" | "utf-16be"): (chunk: Buffer, last: boolean) => Buffer | "invalid" | "control" {
  if (encoding === "windows-1252") {
    // Single bytes: each chunk stands alone. iconv-lite has the real table (see decodeText).
    return (chunk) => (hasControlBytes(chunk) ? "control" : Buffer.from(iconv.decode(chunk, "windows-1252"), "utf8"));
  }
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return (chunk, last) => {
    if (encoding === "utf-8" && hasControlBytes(chunk)) return "control";
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: !last });
    } catch {
      return "invalid";
    }
    if (encoding === "utf-8") return chunk;
    return CONTROL_CHARACTERS.test(text) ? "control" : Buffer.from(text, "utf8");
  };
}

function hasControlBytes(chunk: Buffer): boolean {
  return CONTROL_BYTES.some((byte) => chunk.includes(byte));
}

async function next(chunks: AsyncIterator<Buffer>): Promise<Buffer | null> {
  const result = await chunks.next();
  return result.done ? null : result.value;
}

function write(parser: Parser, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.once("error", reject);
    parser.write(chunk, (error) => {
      parser.off("error", reject);
      if (error) reject(error);
      else resolve();
    });
  });
}

function finish(parser: Parser): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.once("error", reject);
    parser.once("finish", resolve);
    parser.resume();
    parser.end();
  });
}
