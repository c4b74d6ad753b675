import type { Command } from "commander";
import { abortable } from "../abort.js";
import { BriefkitError, formatIssue, issueEffect, type Issue } from "../errors.js";
import { Interrupted, type CliIo, type Writer } from "./io.js";

/** Exit codes of the command line. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, bug: 3 } as const;

/** The closing line of a list of issues: how many errors and warnings. */
export function summarizeIssues(issues: readonly Issue[]): string {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return `${count(errors, "error")}, ${count(warnings, "warning")}`;
}

/** Prints issues for people. */
export function printIssues(stderr: Writer, issues: readonly Issue[]): void {
  for (const issue of issues) stderr.write(`${formatIssue(issue)}\n`);
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
  const left = leftOut(issues);
  return left === null ? null : `built without ${left.text} with errors; each is listed on the Issues sheet and in the packet's annex`;
}

/**
 * What the operator can do about the rows a build with `--allow-invalid`
 * left out, printed after the build (the packet speaks to its readers, not
 * to the operator); `null` when nothing was left out.
 */
export function leftOutHint(issues: readonly Issue[]): string | null {
  const left = leftOut(issues);
  return left === null ? null : `${left.text} ${left.count === 1 ? "was" : "were"} left out; fix them (see the hints above) and build again to include them`;
}

// The rows and files left out, as "2 rows and 1 file", and how many in all.
function leftOut(issues: readonly Issue[]): { text: string; count: number } | null {
  const count = (effect: "row" | "file") => new Set(issues.filter((i) => issueEffect(i) === effect).map((i) => `${i.file}:${effect === "row" ? i.line : ""}`)).size;
  const counts = [[count("row"), "row"], [count("file"), "file"]] as const;
  const parts = counts.filter(([n]) => n > 0).map(([n, one]) => `${n} ${one}${n === 1 ? "" : "s"}`);
  if (parts.length === 0) return null;
  return { text: parts.join(" and "), count: counts.reduce((sum, [n]) => sum + n, 0) };
}

// How the library names an option in its messages, and how the command line says it.
const FLAG_WORDING: Record<string, { library: string; flag: string }> = {
  inputs: { library: "inputs folder ", flag: "--inputs " },
  templates: { library: "templates folder ", flag: "--templates " },
  allowInvalid: { library: "set allowInvalid to build", flag: "add --allow-invalid to build" },
};

/**
 * A library error in the words of the command line: an option the user
 * gave as a flag (or that only a flag can set, such as `--allow-invalid`)
 * is named as that flag.
 */
export function inFlagTerms(error: unknown, given: (option: string) => boolean): unknown {
  if (!(error instanceof BriefkitError) || error.option === null) return error;
  const wording = FLAG_WORDING[error.option];
  if (wording === undefined || !(given(error.option) || error.option === "allowInvalid")) return error;
  const message = error.message.replace(wording.library, wording.flag);
  return new BriefkitError({ code: error.code, message, location: error.location, option: error.option, issues: error.issues, cause: error.cause });
}

/**
 * Runs a command that leaves nothing behind when stopped (validate,
 * inspect, init, template-inputs): an aborted `io.signal` ends it at once,
 * with the signal's reason. A build is not run so: it stops by itself, after
 * removing its temporary files.
 */
export function untilStopped<T>(io: CliIo, run: () => Promise<T>): Promise<T> {
  return abortable(run(), io.signal);
}

/**
 * Tells people what went wrong and gives the exit code: a user's mistake
 * as its message (issues first), a stop by a signal as its code, anything
 * else as the bug it is, with the stack.
 */
export function reportError(error: unknown, io: CliIo): number {
  // Once stopped, whatever the build failed with on its way out is the stop.
  const reason: unknown = io.signal?.aborted ? io.signal.reason : error;
  if (reason instanceof Interrupted) {
    // The shell's prompt starts on a line of its own, not after a spinner's.
    if (io.isTTY) io.stderr.write("\n");
    return reason.exitCode;
  }
  if (error instanceof BriefkitError) {
    printIssues(io.stderr, error.issues);
    io.stderr.write(`briefkit: ${error.message}\n`);
    return error.code === "usage" ? EXIT.usage : EXIT.invalid;
  }
  io.stderr.write(`briefkit: internal error — this is a bug, please report it with the lines below.\n${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.bug;
}
