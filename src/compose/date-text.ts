import { toUtcDate } from "../dates.js";

/** No-break space: a written date is one word to a line breaker. */
const NBSP = "\u00a0";

/**
 * How the packet writes dates in a locale, on the UTC calendar day: a date
 * never breaks across lines (its spaces are no-break spaces) and a range
 * breaks only after its dash ("Oct 6, 2025 –" / "Oct 10, 2025").
 */
export function dateTexts(locale: string): { date: (iso: string) => string; range: (from: string, to: string | null) => string } {
  const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
  const date = (iso: string) => format.format(toUtcDate(iso)).replace(/\s/g, NBSP);
  const range = (from: string, to: string | null) => (to === null || to === from ? date(from) : `${date(from)}${NBSP}– ${date(to)}`);
  return { date, range };
}
