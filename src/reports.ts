import { existsSync } from "node:fs";
import { composeBriefing, type Composition } from "./compose/compose.js";
import { loadTemplates } from "./compose/templates.js";
import { DEFAULT_CONFIG, type Config, type PdfaLevel } from "./config.js";
import { BriefkitError, type Issue } from "./errors.js";
import { loadInputs, type LoadResult } from "./inputs/load.js";
import { buildBriefing, type Briefing } from "./model/briefing.js";
import type { Period } from "./model/period.js";
import { builtInTemplates, localizedTemplates } from "./options.js";
import { makeReproducible } from "./output/reproducible.js";
import { reportName, type Format, type ReportFile } from "./output/write.js";
import type { OnProgress } from "./progress.js";

/** What buildReports builds: one period, from a folder of inputs or inputs already read. */
export interface BuildReportsOptions {
  /** Folder of the input files; not needed when `loaded` is given. */
  inputs?: string;
  /** Folder of the templates, or its `<locale>/` subfolder when there is one; default: the built-in ones. */
  templates?: string;
  /** Default: DEFAULT_CONFIG. */
  config?: Config;
  period: Period;
  /** ISO date the data is as of; dates in the outputs come from it, never the clock. Default: the period's last day. */
  asOf?: string;
  /** Default: the config's `formats`. */
  formats?: readonly Format[];
  /** Build from the valid rows when some are not; the skipped ones are listed in the outputs. */
  allowInvalid?: boolean;
  /** Write the packet as PDF/A of this level; default: the config's `pdfa`. */
  pdfa?: PdfaLevel | null;
  /** The inputs already read (see loadBuildInputs), so that several periods read them once. */
  loaded?: LoadResult;
  /** Told what the build is doing and how far it is, for a progress display. */
  onProgress?: OnProgress;
  /** Stops the build at its next step; the reason is thrown and nothing is left behind. */
  signal?: AbortSignal;
}

/** The reports of one period, in memory, with the issues of the inputs and the model they were built from. */
export interface BuildReportsResult {
  files: ReportFile[];
  issues: Issue[];
  briefing: Briefing;
  /** Removes the temporary files behind the reports (a big archive's workbook); call it once they are written. */
  dispose(): void;
}

/**
 * Reads and validates the inputs, then builds the reports in memory (a big
 * archive's workbook in a temporary file: dispose the result once written).
 * Throws a BriefkitError with the issues when the inputs have errors and
 * `allowInvalid` is not set; nothing is written either way.
 */
export async function buildReports(options: BuildReportsOptions): Promise<BuildReportsResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const { data, issues } = options.loaded ?? (await loadInputs({ dir: requiredInputs(options), dateOrder: config.dateOrder, onProgress: options.onProgress }));
  refuseErrors(issues, options.allowInvalid === true);
  options.signal?.throwIfAborted();
  const templates = await loadTemplates(localizedTemplates(options.templates ?? builtInTemplates(), config.locale, existsSync));
  const asOf = options.asOf ?? options.period.to;
  const briefing = buildBriefing({ data, issues, config, period: options.period, asOf });
  const composition = composeBriefing(briefing, templates);
  const files: ReportFile[] = [];
  const dispose = () => files.forEach((file) => file.dispose?.());
  const run: Run = { options, config, asOf, briefing, composition };
  try {
    // One after the other: a big archive's renders each hold much memory.
    for (const format of options.formats ?? config.formats) {
      options.signal?.throwIfAborted();
      files.push(await renderFile(format, run));
    }
  } catch (error) {
    dispose();
    throw error;
  }
  return { files, issues, briefing, dispose };
}

function requiredInputs(options: BuildReportsOptions): string {
  if (options.inputs === undefined) throw new BriefkitError({ code: "usage", option: "inputs", message: "no inputs folder given, and no inputs already loaded" });
  return options.inputs;
}

function refuseErrors(issues: readonly Issue[], allowInvalid: boolean): void {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  if (errors === 0 || allowInvalid) return;
  throw new BriefkitError({
    code: "invalid_input",
    option: "allowInvalid",
    message: `the inputs have ${errors} ${errors === 1 ? "error" : "errors"}; nothing was written. Fix them, or set allowInvalid to build without the rows that have errors`,
    issues,
  });
}

interface Run {
  options: BuildReportsOptions;
  config: Config;
  asOf: string;
  briefing: Briefing;
  composition: Composition;
}

// The renderers load their libraries only for the formats asked for: each takes a while to load.
async function renderFile(format: Format, run: Run): Promise<ReportFile> {
  const { options, briefing, composition, asOf } = run;
  const name = reportName(options.period, format);
  const told = progress(options, format);
  options.onProgress?.({ step: format === "xlsx" ? "workbook" : "packet", done: null });
  if (format === "xlsx") {
    const { renderWorkbook, renderWorkbookFile, STREAM_ABOVE } = await import("./render/xlsx/workbook.js");
    const spec = composition.workbook;
    // A big archive's workbook goes to a temporary file as it is written, and is never held in memory whole.
    if (briefing.engagements.length > STREAM_ABOVE) {
      const { spoolWorkbook } = await import("./output/spool.js");
      return spoolWorkbook({ name, asOf, render: (path) => renderWorkbookFile({ briefing, spec, path, onProgress: told }) });
    }
    const bytes = await renderWorkbook({ briefing, spec });
    return { format, name, bytes: makeReproducible({ format, bytes, asOf }) };
  }
  const { renderPacket } = await import("./render/pdf/packet.js");
  const pdfa = options.pdfa === undefined ? run.config.pdfa : options.pdfa;
  const bytes = await renderPacket({ document: composition.packet, briefing, labels: composition.labels, pdfa, onProgress: told });
  return { format, name, bytes: makeReproducible({ format, bytes, asOf }) };
}

// A renderer tells how far it is every few rows or blocks: where a stopped build stops.
function progress(options: BuildReportsOptions, format: Format): ((done: number) => void) | undefined {
  const { onProgress, signal } = options;
  if (onProgress === undefined && signal === undefined) return undefined;
  return (done) => {
    signal?.throwIfAborted();
    onProgress?.({ step: format === "xlsx" ? "workbook" : "packet", done });
  };
}
