import { Interrupted } from "./io.js";

/** The exit codes of a process ended by a signal, as shells report them. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Ctrl-C or a kill aborts `controller` with an Interrupted reason: the
 * command under way stops at its next step and removes its temporary files
 * (a big workbook's, the reports being written), then the entry point exits
 * with the code the signal would give. Node's own handling would end the
 * process at once and leave them. A second signal ends the process at once.
 * Returns a function that removes the handlers.
 */
export function abortOnSignals(controller: AbortController, proc: NodeJS.Process = process): () => void {
  const handlers = Object.entries(SIGNAL_EXIT_CODES).map(([signal, code]) => {
    const handler = () => {
      if (controller.signal.aborted) proc.exit(code);
      controller.abort(new Interrupted(signal as NodeJS.Signals, code));
    };
    proc.on(signal, handler);
    return () => proc.off(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}
