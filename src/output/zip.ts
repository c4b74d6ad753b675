import { deflateRawSync } from "node:zlib";

/** Zip times are stored without a time zone, from 1980 to 2099 as DOS dates allow. */
const EARLIEST = "1980-01-01";
const LATEST = "2099-12-31";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;

interface Entry {
  name: Uint8Array;
  text: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
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
  const entries = readEntries(bytes).filter((e) => !e.text.endsWith("/")).sort(compareEntries).map(compressStored);
  const { time, date } = dosTime(options.date);
  const localSize = entries.reduce((sum, e) => sum + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    writeCommon(view, at + 4, e, time, date);
    view.setUint16(at + 28, 0, true);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    writeCommon(view, at + 6, e, time, date);
    // Extra field, comment, disk, internal and external attributes: all zero.
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
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
function compressStored(e: Entry): Entry {
  if (e.method !== STORED || e.size === 0) return e;
  const data = deflateRawSync(e.data, { level: 6 });
  return data.length < e.size ? { ...e, method: DEFLATED, compressedSize: data.length, data } : e;
}

/** The entries of a zip, from its central directory, each with its compressed bytes. */
function readEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END) end -= 1;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error("not a zip file: bad central directory");
    const nameLength = view.getUint16(at + 28, true);
    const name = bytes.slice(at + 46, at + 46 + nameLength);
    const local = view.getUint32(at + 42, true);
    const compressedSize = view.getUint32(at + 20, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({
      name,
      text: new TextDecoder().decode(name),
      flags: view.getUint16(at + 8, true) & UTF8_NAMES,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size: view.getUint32(at + 24, true),
      data: bytes.subarray(start, start + compressedSize),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
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
