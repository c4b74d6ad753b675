import { existsSync, readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CliIo } from "./io.js";
import { realSchedule, type Progress, type Schedule } from "./progress.js";
import { reportError } from "./shared.js";

/** Reacts to file changes: waits until they settle, then builds once; never two builds at a time. */
export interface Rebuilder {
  /** Tells it a file changed. */
  changed(path: string): void;
}

/**
 * Debounces change events into builds. A burst of events (an editor saving
 * a file writes it several times) gives one build `debounceMs` after the
 * last event; changes that arrive during a build give one more build after it.
 */
export function createRebuilder(options: { build: () => Promise<void>; schedule?: Schedule; debounceMs?: number }): Rebuilder {
  const schedule = options.schedule ?? realSchedule;
  const debounceMs = options.debounceMs ?? 200;
  let cancel: (() => void) | null = null;
  let running = false;
  let pending = false;
  const run = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      await options.build();
    } finally {
      running = false;
    }
    if (pending) {
      pending = false;
      await run();
    }
  };
  return {
    changed() {
      cancel?.();
      cancel = schedule(() => {
        cancel?.();
        cancel = null;
        void run();
      }, debounceMs);
    },
  };
}

/** True for a change that can alter a report: inputs, templates, the config; not editor backups or lock files. */
export function isRelevantChange(path: string): boolean {
  const name = basename(path);
  if (name.startsWith(".") || name.startsWith("~$") || name.endsWith("~")) return false;
  return /\.(csv|xlsx|hbs|json)$/i.test(name);
}

/**
 * Follows folders (and their subfolders) and files with `fs.watch` and calls
 * `onChange` with the path of each relevant change. Returns a function that
 * stops watching.
 */
export function watchPaths(paths: readonly string[], onChange: (path: string) => void): () => void {
  const watchers: FSWatcher[] = [];
  for (const path of new Set(paths)) {
    if (!existsSync(path)) continue;
    const isDir = statSync(path).isDirectory();
    // One plain watcher per folder: Node 20's recursive watcher on Linux
    // misses files replaced by a rename, which is how many editors save.
    const dirs = isDir ? [path, ...subfolders(path)] : [dirname(path)];
    for (const dir of dirs) {
      watchers.push(
        watch(dir, (_event, name) => {
          if (name === null || (!isDir && name !== basename(path))) return;
          const changed = join(dir, name);
          if (isRelevantChange(changed)) onChange(changed);
        }),
      );
    }
  }
  return () => watchers.forEach((w) => w.close());
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true);
}

/**
 * `build --watch`: builds once, then again whenever a source changes, until
 * `io.signal` is aborted (Ctrl-C). A failed build is reported and the watch
 * goes on; a build under way when the signal comes stops.
 */
export async function watchBuild(options: { build: () => Promise<unknown>; sources: readonly string[]; progress: Progress; io: CliIo }): Promise<void> {
  const { progress, io } = options;
  const signal = io.signal ?? new AbortController().signal;
  const attempt = async () => {
    try {
      await options.build();
    } catch (error) {
      if (!signal.aborted) reportError(error, io);
    }
    if (!signal.aborted) progress.note("watching for changes (Ctrl-C to stop)");
  };
  await attempt();
  const rebuilder = createRebuilder({
    build: async () => {
      if (signal.aborted) return;
      progress.note("a source changed; rebuilding");
      await attempt();
    },
  });
  const stop = watchPaths(options.sources, (path) => rebuilder.changed(path));
  if (!signal.aborted) await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  stop();
}
