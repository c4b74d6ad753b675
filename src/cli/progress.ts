/** Starts a timer; returns a function that cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

/** How a command talks to people while it works. */
export interface Progress {
  /** Starts a step; the returned function ends it. */
  start(label: string): () => void;
  /** A plain line for people (on stderr), unless quiet. */
  note(line: string): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** The real timers, not keeping the process alive. */
export const realSchedule: Schedule = (run, ms) => {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Progress for people. On a terminal, a step that lasts over `delayMs` gets
 * a spinner line that is cleared when it ends; off a terminal (a pipe, a log
 * file, CI) there is no spinner, only the notes. `quiet` silences both.
 */
export function createProgress(options: {
  write: (text: string) => void;
  interactive: boolean;
  quiet: boolean;
  schedule?: Schedule;
  delayMs?: number;
  frameMs?: number;
}): Progress {
  const { write, interactive, quiet } = options;
  const schedule = options.schedule ?? realSchedule;
  const delayMs = options.delayMs ?? 1000;
  const frameMs = options.frameMs ?? 100;
  return {
    start(label) {
      if (quiet || !interactive) return () => undefined;
      let frame = 0;
      let shown = false;
      let stopTicking: () => void = () => undefined;
      const stopWaiting = schedule(() => {
        stopWaiting();
        shown = true;
        const draw = () => write(`\r${FRAMES[frame++ % FRAMES.length]} ${label}…`);
        draw();
        stopTicking = schedule(draw, frameMs);
      }, delayMs);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        stopWaiting();
        stopTicking();
        if (shown) write("\r\x1b[2K");
      };
    },
    note(line) {
      if (!quiet) write(`${line}\n`);
    },
  };
}
