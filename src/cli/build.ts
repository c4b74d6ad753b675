import type { Command } from "commander";
import { buildReports } from "../build.js";
import { loadConfig } from "../config.js";
import { defaultTemplates, parseFormats, resolvePeriod } from "../options.js";
import { writeReports } from "../output/write.js";
import { describeLeftOut, existingDir, printIssues } from "./shared.js";

interface BuildFlags {
  inputs: string;
  templates?: string;
  out: string;
  week?: string;
  from?: string;
  to?: string;
  asOf?: string;
  format?: string;
  allowInvalid?: boolean;
  config: string;
}

/** `briefkit build` */
export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("Build the workbook and the PDF packet for a period")
    .option("--inputs <dir>", "folder with engagements.csv, partners.csv, cooperation-areas.csv, initiatives.csv", "inputs")
    .option("--templates <dir>", "folder with the templates (default: ./templates, else the built-in ones)")
    .option("--out <dir>", "folder to write the reports to", "reports")
    .option("--week <week>", "ISO week to report on, e.g. 2025-W07")
    .option("--from <date>", "first day of the period, YYYY-MM-DD (with --to)")
    .option("--to <date>", "last day of the period, YYYY-MM-DD (with --from)")
    .option("--as-of <date>", "date of the data, YYYY-MM-DD (default: end of the period, or today)")
    .option("--format <list>", "formats to write: xlsx, pdf or xlsx,pdf (default: from the config, else both)")
    .option("--allow-invalid", "build from the valid rows and list the skipped ones in the reports")
    .option("--config <file>", "config file", "briefkit.config.json")
    .addHelpText("after", "\nExamples:\n  briefkit build --week 2025-W07\n  briefkit build --inputs data --out out --from 2025-02-01 --to 2025-02-28\n")
    .action(async (flags: BuildFlags, command: Command) => {
      const config = await loadConfig({ path: flags.config, explicit: command.getOptionValueSource("config") === "cli" });
      const { period, asOf } = resolvePeriod({ ...flags, today: new Date().toISOString().slice(0, 10) });
      const result = await buildReports({
        inputs: existingDir(flags.inputs, "--inputs"),
        templates: flags.templates === undefined ? defaultTemplates(process.cwd()) : existingDir(flags.templates, "--templates"),
        config,
        period,
        asOf,
        formats: flags.format === undefined ? config.formats : parseFormats(flags.format),
        allowInvalid: flags.allowInvalid === true,
      });
      printIssues(result.issues);
      const leftOut = describeLeftOut(result.issues);
      if (leftOut !== null) process.stderr.write(`briefkit: ${leftOut}\n`);
      const paths = await writeReports({ dir: flags.out, files: result.files });
      for (const path of paths) process.stdout.write(`${path}\n`);
    });
}
