import { Option, type Command } from "commander";
import { build, type BuildEvent, type BuildOptions, type BuildOutcome } from "../build.js";
import { PDFA_LEVELS, type PdfaLevel } from "../config.js";
import { BriefkitError, type Issue } from "../errors.js";
import { parseFormats, parseLocale, resolvePeriods } from "../options.js";
import { loadSettings, onDisk } from "../settings.js";
import type { CliIo } from "./io.js";
import { createProgress, describeProgress, type Progress, type Step } from "./progress.js";
import { describeLeftOut, EXIT, inFlagTerms, leftOutHint, printIssues } from "./shared.js";
import { watchBuild } from "./watch.js";

/** The flags of `briefkit build`, as commander gives them. */
export interface BuildFlags {
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
  /** The config file; undefined when not given, so that a missing default one is no error. */
  config?: string;
  quiet?: boolean;
  json?: boolean;
  watch?: boolean;
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

/** `briefkit build`: its flags, and its action, which hands its exit code to `exit`. */
export function registerBuild(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command("build")
    .description("Build the workbook and the PDF packet for one or more periods")
    .option("--inputs <dir>", "folder of the input files (default: config \"inputs\", else inputs/ beside the config)")
    .option("--templates <dir>", "folder of the templates (default: config \"templates\", else templates/ beside the config, else the built-in ones)")
    .option("--out <dir>", "folder to write the reports to (default: config \"out\", else reports/ beside the config)")
    .option("--week <week>", "ISO week, e.g. 2025-W07; repeat for several packets", collect)
    .option("--month <month>", "calendar month, e.g. 2025-02; repeat for several packets", collect)
    .option("--from <date>", "first day of a period, YYYY-MM-DD (with --to)")
    .option("--to <date>", "last day of a period, YYYY-MM-DD (with --from)")
    .option("--last-week", "the ISO week before the one containing --as-of (or today)")
    .option("--as-of <date>", "date of the data, YYYY-MM-DD (default: the last day of each period, or today)")
    .option("--format <list>", "xlsx, pdf or xlsx,pdf (default: config \"formats\", else both)")
    .option("--locale <locale>", "en-US or es-PE (default: config \"locale\", else en-US)")
    .option("--allow-invalid", "build from the valid rows and list the skipped ones in the reports")
    .option("--config <file>", "config file (default: briefkit.config.json, when there is one)")
    .addOption(new Option("--pdfa <level>", "write the packet as PDF/A (default: the config's pdfa)").choices(PDFA_LEVELS))
    .addOption(new Option("--watch", "keep running and rebuild when an input, template or the config changes").conflicts("json"))
    .addOption(new Option("--quiet", "print nothing but errors").conflicts("json"))
    .addOption(new Option("--json", "print the written paths and the issues as JSON on stdout"))
    .addHelpText("after", EXAMPLES)
    .action(async (flags: BuildFlags) => exit(await runBuild(flags, io)));
}

/** `briefkit build` with its flags parsed: builds, prints, and gives the exit code. */
export async function runBuild(flags: BuildFlags, io: CliIo): Promise<number> {
  const options = buildOptions(flags, io);
  const progress = createProgress({ write: (text) => io.stderr.write(text), interactive: io.isTTY && !flags.json, quiet: flags.quiet === true || flags.json === true });
  const once = () => buildOnce(flags, options, { io, progress }).catch((error: unknown) => {
    throw inFlagTerms(error, (option) => flags[option as keyof BuildFlags] !== undefined);
  });
  if (flags.watch) {
    const settings = await loadSettings(options);
    const sources = [settings.inputs, settings.templates, settings.configPath ?? flags.config ?? "briefkit.config.json"].map((path) => onDisk(io.cwd, path));
    await watchBuild({ build: once, sources, progress, io });
    return EXIT.ok;
  }
  try {
    const outcome = await once();
    if (flags.json) printJson(io, { ok: true, reports: reportsJson(outcome), issues: outcome.issues });
    return EXIT.ok;
  } catch (error) {
    if (!(flags.json && error instanceof BriefkitError && error.code === "invalid_input")) throw error;
    printJson(io, { ok: false, reports: [], issues: error.issues, message: error.message });
    return EXIT.invalid;
  }
}

/** The flags as the library's options; the flags' own texts are checked here, in their words. */
function buildOptions(flags: BuildFlags, io: CliIo): BuildOptions {
  return {
    cwd: io.cwd,
    env: io.env,
    signal: io.signal,
    config: flags.config,
    inputs: flags.inputs,
    templates: flags.templates,
    out: flags.out,
    formats: flags.format === undefined ? undefined : parseFormats(flags.format),
    locale: flags.locale === undefined ? undefined : parseLocale(flags.locale),
    pdfa: flags.pdfa,
    allowInvalid: flags.allowInvalid === true,
    periods: (today) => resolvePeriods({ ...flags, today }),
  };
}

/** Builds every period named and tells people as each is written. */
async function buildOnce(flags: BuildFlags, options: BuildOptions, out: { io: CliIo; progress: Progress }): Promise<BuildOutcome> {
  const { io, progress } = out;
  const talk = !flags.quiet && !flags.json;
  let step: Step | null = null;
  let issues: readonly Issue[] = [];
  let first = true;
  const on = (event: BuildEvent): void => {
    switch (event.type) {
      case "settings": {
        const { settings } = event;
        const { locale } = settings.config;
        if (settings.localeFallback) progress.note(`note: ${settings.templates} has no ${locale}/ folder; its templates are used as they are, with ${locale} dates`);
        return;
      }
      case "reading":
        step = progress.start("reading the inputs");
        return;
      case "read":
        step?.();
        issues = event.issues;
        return;
      case "period":
        step = progress.start(`building ${event.period.label}`);
        return;
      case "progress":
        step?.update(describeProgress(event.progress, event.period?.label));
        return;
      case "writing":
        step?.update(`building ${event.period.label}: writing the files`);
        return;
      case "written": {
        step?.();
        const { period, asOf, files, briefing } = event.report;
        if (first && talk) printIssues(io.stderr, issues);
        first = false;
        if (talk) for (const file of files) io.stdout.write(`${file}\n`);
        const count = plural(briefing.periodEngagements.length, "engagement");
        progress.note(`${period.label}: ${count} from ${period.from} to ${period.to}, as of ${asOf}; wrote ${plural(files.length, "file")}${issueSummary(issues)}`);
      }
    }
  };
  try {
    const outcome = await build({ ...options, onEvent: on });
    // Once, after every period is written: the issues and their hints are printed above.
    const hint = talk ? leftOutHint(issues) : null;
    if (hint !== null) progress.note(hint);
    return outcome;
  } finally {
    (step as Step | null)?.();
  }
}

function reportsJson(outcome: BuildOutcome) {
  return outcome.reports.map(({ period, asOf, files }) => ({ period: period.label, from: period.from, to: period.to, asOf, files }));
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

function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
