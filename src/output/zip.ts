import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { deflateRawSync } from "node:zlib";

/** Zip times are stored without a time zone, from 1980 to 2099 as DOS dates allow. */
const EARLIEST = "1980-01-01";
const LATEST = "2099-12-31";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A file's entries are copied this many bytes at a time. */
const COPY_CHUNK = 1 << 20;

/** Where a zip's bytes are read from: the bytes themselves, or a file read a part at a time. */
interface Source {
  size: number;
  read(offset: number, length: number): Uint8Array;
}

interface Entry {
  name: Uint8Array;
  text: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed bytes start in the source; null when `data` holds them instead. */
  start: number | null;
  data: Uint8Array | null;
}

/**
 * Re-packs a zip (an .xlsx) so that its bytes depend only on its contents
 * and the given day: every entry is stamped with noon of `date`, entries
 * come in a fixed order (`[Content_Types].xml` first, then by name) and
 * folder entries are left out. Compressed entries are copied as they are, so
 * a big workbook is never held uncompressed; stored ones are compressed here
 * with Node's zlib, many times faster than exceljs's JavaScript deflate.
 */
export function repackZip(bytes: Uint8Array, options: { date: string }): Uint8Array {
  const source: Source = { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
  const entries = planEntries(source);
  const out = new Uint8Array(zipSize(entries));
  let at = 0;
  writeZip(entries, source, options.date, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}

/**
 * repackZip from file to file, for a workbook too big to hold: the entries
 * are copied a megabyte at a time. Only stored entries are read whole, to
 * be compressed; a streamed workbook's sheets come compressed already.
 */
export function repackZipFile(from: string, to: string, options: { date: string }): void {
  const input = openSync(from, "r");
  try {
    const output = openSync(to, "w");
    try {
      const source: Source = { size: fstatSync(input).size, read: (offset, length) => readExactly(input, offset, length) };
      writeZip(planEntries(source), source, options.date, (chunk) => writeExactly(output, chunk));
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

/** The entries to write, in order, stored ones compressed. */
function planEntries(source: Source): Entry[] {
  return readEntries(source).filter((e) => !e.text.endsWith("/")).sort(compareEntries).map((e) => compressStored(e, source));
}

function zipSize(entries: readonly Entry[]): number {
  return entries.reduce((sum, e) => sum + 30 + 46 + 2 * e.name.length + e.compressedSize, END_SIZE);
}

function writeZip(entries: readonly Entry[], source: Source, day: string, write: (chunk: Uint8Array) => void): void {
  const { time, date } = dosTime(day);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    const header = new Uint8Array(30 + e.name.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, LOCAL, true);
    writeCommon(view, 4, e, time, date);
    view.setUint16(28, 0, true);
    header.set(e.name, 30);
    write(header);
    if (e.data !== null) write(e.data);
    else for (let done = 0; done < e.compressedSize; done += COPY_CHUNK) write(source.read(e.start! + done, Math.min(COPY_CHUNK, e.compressedSize - done)));
    at += header.length + e.compressedSize;
  }
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const central = new Uint8Array(centralSize + END_SIZE);
  const view = new DataView(central.buffer);
  let c = 0;
  entries.forEach((e, i) => {
    view.setUint32(c, CENTRAL, true);
    view.setUint16(c + 4, 20, true);
    writeCommon(view, c + 6, e, time, date);
    // Extra field, comment, disk, internal and external attributes: all zero.
    view.setUint32(c + 42, offsets[i]!, true);
    central.set(e.name, c + 46);
    c += 46 + e.name.length;
  });
  view.setUint32(c, END, true);
  view.setUint16(c + 8, entries.length, true);
  view.setUint16(c + 10, entries.length, true);
  view.setUint32(c + 12, centralSize, true);
  view.setUint32(c + 16, at, true);
  write(central);
}

// The fields local and central headers share, from "version needed" to "name length".
function writeCommon(view: DataView, at: number, e: Entry, time: number, date: number): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, e.flags, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, time, true);
  view.setUint16(at + 8, date, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.compressedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
}

const STORED = 0;
const DEFLATED = 8;

// An entry stored uncompressed is deflated, unless that makes it no smaller.
function compressStored(e: Entry, source: Source): Entry {
  if (e.method !== STORED || e.size === 0) return e;
  const data = deflateRawSync(source.read(e.start!, e.compressedSize), { level: 6 });
  return data.length < e.size ? { ...e, method: DEFLATED, compressedSize: data.length, start: null, data } : e;
}

/** The entries of a zip, from its central directory, each with where its compressed bytes are. */
function readEntries(source: Source): Entry[] {
  const tailStart = Math.max(0, source.size - END_SIZE - MAX_COMMENT);
  const tail = source.read(tailStart, source.size - tailStart);
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = tail.length - END_SIZE;
  while (end >= 0 && tailView.getUint32(end, true) !== END) end -= 1;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = tailView.getUint16(end + 10, true);
  const centralSize = tailView.getUint32(end + 12, true);
  const bytes = source.read(tailView.getUint32(end + 16, true), centralSize);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: Entry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new Error("not a zip file: bad central directory");
    const nameLength = view.getUint16(at + 28, true);
    const name = bytes.slice(at + 46, at + 46 + nameLength);
    const local = view.getUint32(at + 42, true);
    const header = source.read(local + 26, 4);
    const lengths = new DataView(header.buffer, header.byteOffset, header.byteLength);
    entries.push({
      name,
      text: new TextDecoder().decode(name),
      flags: view.getUint16(at + 8, true) & UTF8_NAMES,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      start: local + 30 + lengths.getUint16(0, true) + lengths.getUint16(2, true),
      data: null,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function readExactly(fd: number, offset: number, length: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, offset + done);
    if (read === 0) throw new Error("not a zip file: it ends before its entries do");
    done += read;
  }
  return buffer;
}

function writeExactly(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Noon of a day as DOS time and date fields: the same bytes in every time zone. Noon, as zip tools read local time. */
function dosTime(day: string): { time: number; date: number } {
  const [year, month, date] = (day < EARLIEST ? EARLIEST : day > LATEST ? LATEST : day).split("-").map(Number) as [number, number, number];
  return { time: 12 << 11, date: ((year - 1980) << 9) | (month << 5) | date };
}

// Excel and LibreOffice read any order, but some tools expect the content types first.
function compareEntries(a: Entry, b: Entry): number {
  const rank = (name: string) => (name === "[Content_Types].xml" ? 0 : 1);
  return rank(a.text) - rank(b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}
