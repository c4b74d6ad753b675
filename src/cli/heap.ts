import { setFlagsFromString } from "node:v8";

/**
 * How much V8 lets the heap grow past what the last full collection kept,
 * in percent. By default it grows it up to fourfold, and an archive's
 * build leaves much short-lived garbage: at 100,000 engagements the heap
 * stood at twice what it held. Growing by a tenth holds it close, in about
 * the same time.
 */
export const HEAP_GROWING_PERCENT = 10;

/** The V8 flag to set, or null when Node's command line set it already (NODE_OPTIONS cannot). */
export function heapFlag(execArgv: readonly string[]): string | null {
  const given = execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg));
  return given ? null : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/** Keeps the heap close to what it holds, unless the person running briefkit chose otherwise. */
export function keepHeapSmall(): void {
  const flag = heapFlag(process.execArgv);
  // V8 reads this flag each time it sizes the heap, so setting it once running takes effect.
  if (flag !== null) setFlagsFromString(flag);
}
