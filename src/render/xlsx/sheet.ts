import type ExcelJS from "exceljs";
import { toUtcDate } from "../../dates.js";

/** A cell value before it is written: dates are ISO strings, links carry their address. */
export type CellValue = string | number | null | { date: string } | { link: string; text: string };

export interface ColumnSpec {
  header: string;
  /** Wrap long text and cap the width. */
  wrap?: boolean;
}

/** The font of every styled cell; without a name LibreOffice falls back to a serif face. */
export const FONT = { name: "Calibri", size: 11 } as const;

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const MAX_WRAP_WIDTH = 45;
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;
const DATE_FORMAT = "yyyy-mm-dd";

/** Print and page settings every sheet shares: marking and page numbers, landscape, one page wide. */
export function setupPrinting(sheet: ExcelJS.Worksheet, options: { marking: string; repeatRows?: string }): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: options.repeatRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  const marking = escapeHeaderFooter(options.marking);
  sheet.headerFooter = {
    oddHeader: `&C&B${marking}`,
    oddFooter: `&L${marking}&RPage &P of &N`,
  };
}

// In header and footer text "&" starts a code; a literal one is written "&&".
function escapeHeaderFooter(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * Writes a table of rows with a bold, frozen, filterable header row,
 * widths that fit the content and wrapped long text.
 */
export function writeTable(options: {
  sheet: ExcelJS.Worksheet;
  columns: readonly ColumnSpec[];
  rows: ReadonlyArray<readonly CellValue[]>;
  marking: string;
}): void {
  const { sheet, columns, rows } = options;
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { ...FONT, bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
  });
  for (const values of rows) {
    const row = sheet.addRow(values.map(toExcel));
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      if (value !== null && typeof value === "object" && "date" in value) cell.numFmt = DATE_FORMAT;
      if (value !== null && typeof value === "object" && "link" in value) cell.font = { ...FONT, color: { argb: "FF0563C1" }, underline: true };
      cell.alignment = { vertical: "top", wrapText: columns[index]?.wrap === true };
    });
  }
  const widths = columns.map((column, index) => {
    const widest = Math.max(column.header.length, ...rows.map((r) => displayLength(r[index] ?? null)));
    const width = Math.min(column.wrap ? MAX_WRAP_WIDTH : MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    sheet.getColumn(index + 1).width = width;
    return width;
  });
  // Neither Excel nor LibreOffice grows a row for wrapped text on opening, so set each row's height.
  rows.forEach((values, r) => {
    const lines = Math.max(1, ...values.map((value, c) => (columns[c]?.wrap ? wrappedLines(value, widths[c]!) : 1)));
    if (lines > 1) sheet.getRow(r + 2).height = lines * LINE_HEIGHT;
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  }
  setupPrinting(sheet, { marking: options.marking, repeatRows: "1:1" });
}

/** Lines a value takes when wrapped in a column of the given width (in characters). */
function wrappedLines(value: CellValue, width: number): number {
  if (typeof value !== "string") return 1;
  const perLine = Math.max(1, width * 1.3);
  return value.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function toExcel(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value !== "object") return value;
  if ("date" in value) return toUtcDate(value.date);
  return { text: value.text, hyperlink: value.link };
}

function displayLength(value: CellValue): number {
  if (value === null) return 0;
  if (typeof value === "number") return String(value).length;
  if (typeof value === "string") return Math.max(...value.split("\n").map((line) => line.length));
  return "date" in value ? 10 : value.text.length;
}
