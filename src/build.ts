import { composeBriefing } from "./compose/compose.js";
import { loadTemplates } from "./compose/templates.js";
import type { Config, PdfaLevel } from "./config.js";
import { BriefkitError, type Issue } from "./errors.js";
import { loadInputs, type LoadResult } from "./inputs/load.js";
import { buildBriefing, type Briefing } from "./model/briefing.js";
import type { Period } from "./model/period.js";
import { makeReproducible } from "./output/reproducible.js";
import { reportName, type Format, type ReportFile } from "./output/write.js";

export interface BuildOptions {
  /** Folder of the four input CSV files. */
  inputs: string;
  /** Folder of the templates. */
  templates: string;
  config: Config;
  period: Period;
  /** ISO date the data is as of; dates in the outputs come from it, never the clock. */
  asOf: string;
  formats: readonly Format[];
  /** Build from the valid rows when some are not; the skipped ones are listed in the outputs. */
  allowInvalid?: boolean;
  /** Write the packet as PDF/A of this level; default: the config's `pdfa`. */
  pdfa?: PdfaLevel | null;
  /** The inputs already read from `inputs` (see loadBuildInputs), so that several periods read them once. */
  loaded?: LoadResult;
}

export interface BuildResult {
  files: ReportFile[];
  issues: Issue[];
  briefing: Briefing;
}

/**
 * Reads and validates the inputs, then builds the reports in memory.
 * Throws a BriefkitError with the issues when the inputs have errors and
 * `allowInvalid` is not set; nothing is written either way.
 */
export async function buildReports(options: BuildOptions): Promise<BuildResult> {
  const { data, issues } = options.loaded ?? (await loadBuildInputs(options));
  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0 && !options.allowInvalid) {
    throw new BriefkitError({
      code: "invalid_input",
      message: `the inputs have ${errors.length} ${errors.length === 1 ? "error" : "errors"}; nothing was written. Fix them, or add --allow-invalid to build without the rows that have errors`,
      issues,
    });
  }
  const templates = await loadTemplates(options.templates);
  const briefing = buildBriefing({ data, issues, config: options.config, period: options.period, asOf: options.asOf });
  const composition = composeBriefing(briefing, templates);
  const files: ReportFile[] = [];
  // With both formats, the workbook renders on a second thread while the packet renders on this one.
  const workbook = options.formats.includes("xlsx") && options.formats.includes("pdf")
    ? (await import("./render/xlsx/aside.js")).renderWorkbookAside({ briefing, spec: composition.workbook })
    : null;
  workbook?.catch(() => undefined);
  for (const format of options.formats) {
    // The renderers load their libraries only for the formats asked for: each takes a while to load.
    const bytes =
      format === "xlsx"
        ? await (workbook ?? (await import("./render/xlsx/workbook.js")).renderWorkbook({ briefing, spec: composition.workbook }))
        : await (await import("./render/pdf/packet.js")).renderPacket({ document: composition.packet, briefing, labels: composition.labels, pdfa: options.pdfa ?? options.config.pdfa });
    files.push({ format, name: reportName(options.period, format), bytes: makeReproducible({ format, bytes, asOf: options.asOf }) });
  }
  return { files, issues, briefing };
}

/** Reads and validates the inputs of a build, to hand to buildReports for each period. */
export function loadBuildInputs(options: Pick<BuildOptions, "inputs" | "config">): Promise<LoadResult> {
  return loadInputs({ dir: options.inputs, dateOrder: options.config.dateOrder });
}
