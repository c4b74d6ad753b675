import { existsSync } from "node:fs";
import { Option, type Command } from "commander";
import { buildReports, loadBuildInputs } from "../build.js";
import { loadConfig, PDFA_LEVELS, type PdfaLevel } from "../config.js";
import { BriefkitError, type Issue } from "../errors.js";
import { resolvePeriods, resolveSettings } from "../options.js";
import { resolveToday } from "../output/today.js";
import { writeReports } from "../output/write.js";
import { createProgress, describeProgress, type Progress } from "./progress.js";
import { describeLeftOut, EXIT, existingDir, printIssues } from "./shared.js";
import { watchBuild } from "./watch.js";

interface BuildFlags {
  inputs?: string;
  templates?: string;
  out?: string;
  week?: string[];
  month?: string[];
  from?: string;
  to?: string;
  asOf?: string;
  lastWeek?: boolean;
  format?: string;
  locale?: string;
  allowInvalid?: boolean;
  pdfa?: PdfaLevel;
  config: string;
  quiet?: boolean;
  json?: boolean;
  watch?: boolean;
}

/** What one build call wrote. */
interface BuildOutcome {
  reports: Array<{ period: string; from: string; to: string; asOf: string; files: string[] }>;
  issues: Issue[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  briefkit build                                   # the week containing today
  briefkit build --last-week                       # Monday morning: last week's packet
  briefkit build --week 2025-W06 --week 2025-W07   # one packet per week
  briefkit build --month 2025-02 --format pdf
  briefkit build --from 2025-02-01 --to 2025-02-28 --as-of 2025-03-03
  briefkit build --locale es-PE                    # templates/es-PE/ when it exists
  briefkit build --json                            # paths and issues as JSON, for scripts
  briefkit build --watch --week 2025-W07           # rebuild when an input or template changes
`;

/** `briefkit build` */
export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("Build the workbook and the PDF packet for one or more periods")
    .option("--inputs <dir>", "folder of the input files (default: config \"inputs\", else ./inputs)")
    .option("--templates <dir>", "folder of the templates (default: config \"templates\", else ./templates, else the built-in ones)")
    .option("--out <dir>", "folder to write the reports to (default: config \"out\", else ./reports)")
    .option("--week <week>", "ISO week, e.g. 2025-W07; repeat for several packets", collect)
    .option("--month <month>", "calendar month, e.g. 2025-02; repeat for several packets", collect)
    .option("--from <date>", "first day of a period, YYYY-MM-DD (with --to)")
    .option("--to <date>", "last day of a period, YYYY-MM-DD (with --from)")
    .option("--last-week", "the ISO week before the one containing --as-of (or today)")
    .option("--as-of <date>", "date of the data, YYYY-MM-DD (default: the last day of each period, or today)")
    .option("--format <list>", "xlsx, pdf or xlsx,pdf (default: config \"formats\", else both)")
    .option("--locale <locale>", "en-US or es-PE (default: config \"locale\", else en-US)")
    .option("--allow-invalid", "build from the valid rows and list the skipped ones in the reports")
    .option("--config <file>", "config file", "briefkit.config.json")
    .addOption(new Option("--pdfa <level>", "write the packet as PDF/A (default: the config's pdfa)").choices(PDFA_LEVELS))
    .addOption(new Option("--watch", "keep running and rebuild when an input, template or the config changes").conflicts("json"))
    .addOption(new Option("--quiet", "print nothing but errors").conflicts("json"))
    .addOption(new Option("--json", "print the written paths and the issues as JSON on stdout"))
    .addHelpText("after", EXAMPLES)
    .action(async (flags: BuildFlags, command: Command) => {
      const explicitConfig = command.getOptionValueSource("config") === "cli";
      const progress = createProgress({
        write: (text) => process.stderr.write(text),
        interactive: process.stderr.isTTY === true && !flags.json,
        quiet: flags.quiet === true || flags.json === true,
      });
      if (flags.watch) {
        const config = await loadConfig({ path: flags.config, explicit: explicitConfig });
        const settings = resolveSettings({ flags, config, cwd: process.cwd(), exists: existsSync });
        const sources = [settings.inputs, settings.templates, flags.config];
        await watchBuild({ build: () => buildOnce(flags, explicitConfig, progress), sources, progress });
        return;
      }
      try {
        const outcome = await buildOnce(flags, explicitConfig, progress);
        if (flags.json) printJson({ ok: true, reports: outcome.reports, issues: outcome.issues });
      } catch (error) {
        if (!(flags.json && error instanceof BriefkitError && error.code === "invalid_input")) throw error;
        printJson({ ok: false, reports: [], issues: error.issues, message: error.message });
        process.exitCode = EXIT.invalid;
      }
    });
}

/** Reads the config, builds every period named, writes the files and tells people. */
async function buildOnce(flags: BuildFlags, explicitConfig: boolean, progress: Progress): Promise<BuildOutcome> {
  const config = await loadConfig({ path: flags.config, explicit: explicitConfig });
  const settings = resolveSettings({ flags, config, cwd: process.cwd(), exists: existsSync });
  const inputs = existingDir(settings.inputs, flags.inputs === undefined ? "inputs folder" : "--inputs");
  const templates = existingDir(settings.templates, flags.templates === undefined ? "templates folder" : "--templates");
  const periods = resolvePeriods({ ...flags, today: resolveToday({ env: process.env, now: new Date(), timeZone: config.timeZone }) });
  if (settings.localeFallback) {
    progress.note(`note: ${templates} has no ${settings.config.locale}/ folder; its templates are used as they are, with ${settings.config.locale} dates`);
  }
  const outcome: BuildOutcome = { reports: [], issues: [] };
  // Read once, however many periods: an archive takes longer to read than a packet takes to build.
  const reading = progress.start("reading the inputs");
  const loaded = await loadBuildInputs({ inputs, config: settings.config, onProgress: (p) => reading.update(describeProgress(p)) }).finally(reading);
  for (const { period, asOf } of periods) {
    const done = progress.start(`building ${period.label}`);
    try {
      const result = await buildReports({
        inputs, templates, config: settings.config, period, asOf, formats: settings.formats, allowInvalid: flags.allowInvalid === true, loaded,
        onProgress: (p) => done.update(describeProgress(p, period.label)),
        ...(flags.pdfa ? { pdfa: flags.pdfa } : {}),
      });
      done.update(`building ${period.label}: writing the files`);
      const files = await writeReports({ dir: settings.out, files: result.files });
      done();
      if (outcome.reports.length === 0) {
        outcome.issues = result.issues;
        if (!flags.quiet && !flags.json) printIssues(result.issues);
      }
      outcome.reports.push({ period: period.label, from: period.from, to: period.to, asOf, files });
      if (!flags.quiet && !flags.json) for (const file of files) process.stdout.write(`${file}\n`);
      const b = result.briefing;
      progress.note(
        `${period.label}: ${plural(b.periodEngagements.length, "engagement")} from ${period.from} to ${period.to}, as of ${asOf}; wrote ${plural(files.length, "file")}${issueSummary(result.issues)}`,
      );
    } finally {
      done();
    }
  }
  return outcome;
}

function issueSummary(issues: readonly Issue[]): string {
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const parts = [describeLeftOut(issues) ?? "", warnings > 0 ? plural(warnings, "warning") : ""];
  const text = parts.filter((p) => p !== "").join("; ");
  return text === "" ? "" : `; ${text}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
