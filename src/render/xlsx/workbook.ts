import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import type { WorkbookSpec } from "../../compose/compose.js";
import { toUtcDate } from "../../dates.js";
import type { Briefing } from "../../model/briefing.js";
import { ownBytes } from "../bytes.js";
import { FONT, rowHeight, wrappedLines } from "./cells.js";
import type { Table } from "./columns.js";
import { writeMatrixSheet } from "./matrix.js";
import { setupPrinting } from "./print.js";
import type { SheetIssue } from "./list-sheets.js";
import { buildTables } from "./rows.js";
import { writeTable, type TableResult } from "./sheet.js";

const ABOUT_TEXT_WIDTH = 80;

// exceljs's main module also loads its streaming reader and writer, with unzipper, archiver and
// their dependencies: 660 modules instead of 280, a fifth of a small build. Each writer is loaded on its own.
const require = createRequire(import.meta.url);
const loadWorkbook = () => require("exceljs/lib/doc/workbook.js") as typeof ExcelJS.Workbook;
const loadStreamWriter = () => require("exceljs/lib/stream/xlsx/workbook-writer.js") as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/** Above this many engagements the workbook is written with exceljs's streaming writer. */
export const STREAM_ABOVE = 5_000;

/**
 * Draws the workbook of a briefing, with the names and headers the template
 * gave. Source links beyond `linkLimit` (Excel's 65,530 a sheet unless given)
 * are written as plain text, with a warning on the Issues sheet.
 *
 * An archive of more than `streamAbove` engagements (default STREAM_ABOVE)
 * is written with exceljs's streaming writer, each sheet finished and let go
 * before the next: the same cells, styles and settings, but its lists get a
 * filter on the header row instead of an Excel table, which that writer
 * cannot make.
 */
export async function renderWorkbook(options: WorkbookOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const bytes = await drawWorkbook(options, () => collect(chunks));
  if (bytes !== null) return bytes;
  const joined = Buffer.concat(chunks);
  chunks.length = 0;
  return ownBytes(joined);
}

/**
 * renderWorkbook into a file: a streamed workbook goes to the file as it is
 * written, and is never held in memory whole.
 */
export async function renderWorkbookFile(options: WorkbookOptions & { path: string }): Promise<void> {
  let file: WriteStream | null = null;
  const bytes = await drawWorkbook(options, () => (file = createWriteStream(options.path)));
  if (bytes !== null) await writeFile(options.path, bytes);
  const written = file as WriteStream | null;
  if (written !== null && !written.closed) await once(written, "close");
}

interface WorkbookOptions {
  briefing: Briefing;
  spec: WorkbookSpec;
  linkLimit?: number;
  streamAbove?: number;
  /** When streaming, told every few rows the share of the Engagements sheet written, 0 to 1: the bulk of a big workbook. */
  onProgress?: (done: number) => void;
}

/** Draws the workbook: streamed into `open()`'s stream (null is returned), or in memory and returned. */
async function drawWorkbook(options: WorkbookOptions, open: () => Writable): Promise<Uint8Array | null> {
  const { briefing, spec } = options;
  const { sheets, marking } = spec;
  const stream = briefing.engagements.length > (options.streamAbove ?? STREAM_ABOVE);
  const workbook = stream ? new (loadStreamWriter())({ stream: open(), useStyles: true, useSharedStrings: false }) : new (loadWorkbook())();
  setProperties(workbook, briefing, spec);
  // The streaming writer needs each sheet finished before the next begins, or it holds them all.
  const done = (sheet: ExcelJS.Worksheet) => {
    if (stream) (sheet as unknown as { commit(): void }).commit();
  };

  const table = async (part: Table, onWritten?: (rows: number) => void) => {
    const sheet = workbook.addWorksheet(part.name, opening({ state: "frozen", xSplit: part.freezeColumns ?? 0, ySplit: 1 }));
    const { tableName, columns, rows, freezeColumns } = part;
    const result = await writeTable({ sheet, tableName, columns, rows, freezeColumns, marking, pageNumber: spec.pageNumber, dateFormat: spec.dateFormat, linkLimit: options.linkLimit, stream, onWritten });
    done(sheet);
    return result;
  };

  const about = workbook.addWorksheet(sheets.about.name, opening());
  writeAbout(about, spec);
  done(about);
  // The window's header row is always row 3: the title, the note, then the header.
  const matrix = workbook.addWorksheet(sheets.matrix.name, opening({ state: "frozen", xSplit: 1, ySplit: 3 }));
  writeMatrixSheet({ sheet: matrix, briefing, spec });
  done(matrix);
  const tables = buildTables(briefing, spec);
  const engagements = await table(tables.engagements, share(options.onProgress, briefing.engagements.length));
  for (const part of [tables.engagementTopics, tables.upcoming, tables.partners, tables.areas, tables.initiatives]) await table(part);
  await table(tables.issues(linkIssues(engagements, sheets.engagements)));

  // Stored, not deflated: repackZip compresses the entries, with zlib rather than exceljs's JavaScript deflate.
  if (!stream) return ownBytes((await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions)) as unknown as Buffer);
  await (workbook as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  return null;
}

