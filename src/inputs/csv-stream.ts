import { createReadStream } from "node:fs";
import { parse, type Parser } from "csv-parse";
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
export type StreamResult = { status: "read"; table: boolean; issues: Issue[] } | { status: "not_streamable" };

const HEAD_BYTES = 65_536;
const CHUNK_BYTES = 65_536;
// C0 controls other than tab, line feed, form feed, carriage return and escape: not text (see decodeText).
const CONTROL_BYTES = [...Array(32).keys()].filter((byte) => ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte));

/**
 * Reads a UTF-8 CSV file a chunk at a time and hands over each data row as
 * it is parsed, so that the file is never held whole. Gives the same rows
 * and issues as parseCsv on the file's bytes, in the same order. The header
 * is handed to `onHeader` before the first row.
 */
export async function streamCsv(options: {
  path: string;
  file: string;
  onHeader: (header: StreamedHeader) => void;
  onRow: (row: CsvRow) => void;
  /** Told how many bytes of the file have been parsed, after each chunk. */
  onRead?: (bytes: number) => void;
}): Promise<StreamResult> {
  const { file } = options;
  const chunks = createReadStream(options.path, { highWaterMark: CHUNK_BYTES })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // A file that cannot be read is left to parseCsv's caller, which reports why.
  const head = await readHead(chunks).catch(() => null);
  const start = head === null ? null : openingOf(head);
  if (head === null || start === null) {
    await chunks.return?.();
    return { status: "not_streamable" };
  }
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
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
  try {
    let read = start.skip;
    for (let chunk: Buffer | null = head.subarray(start.skip); chunk !== null; ) {
      if (!isText(chunk, decoder)) return { status: "not_streamable" };
      lines.push(chunk);
      await write(parser, chunk);
      options.onRead?.((read += chunk.length));
      const got = await next(chunks).then((value) => ({ value }), () => null);
      if (got === null) return { status: "not_streamable" };
      chunk = got.value;
    }
    if (!isText(Buffer.alloc(0), decoder, true)) return { status: "not_streamable" };
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
 * Where the CSV text starts (after a UTF-8 byte-order mark and the `sep=`
 * of a `sep=;` line, whose line end stays so that line numbers are the
 * file's) and its delimiter; null for a file parseCsv must read whole:
 * UTF-16, or nothing but blanks.
 */
function openingOf(head: Buffer & { complete?: boolean }): { skip: number; delimiter: string } | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head.complete && isBlank(head.subarray(bom))) return null;
  const text = headText(head.subarray(bom));
  const sep = /^sep=([,;\t])(?=\r?\n)/.exec(text);
  return { skip: bom + (sep ? sep[0].length : 0), delimiter: sep ? sep[1]! : detectDelimiter(text) };
}

/** False when the bytes are not UTF-8 text: an invalid sequence (checked across chunks) or a control character. */
function isText(chunk: Buffer, decoder: InstanceType<typeof TextDecoder>, last = false): boolean {
  for (const byte of CONTROL_BYTES) if (chunk.includes(byte)) return false;
  try {
    decoder.decode(chunk, { stream: !last });
    return true;
  } catch {
    return false;
  }
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
