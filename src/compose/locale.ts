import type Handlebars from "handlebars";
import { toUtcDate } from "../dates.js";

const DATE_STYLES = {
  short: { day: "numeric", month: "numeric", year: "numeric" },
  medium: { day: "numeric", month: "short", year: "numeric" },
  long: { day: "numeric", month: "long", year: "numeric" },
  month: { month: "long", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Helpers that write dates and numbers the way the locale does, so that a
 * Spanish edition is only templates:
 * `{{date period.from}}` (14 feb. 2025), `{{date asOf.iso style="long"}}`
 * (14 de febrero de 2025), `{{number counts.engagements}}`, and `plural`
 * with its count written the same way. Dates are read on the UTC calendar,
 * so no time zone moves a day.
 */
export function registerLocaleHelpers(env: typeof Handlebars, locale: string): void {
  const dates = new Map(
    Object.entries(DATE_STYLES).map(([style, options]) => [style, new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })]),
  );
  const numbers = new Intl.NumberFormat(locale);
  env.registerHelper("date", (value: unknown, options: Handlebars.HelperOptions) => {
    const style = String(options.hash?.style ?? "medium");
    const format = dates.get(style);
    if (format === undefined) throw new Error(`date: style "${style}" is not one of ${[...dates.keys()].join(", ")}`);
    const iso = String(value ?? "");
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? format.format(toUtcDate(iso)) : iso;
  });
  env.registerHelper("number", (value: unknown) => {
    const n = Number(value);
    return value === "" || value === null || value === undefined || Number.isNaN(n) ? String(value ?? "") : numbers.format(n);
  });
  env.registerHelper("plural", (count: unknown, one: unknown, many: unknown) =>
    `${numbers.format(Number(count))} ${Number(count) === 1 ? String(one) : String(many)}`,
  );
}
