import { setFlagsFromString } from "node:v8";

let running = 0;
// Turned off for the whole process by whoever started it: nothing to turn back on.
const offAlready = process.execArgv.includes("--no-allocation-site-pretenuring");

/**
 * Runs `work` with V8's allocation-site pretenuring off, and turns it back
 * on when the last such work ends. Streaming a large archive makes a few
 * objects per row (the validator's) whose allocation sites V8 may decide to
 * place straight in the old generation; each such object, dead at once,
 * keeps its row's strings alive until the next full collection, so that the
 * text of the whole archive passes through the old generation, which V8
 * then lets grow to several times what is live: at 1,000,000 rows, about
 * 250 MB more at the peak. Young objects that die young cost nothing.
 */
export async function withoutPretenuring<T>(work: () => Promise<T>): Promise<T> {
  if (running++ === 0 && !offAlready) setFlagsFromString("--no-allocation-site-pretenuring");
  try {
    return await work();
  } finally {
    if (--running === 0 && !offAlready) setFlagsFromString("--allocation-site-pretenuring");
  }
}
