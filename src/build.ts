import { join } from "node:path";
import { abortable } from "./abort.js";
import type { Issue } from "./errors.js";
import type { Briefing } from "./model/briefing.js";
import { weekContaining, type Period } from "./model/period.js";
import { resolveToday } from "./output/today.js";
import { writeReports } from "./output/write.js";
import type { BuildProgress } from "./progress.js";
import { buildReports } from "./reports.js";
import { loadBuildInputs, loadSettings, onDisk, requireFolder, type ResolvedSettings, type SettingsOptions } from "./settings.js";

export { buildReports, type BuildReportsOptions, type BuildReportsResult } from "./reports.js";
export { loadBuildInputs, loadSettings, type ResolvedSettings, type SettingsOptions } from "./settings.js";

/** One packet to build: a period, and the date its data is as of (default: the period's last day). */
export interface PeriodRequest {
  period: Period;
  asOf?: string;
}

/** What build builds; every option is optional, and those a config can hold override it. */
export interface BuildOptions extends SettingsOptions {
  /**
   * The periods to build, one set of reports each; or a function of today's
   * date, for periods that depend on it. Default: the ISO week containing today.
   * Today is the day in the config's time zone, or that of `SOURCE_DATE_EPOCH`.
   */
  periods?: readonly PeriodRequest[] | ((today: string) => readonly PeriodRequest[]);
  /** Build from the valid rows when some are not; the skipped ones are listed in the reports. */
  allowInvalid?: boolean;
  /** The environment `SOURCE_DATE_EPOCH` is read from; default: the process's. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock, for today's date; default: now. */
  now?: Date;
  /** Told what the build does, as it does it. */
  onEvent?: (event: BuildEvent) => void;
  /**
   * Stops the build at its next step: the signal's reason is thrown, and no
   * temporary file is left. A read of the inputs under way is not waited for.
   */
  signal?: AbortSignal;
}

/** The reports of one period, written. */
export interface PeriodReport {
  period: Period;
  asOf: string;
  /** The paths written, relative to the working folder as the settings are. */
  files: string[];
  briefing: Briefing;
}

/** What a build did. */
export interface BuildOutcome {
  settings: ResolvedSettings;
  /** Every issue of the inputs (read once for all periods). */
  issues: Issue[];
  reports: PeriodReport[];
}

/** What a build tells while it works, in this order. */
export type BuildEvent =
  | { type: "settings"; settings: ResolvedSettings }
  | { type: "reading" }
  | { type: "read"; issues: readonly Issue[] }
  | { type: "period"; period: Period }
  | { type: "progress"; progress: BuildProgress; period: Period | null }
  | { type: "writing"; period: Period }
  | { type: "written"; report: PeriodReport };

/**
 * The whole pipeline: resolves the settings (options over the config over
 * the defaults), reads the inputs once, builds the reports of every period
 * and writes them atomically into the settings' `out` folder. Throws a
 * BriefkitError for a user's mistake (invalid inputs without `allowInvalid`,
 * a missing folder, a file that cannot be written); what was written for
 * the periods before stays.
 */
export async function build(options: BuildOptions = {}): Promise<BuildOutcome> {
  const tell = options.onEvent ?? (() => undefined);
  const { signal } = options;
  const settings = await loadSettings(options);
  tell({ type: "settings", settings });
  requireFolder(settings, "inputs");
  const templates = requireFolder(settings, "templates");
  const periods = resolveRequests(options, settings);
  tell({ type: "reading" });
  const reading = loadBuildInputs(settings, { onProgress: (progress) => tell({ type: "progress", progress, period: null }) });
  // Reading cannot be stopped part way; a stop does not wait for it.
  const loaded = await abortable(reading, signal);
  tell({ type: "read", issues: loaded.issues });
  const outcome: BuildOutcome = { settings, issues: loaded.issues, reports: [] };
  for (const { period, asOf = period.to } of periods) {
    signal?.throwIfAborted();
    tell({ type: "period", period });
    const result = await buildReports({
      templates, config: settings.config, period, asOf, formats: settings.formats, allowInvalid: options.allowInvalid, loaded, signal,
      onProgress: (progress) => tell({ type: "progress", progress, period }),
    });
    try {
      tell({ type: "writing", period });
      await writeReports({ dir: onDisk(settings.cwd, settings.out), files: result.files, signal });
    } finally {
      result.dispose();
    }
    const report: PeriodReport = { period, asOf, files: result.files.map((file) => join(settings.out, file.name)), briefing: result.briefing };
    outcome.reports.push(report);
    tell({ type: "written", report });
  }
  return outcome;
}

function resolveRequests(options: BuildOptions, settings: ResolvedSettings): readonly PeriodRequest[] {
  const { periods } = options;
  if (periods !== undefined && typeof periods !== "function") return periods;
  const today = resolveToday({ env: options.env ?? process.env, now: options.now ?? new Date(), timeZone: settings.config.timeZone });
  return periods === undefined ? [{ period: weekContaining(today), asOf: today }] : periods(today);
}

