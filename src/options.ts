import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BriefkitError } from "./errors.js";
import type { Format } from "./output/write.js";
import { isoDateOption, rangePeriod, weekContaining, weekPeriod, type Period } from "./model/period.js";

/**
 * Works out the period and the as-of date from the flags:
 * `--week` or `--from`/`--to` name the period; without them it is the ISO
 * week containing `--as-of`. `--as-of` defaults to the last day of a named
 * period (so a rebuild of a past week gives the same packet), else to today.
 */
export function resolvePeriod(flags: { week?: string; from?: string; to?: string; asOf?: string; today: string }): { period: Period; asOf: string } {
  const { week, from, to } = flags;
  if (week !== undefined && (from !== undefined || to !== undefined)) {
    throw usage("give either --week or --from/--to, not both");
  }
  if ((from === undefined) !== (to === undefined)) {
    throw usage(from === undefined ? "--to needs --from as well" : "--from needs --to as well");
  }
  const asOfFlag = flags.asOf === undefined ? undefined : isoDateOption("--as-of", flags.asOf);
  let period: Period;
  if (week !== undefined) period = weekPeriod(week);
  else if (from !== undefined && to !== undefined) period = rangePeriod(from, to);
  else return { period: weekContaining(asOfFlag ?? flags.today), asOf: asOfFlag ?? flags.today };
  return { period, asOf: asOfFlag ?? period.to };
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

/** `templates/` of the working folder when there is one, else the built-in templates. */
export function defaultTemplates(cwd: string): string {
  const local = join(cwd, "templates");
  return existsSync(local) ? local : builtInTemplates();
}

function usage(message: string): BriefkitError {
  return new BriefkitError({ code: "usage", message });
}
