import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Period } from "../model/period.js";

export type Format = "xlsx" | "pdf";

/** A finished report, not yet on disk. */
export interface ReportFile {
  format: Format;
  name: string;
  bytes: Uint8Array;
}

/** `briefing-2025-W07.xlsx`, `briefing-2025-02-10_2025-02-16.pdf` */
export function reportName(period: Period, format: Format): string {
  return `briefing-${period.label}.${format}`;
}

/**
 * Writes the reports into a folder. Each file goes to a temporary name
 * first and is renamed into place only when all are written, so a crash or
 * a full disk never leaves a truncated report where the last good one stood.
 * Returns the paths written.
 */
export async function writeReports(options: { dir: string; files: readonly ReportFile[] }): Promise<string[]> {
  await mkdir(options.dir, { recursive: true });
  const staged: Array<{ temp: string; path: string }> = [];
  try {
    for (const file of options.files) {
      const path = join(options.dir, file.name);
      const temp = join(options.dir, `.${file.name}.${randomBytes(6).toString("hex")}.tmp`);
      staged.push({ temp, path });
      await writeFile(temp, file.bytes);
    }
    for (const { temp, path } of staged) await rename(temp, path);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  return staged.map(({ path }) => path);
}
