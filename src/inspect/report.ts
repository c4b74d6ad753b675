import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { BriefkitError } from "../errors.js";
import { inspectPdf } from "./pdf.js";
import { inspectWorkbook } from "./workbook.js";

/** A report to inspect: its file name (for its type) and its bytes. */
export interface InspectInput {
  name: string;
  bytes: Uint8Array;
}

/**
 * A report as plain text, by the type its name ends with: `.xlsx` through
 * inspectWorkbook, `.pdf` through inspectPdf.
 */
export async function inspectReport(file: InspectInput): Promise<string> {
  const type = extname(file.name).toLowerCase();
  if (type === ".xlsx") return inspectWorkbook(file.bytes, { name: file.name });
  if (type === ".pdf") return inspectPdf(file.bytes, { name: file.name });
  throw new BriefkitError({
    code: "usage",
    message: `${file.name}: cannot inspect a ${type === "" ? "file without an extension" : `${type} file`}; expected a .xlsx or .pdf file`,
  });
}

/** Reads a `.xlsx` or `.pdf` file and returns it as plain text. */
export async function inspectFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? "unknown error"})`;
    throw new BriefkitError({ code: "usage", message: `${path}: ${why}`, cause: error });
  }
  return inspectReport({ name: path, bytes });
}
