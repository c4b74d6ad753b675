import { join } from "node:path";
import { expect } from "vitest";
import { inspectReport, type InspectInput } from "./report.js";

/**
 * Compares each report, as text, with its file snapshot `<dir>/<name>.txt`
 * (a relative `dir` is taken from the test file's folder). A changed report
 * fails the test with a line diff; `vitest -u` writes the new text.
 */
export async function matchReportSnapshots(files: readonly InspectInput[], dir = "__snapshots__"): Promise<void> {
  for (const file of files) {
    await expect(await inspectReport(file), `${file.name} as text`).toMatchFileSnapshot(join(dir, `${file.name}.txt`));
  }
}
