import { readSync, writeSync } from "node:fs";

/** Zip times are stored without a time zone, from 1980 to 2099 as DOS dates allow. */
const EARLIEST = "1980-01-01";
const LATEST = "2099-12-31";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

export const STORED = 0;
export const DEFLATED = 8;

/** Where a zip's bytes are read from: the bytes themselves, or a file read a part at a time. */
export interface Source {
  size: number;
  read(offset: number, length: number): Uint8Array;
}

/** One entry of a zip, as its central directory gives it. */
export interface Entry {
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

/** DOS time and date fields, as dosTime makes them. */
export interface Stamp {
  time: number;
  date: number;
}

/** The entries of a zip, from its central directory, each with where its compressed bytes are. */
export function readEntries(source: Source): Entry[] {
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

/** The local header of an entry; written again with the sizes once a streamed entry is done. */
export function localHeader(e: Entry, stamp: Stamp): Uint8Array {
  const header = new Uint8Array(30 + e.name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, LOCAL, true);
  writeCommon(view, 4, e, stamp);
  view.setUint16(28, 0, true);
  header.set(e.name, 30);
  return header;
}

/** The central directory and its end record, for entries written at `offsets`, `at` bytes in all. */
export function centralDirectory(entries: readonly Entry[], offsets: readonly number[], at: number, stamp: Stamp): Uint8Array {
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const central = new Uint8Array(centralSize + END_SIZE);
  const view = new DataView(central.buffer);
  let c = 0;
  entries.forEach((e, i) => {
    view.setUint32(c, CENTRAL, true);
    view.setUint16(c + 4, 20, true);
    writeCommon(view, c + 6, e, stamp);
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
  return central;
}

// The fields local and central headers share, from "version needed" to "name length".
function writeCommon(view: DataView, at: number, e: Entry, stamp: Stamp): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, e.flags, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, stamp.time, true);
  view.setUint16(at + 8, stamp.date, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.compressedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
}

/** Noon of a day as DOS time and date fields: the same bytes in every time zone. Noon, as zip tools read local time. */
export function dosTime(day: string): Stamp {
  const [year, month, date] = (day < EARLIEST ? EARLIEST : day > LATEST ? LATEST : day).split("-").map(Number) as [number, number, number];
  return { time: 12 << 11, date: ((year - 1980) << 9) | (month << 5) | date };
}

export function readExactly(fd: number, offset: number, length: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, offset + done);
    if (read === 0) throw new Error("not a zip file: it ends before its entries do");
    done += read;
  }
  return buffer;
}

/** Writes all of `bytes` at `position`, or where the file is when none is given. */
export function writeExactly(fd: number, bytes: Uint8Array, position?: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}
