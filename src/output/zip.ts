import { unzipSync, zipSync, type Zippable } from "fflate";

/** Zip times are stored without a time zone, from 1980 to 2099 as fflate writes them. */
const EARLIEST = "1980-01-01";
const LATEST = "2099-12-31";

/**
 * Re-packs a zip (an .xlsx) so that its bytes depend only on its contents
 * and the given day: every entry is stamped with noon of `date`, entries
 * come in a fixed order (`[Content_Types].xml` first, then by name) and
 * folder entries are left out.
 */
export function repackZip(bytes: Uint8Array, options: { date: string }): Uint8Array {
  const entries = unzipSync(bytes);
  const mtime = zipTime(options.date);
  const files: Zippable = {};
  for (const name of Object.keys(entries).sort(compareEntries)) {
    if (name.endsWith("/")) continue;
    files[name] = [entries[name]!, { mtime, level: 6, os: 0, attrs: 0 }];
  }
  return zipSync(files);
}

/**
 * A zip entry's time is the local wall time of a Date, so build the Date
 * from local fields: the stored fields are then the same in every time zone.
 * Noon, because some zones skip midnight when clocks change.
 */
function zipTime(date: string): Date {
  const [year, month, day] = (date < EARLIEST ? EARLIEST : date > LATEST ? LATEST : date).split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12, 0, 0);
}

// Excel and LibreOffice read any order, but some tools expect the content types first.
function compareEntries(a: string, b: string): number {
  const rank = (name: string) => (name === "[Content_Types].xml" ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