/** The warnings of the Engagements sheet's links written as plain text: past the sheet's limit, or too long to open. */
function linkIssues(result: TableResult, sheet: WorkbookSpec["sheets"]["engagements"]): SheetIssue[] {
  const issue = (line: number, message: string): SheetIssue => ({ severity: "warning", effect: null, file: sheet.name, line, column: sheet.columns.source_url, value: null, message, hint: null });
  const issues = result.longLinkRows.map((row) => issue(row, sheet.linkTooLong));
  if (result.firstUnlinkedRow !== null) issues.push(issue(result.firstUnlinkedRow, sheet.tooManyLinks));
  return issues;
}

// Rows written, as a share of all the sheet's rows.
function share(onProgress: ((done: number) => void) | undefined, total: number): ((rows: number) => void) | undefined {
  return onProgress === undefined ? undefined : (rows) => onProgress(Math.min(1, rows / total));
}

/**
 * What a sheet needs from the start: the streaming writer writes the frozen
 * panes and the fit-to-page flag as soon as the sheet is added.
 */
function opening(view?: Partial<ExcelJS.WorksheetView>): Partial<ExcelJS.AddWorksheetOptions> {
  return { ...(view ? { views: [view as ExcelJS.WorksheetView] } : {}), pageSetup: { fitToPage: true } as ExcelJS.PageSetup };
}

function collect(chunks: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
}

/** Title, subject and author from the template and config; dates from the as-of date, never the clock. */
function setProperties(workbook: ExcelJS.Workbook, briefing: Briefing, spec: WorkbookSpec): void {
  const asOf = toUtcDate(briefing.asOf);
  workbook.creator = briefing.config.author;
  workbook.lastModifiedBy = briefing.config.author;
  workbook.title = spec.title;
  workbook.subject = spec.subject;
  workbook.created = asOf;
  workbook.modified = asOf;
}

function writeAbout(sheet: ExcelJS.Worksheet, spec: WorkbookSpec): void {
  spec.about.forEach(([label, value], index) => {
    const row = sheet.addRow([label, value === "" ? null : value]);
    // The title runs on into the empty cell beside it; other rows wrap in place.
    row.alignment = { vertical: "top", wrapText: index > 0 };
    if (index === 0) {
      row.font = { ...FONT, bold: true, size: 16 };
      row.height = 24;
    } else {
      row.getCell(1).font = { ...FONT, bold: true };
      const lines = wrappedLines(value, ABOUT_TEXT_WIDTH);
      if (lines > 1) row.height = rowHeight(lines);
    }
    if (typeof value === "number") row.getCell(2).alignment = { horizontal: "left", vertical: "top" };
  });
  sheet.getColumn(1).width = 26;
  sheet.getColumn(2).width = ABOUT_TEXT_WIDTH;
  setupPrinting(sheet, { marking: spec.marking, pageNumber: spec.pageNumber, width: 26 + ABOUT_TEXT_WIDTH });
}
