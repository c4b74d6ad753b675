import { Option, type Command } from "commander";
import { loadConfig } from "../config.js";
import type { Issue } from "../errors.js";
import { loadInputs } from "../inputs/load.js";
import { createProgress, describeProgress } from "./progress.js";
import { EXIT, existingDir, printIssues, summarizeIssues } from "./shared.js";

/** `briefkit validate` */
export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("Check the input files and list every problem, with file and line")
    .option("--inputs <dir>", "folder of the input files (default: config \"inputs\", else ./inputs)")
    .option("--config <file>", "config file", "briefkit.config.json")
    .addOption(new Option("--json", "print the result as JSON for scripts"))
    .addHelpText("after", "\nExamples:\n  briefkit validate\n  briefkit validate --inputs data --json\n")
    .action(async (flags: { inputs?: string; config: string; json?: boolean }, command: Command) => {
      const config = await loadConfig({ path: flags.config, explicit: command.getOptionValueSource("config") === "cli" });
      const inputs = flags.inputs ?? config.inputs ?? "inputs";
      const dir = existingDir(inputs, "--inputs");
      const progress = createProgress({ write: (text) => process.stderr.write(text), interactive: process.stderr.isTTY === true && !flags.json, quiet: flags.json === true });
      const reading = progress.start("reading the inputs");
      const { issues } = await loadInputs({ dir, dateOrder: config.dateOrder, onProgress: (p) => reading.update(describeProgress(p)) }).finally(reading);
      const valid = !issues.some((issue) => issue.severity === "error");
      if (flags.json) process.stdout.write(`${JSON.stringify({ valid, issues: issues.map(toJson) }, null, 2)}\n`);
      else {
        printIssues(issues);
        const verdict = valid ? "the inputs are valid" : "the inputs have errors; fix them and run briefkit validate again";
        process.stderr.write(`${inputs}: ${issues.length === 0 ? verdict : `${verdict} (${summarizeIssues(issues)})`}\n`);
      }
      process.exitCode = valid ? EXIT.ok : EXIT.invalid;
    });
}

// The keys and their order are the contract of `--json`: nothing more, nothing less.
function toJson(issue: Issue): Issue {
  const { file, line, column, value, severity, code, message, hint } = issue;
  return { file, line, column, value, severity, code, message, hint };
}
