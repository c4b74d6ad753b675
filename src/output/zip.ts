import { closeSync, fstatSync, openSync } from "node:fs";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32, createDeflateRaw, createInflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";
import { workbookFixes, type ChunkFixer, type WorkbookFixes } from "./workbook-xml.js";
import { DEFLATED, STORED, centralDirectory, dosTime, localHeader, readEntries, readExactly, writeExactly, type Entry, type Source, type Stamp } from "./zip-format.js";

/** A file's entries are copied this many bytes at a time. */
const COPY_CHUNK = 1 << 20;
/** A big entry is fixed this many bytes at a time, as it is inflated. */
const INFLATED_CHUNK = 256 << 10;
/**
 * Entries bigger than this (a big archive's sheets) are compressed again
 * at zlib's fastest level, as exceljs's streaming writer compresses them;
 * in a file, they are fixed as they stream through, never held whole.
 */
const BIG_ENTRY = 8 << 20;

/**
 * Re-packs a zip (an .xlsx) so that its bytes depend only on its contents
 * and the given day: every entry is stamped with noon of `date`, entries
 * come in a fixed order (`[Content_Types].xml` first, then by name,
 * `xl/workbook.xml` last) and folder entries are left out. What exceljs
 * writes that Excel would repair is fixed on the way (see workbook-xml.ts).
 * Other compressed entries are copied as they are; stored ones are
 * compressed here with Node's zlib, many times faster than exceljs's
 * JavaScript deflate.
 */
export function repackZip(bytes: Uint8Array, options: { date: string }): Uint8Array {
  const source: Source = { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
  const fixes = workbookFixes();
  const stamp = dosTime(options.date);
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  const entries = planEntries(source).map((entry) => {
    const e = wholeEntry(entry, source, fixes);
    const header = localHeader(e, stamp);
    offsets.push(at);
    chunks.push(header, e.data ?? source.read(e.start!, e.compressedSize));
    at += header.length + e.compressedSize;
    return e;
  });
  chunks.push(centralDirectory(entries, offsets, at, stamp));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let written = 0;
  for (const chunk of chunks) {
    out.set(chunk, written);
    written += chunk.length;
  }
  return out;
}

/**
 * repackZip from file to file, for a workbook too big to hold: the entries
 * are copied a megabyte at a time, and a big sheet is fixed as it streams
 * from one file to the other. The bytes are those repackZip makes.
 */
export async function repackZipFile(from: string, to: string, options: { date: string }): Promise<void> {
  const input = openSync(from, "r");
  try {
    const output = openSync(to, "w");
    try {
      const source: Source = { size: fstatSync(input).size, read: (offset, length) => readExactly(input, offset, length) };
      await writeFileEntries({ source, fd: output, stamp: dosTime(options.date) });
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

async function writeFileEntries(options: { source: Source; fd: number; stamp: Stamp }): Promise<void> {
  const { source, fd, stamp } = options;
  const fixes = workbookFixes();
  const offsets: number[] = [];
  const entries: Entry[] = [];
  let at = 0;
  for (const entry of planEntries(source)) {
    offsets.push(at);
    const fixer = isBig(entry) ? fixes.sheet(entry.text) : null;
    let e: Entry;
    if (fixer !== null) e = await streamEntry({ e: entry, source, fixer, fd, at, stamp });
    else {
      e = wholeEntry(entry, source, fixes);
      writeExactly(fd, localHeader(e, stamp));
      if (e.data !== null) writeExactly(fd, e.data);
      else for (const chunk of readChunks(source, e)) writeExactly(fd, chunk);
    }
    at += 30 + e.name.length + e.compressedSize;
    entries.push(e);
  }
  writeExactly(fd, centralDirectory(entries, offsets, at, stamp));
}

/** The entries to write, in order. */
function planEntries(source: Source): Entry[] {
  return readEntries(source).filter((e) => !e.text.endsWith("/")).sort(compareEntries);
}

const isBig = (e: Entry) => e.size > BIG_ENTRY && (e.method === STORED || e.method === DEFLATED);

/** An entry fixed whole if it needs it, else as it came with a stored one compressed. */
function wholeEntry(e: Entry, source: Source, fixes: WorkbookFixes): Entry {
  const sheet = e.method === STORED || e.method === DEFLATED ? fixes.sheet(e.text) : null;
  const part = sheet === null && (e.method === STORED || e.method === DEFLATED) ? fixes.part(e.text) : null;
  if (sheet === null && part === null) return compressStored(e, source);
  const content = e.method === STORED ? source.read(e.start!, e.compressedSize) : inflateRawSync(source.read(e.start!, e.compressedSize));
  const fixed = sheet !== null ? fixWhole(sheet, content) : part!(content);
  return fixed === null ? compressStored(e, source) : packed(e, fixed);
}

function fixWhole(fixer: ChunkFixer, content: Uint8Array): Uint8Array | null {
  const fixed = Buffer.concat([fixer.push(content), fixer.end()]);
  return fixed.equals(content) ? null : fixed;
}

// An entry stored uncompressed is deflated, unless that makes it no smaller.
function compressStored(e: Entry, source: Source): Entry {
  if (e.method !== STORED || e.size === 0) return e;
  return packed(e, source.read(e.start!, e.compressedSize));
}

/** The entry holding `content`, deflated unless that makes it no smaller. */
function packed(e: Entry, content: Uint8Array): Entry {
  const data = deflateRawSync(content, { level: isBig(e) ? 1 : 6 });
  const crc = crc32(content);
  if (data.length < content.length) return { ...e, method: DEFLATED, crc, size: content.length, compressedSize: data.length, start: null, data };
  return { ...e, method: STORED, crc, size: content.length, compressedSize: content.length, start: null, data: content };
}

/**
 * Writes a big entry fixed as it streams: inflated, fixed and deflated a
 * chunk at a time, its local header written again once its sizes are known.
 */
async function streamEntry(options: { e: Entry; source: Source; fixer: ChunkFixer; fd: number; at: number; stamp: Stamp }): Promise<Entry> {
  const { e, fixer, fd } = options;
  writeExactly(fd, localHeader({ ...e, method: DEFLATED, crc: 0, size: 0, compressedSize: 0 }, options.stamp));
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  async function* fix(chunks: AsyncIterable<Buffer>) {
    const counted = (piece: Buffer) => {
      crc = crc32(piece, crc);
      size += piece.length;
      return piece;
    };
    for await (const chunk of chunks) yield counted(fixer.push(chunk));
    yield counted(fixer.end());
  }
  await pipeline(readChunks(options.source, e), e.method === DEFLATED ? createInflateRaw({ chunkSize: INFLATED_CHUNK }) : new PassThrough(), fix, createDeflateRaw({ level: 1 }), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      writeExactly(fd, chunk);
      compressedSize += chunk.length;
    }
  });
  const done: Entry = { ...e, method: DEFLATED, crc, size, compressedSize, start: null, data: null };
  writeExactly(fd, localHeader(done, options.stamp), options.at);
  return done;
}

function* readChunks(source: Source, e: Entry): Generator<Uint8Array> {
  for (let done = 0; done < e.compressedSize; done += COPY_CHUNK) yield source.read(e.start! + done, Math.min(COPY_CHUNK, e.compressedSize - done));
}

// Excel and LibreOffice read any order, but some tools expect the content types first.
// The workbook part comes last: the names of the sheets' filters are written into it (see workbook-xml.ts).
function compareEntries(a: Entry, b: Entry): number {
  const rank = (name: string) => (name === "[Content_Types].xml" ? 0 : name === "xl/workbook.xml" ? 2 : 1);
  return rank(a.text) - rank(b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}
