import { BriefkitError } from "../errors.js";
import { todayIn } from "../options.js";

/**
 * The day a build without a period or `--as-of` reports on: the UTC day of
 * `SOURCE_DATE_EPOCH` (seconds since 1970) when it is set, as reproducible
 * builds expect, otherwise the day of `now` in the time zone (default UTC).
 */
export function resolveToday(options: { env: Readonly<Record<string, string | undefined>>; now: Date; timeZone?: string }): string {
  const epoch = options.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return todayIn(options.timeZone ?? "UTC", options.now);
  const date = /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : null;
  if (date === null || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    throw new BriefkitError({ code: "usage", message: `SOURCE_DATE_EPOCH "${epoch}" is not a number of seconds since 1970-01-01` });
  }
  return date.toISOString().slice(0, 10);
}
