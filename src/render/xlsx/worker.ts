import { parentPort, workerData } from "node:worker_threads";
import { renderWorkbook } from "./workbook.js";

// The entry of the thread renderWorkbookAside starts: renders and hands the bytes back without a copy.
const bytes = await renderWorkbook(workerData as Parameters<typeof renderWorkbook>[0]);
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
