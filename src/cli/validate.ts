import { Option, type Command } from "commander";
import type { Issue } from "../errors.js";
import { loadBuildInputs, loadSettings } from "../settings.js";
import type { CliIo } from "./io.js";
import { createProgress, describeProgress } from "./progress.js";
import { EXIT, inFlagTerms, printIssues, summarizeIssues, untilStopped } from "./shared.js";

/** The flags of `briefkit validate`. */
export interface ValidateFlags {
  inputs?: string;
  config?: string;
  json?: boolean;
}

/** `briefkit validate`: its flags, and its action, which hands its exit code to `exit`. */
export function registerValidate(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command("validate")
    .description("Check the input files and list every problem, with file and line")
    .option("--inputs <dir>", "folder of the input files (default: config \"inputs\", else inputs/ beside the config)")
    .option("--config <file>", "config file (default: briefkit.config.json, when there is one)")
    .addOption(new Option("--json", "print the result as JSON for scripts"))
    .addHelpText("after", "\nExamples:\n  briefkit validate\n  briefkit validate --inputs data --json\n")
    .action(async (flags: ValidateFlags) => exit(await untilStopped(io, () => runValidate(flags, io))));
}

/** `briefkit validate` with its flags parsed: reads the inputs as a build does, lists every issue, gives the exit code. */
export async function runValidate(flags: ValidateFlags, io: CliIo): Promise<number> {
  const settings = await loadSettings({ cwd: io.cwd, config: flags.config, inputs: flags.inputs });
  const progress = createProgress({ write: (text) => io.stderr.write(text), interactive: io.isTTY && !flags.json, quiet: flags.json === true });
  const reading = progress.start("reading the inputs");
  const { issues } = await loadBuildInputs(settings, { onProgress: (p) => reading.update(describeProgress(p)) })
    .catch((error: unknown) => {
      throw inFlagTerms(error, (option) => option === "inputs" && flags.inputs !== undefined);
    })
    .finally(reading);
  const valid = !issues.some((issue) => issue.severity === "error");
  if (flags.json) io.stdout.write(`${JSON.stringify({ valid, issues: issues.map(toJson) }, null, 2)}\n`);
  else {
    printIssues(io.stderr, issues);
    const verdict = valid ? "the inputs are valid" : "the inputs have errors; fix them and run briefkit validate again";
    io.stderr.write(`${settings.inputs}: ${issues.length === 0 ? verdict : `${verdict} (${summarizeIssues(issues)})`}\n`);
  }
  return valid ? EXIT.ok : EXIT.invalid;
}

// The keys and their order are the contract of `--json`: nothing more, nothing less.
function toJson(issue: Issue): Issue {
  const { file, line, column, value, severity, code, message, hint } = issue;
  return { file, line, column, value, severity, code, message, hint };
}
