/**
 * `briefkit/inspect`: workbooks and PDF packets as plain text, for people and
 * snapshot tests. A subpath of its own, so that importing `briefkit` loads no
 * reader of either format.
 */
export { inspectFile, inspectReport, type InspectInput } from "./report.js";
export { inspectPdf } from "./pdf.js";
export { inspectWorkbook } from "./workbook.js";
