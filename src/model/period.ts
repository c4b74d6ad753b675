import { addDays, isoWeekOf, isoWeeksInYear, mondayOfIsoWeek, parseDate } from "../dates.js";
import { BriefkitError } from "../errors.js";

/** The stretch of days a packet reports on, both ends included. */
export interface Period {
  kind: "week" | "month" | "range";
  /** Used in file names and titles: `2025-W07`, `2025-02` or `2025-02-10_2025-02-16`. */
  label: string;
  from: string;
  to: string;
}

/** The period of an ISO week written `2025-W07`. */
export function weekPeriod(text: string): Period {
  const match = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim());
  const year = Number(match?.[1]);
  const week = Number(match?.[2]);
  if (!match || week < 1 || week > isoWeeksInYear(year)) {
    throw usage(`--week "${text}" is not an ISO week; write it as YYYY-Www, for example 2025-W07`);
  }
  const from = mondayOfIsoWeek(year, week);
  return { kind: "week", label: `${year}-W${String(week).padStart(2, "0")}`, from, to: addDays(from, 6) };
}

/** The ISO week that contains a day. */
export function weekContaining(iso: string): Period {
  const { year, week } = isoWeekOf(iso);
  return weekPeriod(`${year}-W${week}`);
}

/** The ISO week before the one that contains a day: the Monday run's week. */
export function weekBefore(iso: string): Period {
  return weekContaining(addDays(iso, -7));
}

/** The period of a calendar month written `2025-02`. */
export function monthPeriod(text: string): Period {
  const match = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || year < 1000) {
    throw usage(`--month "${text}" is not a month; write it as YYYY-MM, for example 2025-02`);
  }
  const from = `${year}-${String(month).padStart(2, "0")}-01`;
  const to = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`, -1);
  return { kind: "month", label: from.slice(0, 7), from, to };
}

/** A from/to period; both are ISO dates and `to` is not before `from`. */
export function rangePeriod(fromText: string, toText: string): Period {
  const from = isoDateOption("--from", fromText);
  const to = isoDateOption("--to", toText);
  if (to < from) throw usage(`--to ${to} is before --from ${from}`);
  return { kind: "range", label: `${from}_${to}`, from, to };
}

/** Checks a date given on the command line. */
export function isoDateOption(flag: string, text: string): string {
  const parsed = parseDate(text, null);
  if (!parsed.ok) throw usage(`${flag} "${text}" is not a date; write it as YYYY-MM-DD`);
  return parsed.iso;
}

/** The trailing window of `weeks` weeks that ends with the period. */
export function trailingWindow(period: Period, weeks: number): { from: string; to: string; weeks: number } {
  return { from: addDays(period.to, -7 * weeks + 1), to: period.to, weeks };
}

function usage(message: string): BriefkitError {
  return new BriefkitError({ code: "usage", message });
}
