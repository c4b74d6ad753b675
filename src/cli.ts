#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { registerBuild } from "./cli/build.js";
import { keepHeapSmall } from "./cli/heap.js";
import { exitOnSignals } from "./cli/interrupt.js";
import { registerInspect } from "./cli/inspect.js";
import { registerInit } from "./cli/init.js";
import { registerTemplateInputs } from "./cli/template-inputs.js";
import { EXIT, listChoicesAfterError, printIssues } from "./cli/shared.js";
import { registerValidate } from "./cli/validate.js";
import { BriefkitError } from "./errors.js";

// The one place that prints errors and sets the exit code; each command lives in src/cli/.
function createProgram(): Command {
  const program = new Command("briefkit")
    .description("Turn CSV logs of defense engagements into a weekly briefing workbook (.xlsx) and PDF packet.")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerBuild(program);
  registerValidate(program);
  registerInspect(program);
  registerInit(program);
  registerTemplateInputs(program);
  listChoicesAfterError(program);
  program.addHelpText("after", "\nExamples:\n  briefkit init lima && cd lima   # a new briefing folder\n  briefkit validate\n  briefkit build --last-week\n  briefkit build --help           # every option of build\n");
  return program;
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
    if (error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") {
      return EXIT.ok;
    }
    process.stderr.write("Run `briefkit --help` or `briefkit <command> --help` for the options.\n");
    return EXIT.usage;
  }
  if (error instanceof BriefkitError) {
    printIssues(error.issues);
    process.stderr.write(`briefkit: ${error.message}\n`);
    return error.code === "usage" ? EXIT.usage : EXIT.invalid;
  }
  process.stderr.write(`briefkit: internal error — this is a bug, please report it with the lines below.\n${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.bug;
}

keepHeapSmall();
exitOnSignals();
process.exitCode = await main(process.argv);
