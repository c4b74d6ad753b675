import { existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import { BriefkitError, formatIssue, issueEffect, type Issue } from "../errors.js";

/** Exit codes of the command line. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, bug: 3 } as const;

/** Checks that a folder named by a flag exists and is a folder. */
export function existingDir(path: string, flag: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) throw new BriefkitError({ code: "usage", message: `${flag} ${path}: no such folder` });
  if (!stats.isDirectory()) throw new BriefkitError({ code: "usage", message: `${flag} ${path}: this is a file; give the folder that holds it` });
  return path;
}

/** The closing line of a list of issues: how many errors and warnings. */
export function summarizeIssues(issues: readonly Issue[]): string {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return `${count(errors, "error")}, ${count(warnings, "warning")}`;
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

/** What a build with `--allow-invalid` left out, in one line; `null` when nothing was. */
export function describeLeftOut(issues: readonly Issue[]): string | null {
  const count = (effect: "row" | "file", one: string) => {
    const n = new Set(issues.filter((i) => issueEffect(i) === effect).map((i) => `${i.file}:${effect === "row" ? i.line : ""}`)).size;
    return n === 0 ? null : `${n} ${one}${n === 1 ? "" : "s"}`;
  };
  const parts = [count("row", "row"), count("file", "file")].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return `built without ${parts.join(" and ")} with errors; each is listed on the Issues sheet and in the packet's annex`;
}
