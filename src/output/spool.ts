import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Format, ReportFile } from "./write.js";
import { repackZipFile } from "./zip.js";

/**
 * A report kept in a temporary file instead of memory: a big archive's
 * workbook. writeReports copies the file into place; `bytes` reads it.
 * Whoever made it removes the file with `dispose`.
 */
export class SpooledReport implements ReportFile {
  readonly path: string;
  private readonly folder: string;

  constructor(
    readonly format: Format,
    readonly name: string,
  ) {
    this.folder = mkdtempSync(join(tmpdir(), "briefkit-report-"));
    this.path = join(this.folder, name);
  }

  get bytes(): Uint8Array {
    return readFileSync(this.path);
  }

  /** A file next to the report's, for what it is made from. */
  scratch(name: string): string {
    return join(this.folder, `.${name}`);
  }

  /** Removes the temporary folder and what is in it. */
  dispose(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/**
 * Renders a workbook into a temporary file with `render`, then re-packs it
 * as repackZip does (entry times from `asOf`, fixed order), file to file.
 * When either fails, the temporary folder is removed.
 */
export async function spoolWorkbook(options: { name: string; asOf: string; render: (path: string) => Promise<void> }): Promise<SpooledReport> {
  const report = new SpooledReport("xlsx", options.name);
  try {
    const rendered = report.scratch("rendered.xlsx");
    await options.render(rendered);
    await repackZipFile(rendered, report.path, { date: options.asOf });
    rmSync(rendered, { force: true });
  } catch (error) {
    report.dispose();
    throw error;
  }
  return report;
}
