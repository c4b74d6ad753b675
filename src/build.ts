import { composeBriefing, type Composition } from "./compose/compose.js";
import { loadTemplates } from "./compose/templates.js";
import type { Config, PdfaLevel } from "./config.js";
import { BriefkitError, type Issue } from "./errors.js";
import { loadInputs, type LoadResult } from "./inputs/load.js";
import { buildBriefing, type Briefing } from "./model/briefing.js";
import type { Period } from "./model/period.js";
import { makeReproducible } from "./output/reproducible.js";
import { reportName, type Format, type ReportFile } from "./output/write.js";
import type { OnProgress } from "./progress.js";
import type { PacketThread } from "./render/pdf/aside.js";
import { ASIDE_UP_TO } from "./render/xlsx/aside.js";
import type { PacketOptions } from "./render/pdf/packet.js";

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
  /** Told what the build is doing and how far it is, for a progress display. */
  onProgress?: OnProgress;
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
  // A small packet renders on threads of their own, the packet's loading its libraries while this one composes.
  const threads = options.formats.length > 1 && briefing.engagements.length <= ASIDE_UP_TO;
  const packetThread = threads ? (await import("./render/pdf/aside.js")).startPacketThread() : null;
  let composition: Composition;
  try {
    composition = composeBriefing(briefing, templates);
  } catch (error) {
    packetThread?.stop();
    throw error;
  }
  const render = (format: Format) => renderFile(format, { options, briefing, composition, packetThread });
  // Started together when on threads, one after the other otherwise: a big archive's renders each hold much memory.
  const started = packetThread ? options.formats.map((format) => render(format)) : [];
  started.forEach((promise) => promise.catch(() => undefined));
  const files: ReportFile[] = [];
  for (const [index, format] of options.formats.entries()) files.push(await (started[index] ?? render(format)));
  return { files, issues, briefing };
}

interface Run {
  options: BuildOptions;
  briefing: Briefing;
  composition: Composition;
  packetThread: PacketThread | null;
}

// A big archive's workbook goes to a temporary file as it is written, and is never held in memory whole.
async function renderFile(format: Format, run: Run): Promise<ReportFile> {
  const { options, briefing, composition } = run;
  const name = reportName(options.period, format);
  const { onProgress } = options;
  onProgress?.({ step: format === "xlsx" ? "workbook" : "packet", done: null });
  if (format === "xlsx" && briefing.engagements.length > ASIDE_UP_TO) {
    const { renderWorkbookFile } = await import("./render/xlsx/workbook.js");
    const { spoolWorkbook } = await import("./output/spool.js");
    const progress = onProgress && ((done: number) => onProgress({ step: "workbook", done }));
    return spoolWorkbook({ name, asOf: options.asOf, render: (path) => renderWorkbookFile({ briefing, spec: composition.workbook, path, onProgress: progress }) });
  }
  const bytes = await renderFormat(format, run);
  return { format, name, bytes: makeReproducible({ format, bytes, asOf: options.asOf }) };
}

// The renderers load their libraries only for the formats asked for: each takes a while to load.
async function renderFormat(format: Format, run: Run): Promise<Uint8Array> {
  const { options, briefing, composition, packetThread } = run;
  if (format === "xlsx") {
    const spec = composition.workbook;
    return packetThread ? (await import("./render/xlsx/aside.js")).renderWorkbookAside({ briefing, spec }) : (await import("./render/xlsx/workbook.js")).renderWorkbook({ briefing, spec });
  }
  const packet: PacketOptions = { document: composition.packet, briefing, labels: composition.labels, pdfa: options.pdfa ?? options.config.pdfa };
  if (packetThread) return packetThread.render(packet);
  const { onProgress } = options;
  return (await import("./render/pdf/packet.js")).renderPacket({ ...packet, onProgress: onProgress && ((done) => onProgress({ step: "packet", done })) });
}

/** Reads and validates the inputs of a build, to hand to buildReports for each period. */
export function loadBuildInputs(options: Pick<BuildOptions, "inputs" | "config" | "onProgress">): Promise<LoadResult> {
  return loadInputs({ dir: options.inputs, dateOrder: options.config.dateOrder, onProgress: options.onProgress });
}
