import { Option, type Command } from "commander";
import { loadConfig } from "../config.js";
import { loadInputs } from "../inputs/load.js";
import { EXIT, existingDir, printIssues } from "./shared.js";

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
      const { issues } = await loadInputs({ dir: existingDir(inputs, "--inputs"), dateOrder: config.dateOrder });
      const valid = !issues.some((issue) => issue.severity === "error");
      if (flags.json) process.stdout.write(`${JSON.stringify({ valid, issues }, null, 2)}\n`);
      else {
        printIssues(issues);
        if (valid) process.stderr.write(`${inputs}: the inputs are valid\n`);
      }
      process.exitCode = valid ? EXIT.ok : EXIT.invalid;
    });
}
