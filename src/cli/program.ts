import { Command, CommanderError } from "commander";
import { registerBuild } from "./build.js";
import { registerInit } from "./init.js";
import { registerInspect } from "./inspect.js";
import type { CliIo } from "./io.js";
import { EXIT, listChoicesAfterError, reportError } from "./shared.js";
import { registerTemplateInputs } from "./template-inputs.js";
import { registerValidate } from "./validate.js";

const EXAMPLES = "\nExamples:\n  briefkit init lima && cd lima   # a new briefing folder\n  briefkit validate\n  briefkit build --last-week\n  briefkit build --help           # every option of build\n";

/**
 * Runs the command line: `argv` are the arguments after `briefkit`. Prints
 * on `io`'s writers and gives the exit code; it never exits the process,
 * so that tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await createProgram(io, (exit) => (code = exit)).parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    return report(error, io);
  }
}

/** The commands of briefkit. */
export const COMMANDS = ["build", "validate", "inspect", "init", "template-inputs"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** One command as a function of its own arguments (those after its name) and `io`: `runCommand("build", ["--week", "2025-W07"], io)`. */
export function runCommand(name: CommandName, argv: readonly string[], io: CliIo): Promise<number> {
  return runCli([name, ...argv], io);
}

function createProgram(io: CliIo, exit: (code: number) => void): Command {
  const program = new Command("briefkit")
    .description("Turn CSV logs of defense engagements into a weekly briefing workbook (.xlsx) and PDF packet.")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(text),
    });
  registerBuild(program, io, exit);
  registerValidate(program, io, exit);
  registerInspect(program, io, exit);
  registerInit(program, io, exit);
  registerTemplateInputs(program, io, exit);
  listChoicesAfterError(program);
  program.addHelpText("after", EXAMPLES);
  return program;
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") {
      return EXIT.ok;
    }
    io.stderr.write("Run `briefkit --help` or `briefkit <command> --help` for the options.\n");
    return EXIT.usage;
  }
  return reportError(error, io);
}
