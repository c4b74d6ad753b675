/** The exit codes of a process ended by a signal, as shells report them. */
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Ctrl-C or a kill ends the process with the code the signal would give,
 * but through process.exit, so that the exit handlers remove the temporary
 * files (a big workbook's, the reports being written). Node's own handling
 * ends the process at once and leaves them. A command that handles the
 * signal itself (`build --watch`, which stops watching) is left to do so.
 */
export function exitOnSignals(): void {
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      // The shell's prompt starts on a line of its own, not after a spinner's.
      if (process.stderr.isTTY) process.stderr.write("\n");
      process.exit(code);
    });
  }
}
