/** Where a text goes: a process's stdout or stderr, or a test's buffer. */
export interface Writer {
  write(text: string): unknown;
}

/** What a command may use of the world: every command is a function of its arguments and this. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** The working folder relative paths are taken from. */
  cwd: string;
  /** The environment, for `SOURCE_DATE_EPOCH`. */
  env: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal: progress then shows as a spinner line. */
  isTTY: boolean;
  /** Aborted when the command is to stop (Ctrl-C): a build stops and removes its temporary files; a watch ends. */
  signal?: AbortSignal;
}

/** A command stopped by a signal; `exitCode` is what a shell reports for it. */
export class Interrupted extends Error {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly exitCode: number,
  ) {
    super(`stopped by ${signal}`);
    this.name = "Interrupted";
  }
}
