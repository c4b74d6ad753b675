import { existsSync } from "node:fs";
import type { Command } from "commander";
import { BriefkitError, formatIssue, type Issue } from "../errors.js";

/** Exit codes of the command line. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, bug: 3 } as const;

/** Checks that a folder named by a flag exists. */
export function existingDir(path: string, flag: string): string {
  if (!existsSync(path)) throw new BriefkitError({ code: "usage", message: `${flag} ${path}: no such folder` });
  return path;
}

/** Prints issues for people, on stderr. */
export function printIssues(issues: readonly Issue[]): void {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
}

/** After a usage error, each command names what it does take, so a wrong flag is followed by the right ones. */
export function listChoicesAfterError(program: Command): void {
  program.showHelpAfterError(`briefkit commands: ${program.commands.map((c) => c.name()).join(", ")}`);
  for (const command of program.commands) {
    const flags = command.options.map((option) => option.long).filter((flag) => flag !== undefined);
    command.showHelpAfterError(`briefkit ${command.name()} takes: ${flags.join(", ")}`);
  }
}
