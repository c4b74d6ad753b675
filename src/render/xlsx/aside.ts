import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkbookSpec } from "../../compose/compose.js";
import type { Briefing } from "../../model/briefing.js";
import { copyableBriefing } from "../../model/copyable.js";

/** Above this many engagements the workbook is rendered on the calling thread: copying the briefing would cost more than it saves. */
export const ASIDE_UP_TO = 5_000;

const WORKER = new URL("./worker.js", import.meta.url);

/**
 * Starts rendering the workbook on a thread of its own, so that the packet
 * can be rendered meanwhile on a second core: loading exceljs and zipping
 * the sheets then cost a small build no time. A big archive, a briefing the
 * thread cannot be handed, or no compiled worker (the sources run directly)
 * renders on this thread instead, with the same bytes.
 */
export function renderWorkbookAside(options: { briefing: Briefing; spec: WorkbookSpec }): Promise<Uint8Array> {
  return renderOnThread(options) ?? renderHere(options);
}

/** Renders the workbook on a thread of its own; null when it cannot (see renderWorkbookAside). */
export function renderOnThread(options: { briefing: Briefing; spec: WorkbookSpec }): Promise<Uint8Array> | null {
  if (options.briefing.engagements.length > ASIDE_UP_TO || !existsSync(fileURLToPath(WORKER))) return null;
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { workerData: { ...options, briefing: copyableBriefing(options.briefing) } });
  } catch (error) {
    // A briefing with something structured clone cannot copy.
    if ((error as Error).name === "DataCloneError") return null;
    throw error;
  }
  return new Promise((resolve, reject) => {
    worker.once("message", (bytes: Uint8Array) => resolve(bytes));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the workbook thread stopped (exit code ${code}) before it was done`)));
  });
}

async function renderHere(options: { briefing: Briefing; spec: WorkbookSpec }): Promise<Uint8Array> {
  return (await import("./workbook.js")).renderWorkbook(options);
}
