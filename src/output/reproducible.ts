import type { Format } from "./write.js";
import { pinPdfId } from "./pdf-id.js";
import { repackZip } from "./zip.js";

/**
 * Makes a rendered report depend only on its contents and the as-of date,
 * never on the clock or the time zone: the workbook's zip is re-packed with
 * pinned entry times and order, the PDF gets an id made from its bytes.
 */
export function makeReproducible(options: { format: Format; bytes: Uint8Array; asOf: string }): Uint8Array {
  return options.format === "xlsx" ? repackZip(options.bytes, { date: options.asOf }) : pinPdfId(options.bytes);
}
