#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { existsSync } from "node:fs";
import { buildReports } from "./build.js";
import { loadConfig } from "./config.js";
import { BriefkitError, formatIssue, type Issue } from "./errors.js";
import { loadInputs } from "./inputs/load.js";
import { defaultTemplates, parseFormats, resolvePeriod } from "./options.js";
import { writeReports } from "./output/write.js";

const EXIT = { ok: 0, invalid: 1, usage: 2, bug: 3 } as const;

function createProgram(): Command {
  const program = new Command("briefkit")
    .description("Turn CSV logs of defense engagements into a weekly briefing workbook (.xlsx) and PDF packet.")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

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
      const paths = await writeReports({ dir: flags.out, files: result.files });
      for (const path of paths) process.stdout.write(`${path}\n`);
    });

  program
    .command("validate")
    .description("Check the input files and list every problem, with file and line")
    .option("--inputs <dir>", "folder with the input CSV files", "inputs")
    .option("--config <file>", "config file", "briefkit.config.json")
    .addOption(new Option("--json", "print the result as JSON for scripts"))
    .addHelpText("after", "\nExamples:\n  briefkit validate\n  briefkit validate --inputs data --json\n")
    .action(async (flags: { inputs: string; config: string; json?: boolean }, command: Command) => {
      const config = await loadConfig({ path: flags.config, explicit: command.getOptionValueSource("config") === "cli" });
      const { issues } = await loadInputs({ dir: existingDir(flags.inputs, "--inputs"), dateOrder: config.dateOrder });
      const valid = !issues.some((issue) => issue.severity === "error");
      if (flags.json) process.stdout.write(`${JSON.stringify({ valid, issues }, null, 2)}\n`);
      else {
        printIssues(issues);
        process.stderr.write(valid ? `${flags.inputs}: the inputs are valid\n` : "");
      }
      process.exitCode = valid ? EXIT.ok : EXIT.invalid;
    });
  return program;
}

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

function existingDir(path: string, flag: string): string {
  if (!existsSync(path)) throw new BriefkitError({ code: "usage", message: `${flag} ${path}: no such folder` });
  return path;
}

function printIssues(issues: readonly Issue[]): void {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
}

async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) return EXIT.ok;
    if (error.code === "commander.executeSubCommandAsync" || error.code === "commander.help") return EXIT.ok;
    process.stderr.write("Run `briefkit --help` or `briefkit <command> --help` for the options.\n");
    return EXIT.usage;
  }
  if (error instanceof BriefkitError) {
    printIssues(error.issues);
    process.stderr.write(`briefkit: ${error.message}\n`);
    return error.code === "invalid_input" || error.code === "template" || error.code === "config" ? EXIT.invalid : EXIT.usage;
  }
  process.stderr.write(`briefkit: internal error — this is a bug, please report it with the lines below.\n${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.bug;
}

process.exitCode = await main(process.argv);
