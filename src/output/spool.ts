import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { temporaryFolder } from "./temp.js";
import type { Format, ReportFile } from "./write.js";
import { repackZipFile } from "./zip.js";

/**
 * A report kept in a temporary file instead of memory: a big archive's
 * workbook. writeReports copies the file into place; `bytes` reads it. The
 * file is removed once the report is no longer referred to, or at exit.
 */
export class SpooledReport implements ReportFile {
  readonly path: string;
  private readonly folder: string;

  constructor(
    readonly format: Format,
    readonly name: string,
  ) {
    this.folder = temporaryFolder("briefkit-report-", this);
    this.path = join(this.folder, name);
  }

  get bytes(): Uint8Array {
    return readFileSync(this.path);
  }

  /** A file next to the report's, for what it is made from. */
  scratch(name: string): string {
    return join(this.folder, `.${name}`);
  }
}

/**
 * Renders a workbook into a temporary file with `render`, then re-packs it
 * as repackZip does (entry times from `asOf`, fixed order), file to file.
 */
export async function spoolWorkbook(options: { name: string; asOf: string; render: (path: string) => Promise<void> }): Promise<SpooledReport> {
  const report = new SpooledReport("xlsx", options.name);
  const rendered = report.scratch("rendered.xlsx");
  await options.render(rendered);
  await repackZipFile(rendered, report.path, { date: options.asOf });
  rmSync(rendered, { force: true });
  return report;
}
