/** Day arithmetic on ISO `YYYY-MM-DD` strings, in UTC so no time zone can shift a day. */

const DAY_MS = 86_400_000;

/** The UTC midnight of an ISO date, as a Date. */
export function toUtcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The ISO date of a Date's UTC day. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(toUtcDate(iso).getTime() + days * DAY_MS));
}

/** True when year, month and day name a day that exists. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(iso: string): number {
  const day = toUtcDate(iso).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The ISO week (`2025-W07`) a date falls in. */
export function isoWeekOf(iso: string): { year: number; week: number } {
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-04`, 4 - isoWeekday(`${year}-01-04`));
  const week = 1 + Math.round((toUtcDate(thursday).getTime() - toUtcDate(firstThursday).getTime()) / (7 * DAY_MS));
  return { year, week };
}

/** Monday of ISO week `week` of `year`. */
export function mondayOfIsoWeek(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, (week - 1) * 7 - (isoWeekday(jan4) - 1));
}

/** Number of ISO weeks (52 or 53) in a year. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

export type DateOrder = "DMY" | "MDY";

export type DateParse =
  | { ok: true; iso: string }
  | { ok: false; code: "date_invalid" | "date_ambiguous"; message: string; hint: string };

/**
 * Reads a date as typed. ISO `YYYY-MM-DD` always; `dd/mm/yyyy` or
 * `mm/dd/yyyy` (with `/`, `.` or `-`) only when the date order is declared,
 * since `03/04/2025` means different days in Lima and Washington.
 */
export function parseDate(value: string, order: DateOrder | null): DateParse {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [, y, m, d] = iso.map(Number) as [number, number, number, number];
    return isRealDate(y, m, d)
      ? { ok: true, iso: text }
      : invalid(`"${value}" is not a date`, "that day does not exist; dates are written YYYY-MM-DD");
  }
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (local) {
    const [, a, b, y] = local.map(Number) as [number, number, number, number];
    if (order === null) {
      return {
        ok: false,
        code: "date_ambiguous",
        message: `"${value}" is ambiguous`,
        hint: 'write it as YYYY-MM-DD, or set "dateOrder": "DMY" or "MDY" in briefkit.config.json',
      };
    }
    const [d, m] = order === "DMY" ? [a, b] : [b, a];
    return isRealDate(y, m, d)
      ? { ok: true, iso: `${y}-${pad(m)}-${pad(d)}` }
      : invalid(`"${value}" is not a date`, `that day does not exist (read as ${order})`);
  }
  return invalid(`"${value}" is not a date`, "write dates as YYYY-MM-DD, for example 2025-02-14");
}

function invalid(message: string, hint: string): DateParse {
  return { ok: false, code: "date_invalid", message, hint };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
