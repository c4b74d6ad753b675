import type { BuildProgress } from "../progress.js";

/** Starts a timer; returns a function that cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

/** A step under way: call it to end it; `update` changes what its line says. */
export interface Step {
  (): void;
  update(label: string): void;
}

/** How a command talks to people while it works. */
export interface Progress {
  /** Starts a step; the returned function ends it. */
  start(label: string): Step;
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
      if (quiet || !interactive) return Object.assign(() => undefined, { update: () => undefined });
      let frame = 0;
      let shown = false;
      let stopTicking: () => void = () => undefined;
      // Each frame ends by clearing the rest of the line, in case the label was longer before.
      const draw = () => write(`\r${FRAMES[frame++ % FRAMES.length]} ${label}…\x1b[K`);
      const stopWaiting = schedule(() => {
        stopWaiting();
        shown = true;
        draw();
        stopTicking = schedule(draw, frameMs);
      }, delayMs);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        stopWaiting();
        stopTicking();
        if (shown) write("\r\x1b[2K");
      };
      // The new label shows with the next frame: a step told of its progress thousands of times writes no more for it.
      return Object.assign(end, { update: (text: string) => void (label = text) });
    },
    note(line) {
      if (!quiet) write(`${line}\n`);
    },
  };
}

/** What a progress line says of a build's step; `period`, the label of the period built, is needed past reading. */
export function describeProgress(progress: BuildProgress, period = ""): string {
  const share = (done: number) => ` (${Math.floor(done * 100)} %)`;
  switch (progress.step) {
    case "reading":
      return `reading ${progress.file}${share(progress.done)}`;
    case "workbook":
      return `building ${period}: the workbook${progress.done === null ? "" : share(progress.done)}`;
    case "packet":
      return `building ${period}: the packet${progress.done === null ? "" : share(progress.done)}`;
  }
}
