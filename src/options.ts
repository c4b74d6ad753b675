import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BriefkitError } from "./errors.js";
import type { Format } from "./output/write.js";
import { inLocale, type Config, type Locale, type PdfaLevel } from "./config.js";
import { isoDateOption, monthPeriod, rangePeriod, weekBefore, weekContaining, weekPeriod, type Period } from "./model/period.js";

/** Period flags of `build`; `--week` and `--month` may be repeated. */
export interface PeriodFlags {
  week?: readonly string[];
  month?: readonly string[];
  from?: string;
  to?: string;
  asOf?: string;
  lastWeek?: boolean;
  /** Today's date where the office is, `YYYY-MM-DD`. */
  today: string;
}

/**
 * Works out every period a `build` call names, one packet each, in the order
 * given and without repeats. `--last-week` is the ISO week before the one
 * that contains `--as-of` (default: today). Without any period flag it is the
 * week containing `--as-of`. Each period is as of `--as-of` when given, else
 * of its own last day.
 */
export function resolvePeriods(flags: PeriodFlags): Array<{ period: Period; asOf: string }> {
  const { from, to } = flags;
  if ((from === undefined) !== (to === undefined)) {
    throw usage(from === undefined ? "--to needs --from as well" : "--from needs --to as well");
  }
  const asOfFlag = flags.asOf === undefined ? undefined : isoDateOption("--as-of", flags.asOf);
  const periods: Period[] = [
    ...(flags.week ?? []).map(weekPeriod),
    ...(flags.month ?? []).map(monthPeriod),
    ...(from !== undefined && to !== undefined ? [rangePeriod(from, to)] : []),
    ...(flags.lastWeek ? [weekBefore(asOfFlag ?? flags.today)] : []),
  ];
  if (periods.length === 0) return [{ period: weekContaining(asOfFlag ?? flags.today), asOf: asOfFlag ?? flags.today }];
  const seen = new Set<string>();
  return periods
    .filter((period) => !seen.has(period.label) && seen.add(period.label))
    .map((period) => ({ period, asOf: asOfFlag ?? period.to }));
}

/** Today's calendar date in a time zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** What a caller chose of the settings a config file can also hold; unset ones come from the config. */
export interface SettingChoices {
  inputs?: string;
  templates?: string;
  out?: string;
  formats?: readonly Format[];
  locale?: Locale;
  pdfa?: PdfaLevel | null;
}

/** Where a build reads and writes, and in what language, after choices > config > defaults. */
export interface Settings {
  inputs: string;
  templates: string;
  out: string;
  formats: Format[];
  /** The config with the chosen locale and PDF/A level. */
  config: Config;
  /** True when the locale asks for other than en-US and the templates folder has no subfolder for it. */
  localeFallback: boolean;
}

/**
 * Applies the choices over the config over the defaults. `base` is the
 * config file's folder: the `inputs/`, `templates/` and `reports/` beside
 * it are the defaults. Templates: the chosen folder, else the config's,
 * else `<base>/templates` when it exists, else the built-in ones; in each
 * case its `<locale>/` subfolder when there is one.
 */
export function resolveSettings(options: { choices: SettingChoices; config: Config; base: string; exists: (path: string) => boolean }): Settings {
  const { choices, config, base, exists } = options;
  const locale = choices.locale ?? config.locale;
  const beside = join(base, "templates");
  const folder = choices.templates ?? config.templates ?? (exists(beside) ? beside : builtInTemplates());
  const templates = localizedTemplates(folder, locale, exists);
  return {
    inputs: choices.inputs ?? config.inputs ?? join(base, "inputs"),
    templates,
    out: choices.out ?? config.out ?? join(base, "reports"),
    formats: [...(choices.formats ?? config.formats)],
    config: { ...inLocale(config, locale), pdfa: choices.pdfa === undefined ? config.pdfa : choices.pdfa },
    localeFallback: locale !== "en-US" && templates === folder,
  };
}

/** `<dir>/<locale>/` when that folder exists, else `<dir>`. */
export function localizedTemplates(dir: string, locale: string, exists: (path: string) => boolean): string {
  const localized = join(dir, locale);
  return exists(localized) ? localized : dir;
}

/** The locales briefkit knows. */
export const LOCALES = ["en-US", "es-PE"] as const satisfies readonly Locale[];

/** Reads `--locale`. */
export function parseLocale(text: string): Locale {
  const found = LOCALES.find((locale) => locale.toLowerCase() === text.trim().toLowerCase());
  if (found === undefined) throw usage(`--locale "${text}" is not a known locale; use ${LOCALES.join(" or ")}`);
  return found;
}

/** Reads `--format xlsx,pdf`. */
export function parseFormats(text: string): Format[] {
  const formats = text.split(",").map((f) => f.trim().toLowerCase()).filter((f) => f !== "");
  const wrong = formats.filter((f) => f !== "xlsx" && f !== "pdf");
  if (wrong.length > 0 || formats.length === 0) {
    throw usage(`--format "${text}" is not a list of formats; use xlsx, pdf or xlsx,pdf`);
  }
  return [...new Set(formats)] as Format[];
}

/** The folder of the templates that ship with briefkit. */
export function builtInTemplates(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "templates");
}

function usage(message: string): BriefkitError {
  return new BriefkitError({ code: "usage", message });
}
