import type ExcelJS from "exceljs";
import { DATE_FORMAT, FONT, HEADER_FILL, LINE_HEIGHT, LINK_FONT, displayLength, toExcel, uniqueHeaders, wrappedLines, type CellValue } from "./cells.js";
import { setupPrinting } from "./print.js";

export { FONT, type CellValue } from "./cells.js";

export interface ColumnSpec {
  header: string;
  /** Wrap long text. */
  wrap?: boolean;
  /** Widest the column may be, in characters. */
  maxWidth?: number;
}

/** Excel keeps at most this many links on one sheet. */
export const MAX_LINKS_PER_SHEET = 65_530;

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
const MAX_WRAP_WIDTH = 40;

/** What writing a table left out. */
export interface TableResult {
  /** Sheet row of the first link written as plain text because the sheet had too many; null when none was. */
  firstUnlinkedRow: number | null;
}

/**
 * Writes rows as an Excel table (or, with no rows, a header with a filter):
 * bold frozen header repeated on printed pages, unique column names, widths
 * that fit the content within limits, wrapped long text with row heights to
 * match, links up to Excel's limit.
 */
export function writeTable(options: {
  sheet: ExcelJS.Worksheet;
  /** Name of the Excel table: letters, digits and underscores, unique in the workbook. */
  tableName: string;
  columns: readonly ColumnSpec[];
  rows: ReadonlyArray<readonly CellValue[]>;
  marking: string;
  /** Printed page number with {page} and {pages}; default "Page {page} of {pages}". */
  pageNumber?: string;
  /** Excel number format of date cells; default yyyy-mm-dd. */
  dateFormat?: string;
  linkLimit?: number;
  /** Columns kept in view when scrolling right, besides the header row kept in view when scrolling down. */
  freezeColumns?: number;
}): TableResult {
  const { sheet, columns, rows } = options;
  const headers = uniqueHeaders(columns.map((c) => c.header));
  const linkLimit = options.linkLimit ?? MAX_LINKS_PER_SHEET;
  let links = 0;
  let firstUnlinkedRow: number | null = null;
  const values = rows.map((row, r) =>
    columns.map((_, c) => {
      const value = row[c] ?? null;
      if (value === null || typeof value !== "object" || !("link" in value)) return toExcel(value, false);
      if (links < linkLimit) {
        links += 1;
        return toExcel(value, true);
      }
      firstUnlinkedRow ??= r + 2;
      return toExcel(value, false);
    }),
  );
  if (rows.length > 0 && columns.length > 0) {
    sheet.addTable({
      name: options.tableName,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleLight1", showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows: values,
    });
  } else {
    sheet.addRow(headers);
    if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  const widths = columns.map((column, c) => fitWidth(column, headers[c]!, rows.map((row) => row[c] ?? null)));
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  styleHeader(sheet.getRow(1), headers, widths);
  rows.forEach((row, r) => styleRow({ row: sheet.getRow(r + 2), values: row, columns, widths, dateFormat: options.dateFormat ?? DATE_FORMAT }));
  sheet.views = [{ state: "frozen", xSplit: options.freezeColumns ?? 0, ySplit: 1 }];
  setupPrinting(sheet, { marking: options.marking, pageNumber: options.pageNumber, repeatRows: "1:1", width: widths.reduce((a, b) => a + b, 0) });
  return { firstUnlinkedRow };
}

function styleHeader(row: ExcelJS.Row, headers: readonly string[], widths: readonly number[]): void {
  headers.forEach((_, c) => {
    const cell = row.getCell(c + 1);
    cell.font = { ...FONT, bold: true };
    cell.alignment = { vertical: "top", wrapText: true };
    cell.fill = HEADER_FILL;
  });
  // Bold text is wider: wrap headers as if their columns were a character narrower.
  const lines = Math.max(1, ...headers.map((header, c) => wrappedLines(header, widths[c]! - 1)));
  if (lines > 1) row.height = lines * LINE_HEIGHT;
}

function styleRow(options: { row: ExcelJS.Row; values: readonly CellValue[]; columns: readonly ColumnSpec[]; widths: readonly number[]; dateFormat: string }): void {
  const { row, values, columns, widths } = options;
  let lines = 1;
  columns.forEach((column, c) => {
    const value = values[c] ?? null;
    const cell = row.getCell(c + 1);
    cell.font = typeof cell.value === "object" && cell.value !== null && "hyperlink" in cell.value ? LINK_FONT : FONT;
    const isDate = value !== null && typeof value === "object" && "date" in value;
    if (isDate) cell.numFmt = options.dateFormat;
    // Centred dates and numbers keep clear of the left-aligned text beside them.
    const horizontal = isDate || typeof value === "number" ? "center" : undefined;
    cell.alignment = { vertical: "top", wrapText: column.wrap === true, ...(horizontal ? { horizontal } : {}) };
    if (column.wrap) lines = Math.max(lines, wrappedLines(value, widths[c]!));
  });
  // Neither Excel nor LibreOffice grows a row for wrapped text on opening, so set each row's height.
  if (lines > 1) row.height = lines * LINE_HEIGHT;
}

function fitWidth(column: ColumnSpec, header: string, values: readonly CellValue[]): number {
  const widest = Math.max(Math.min(header.length, 16), ...values.map(displayLength));
  const cap = column.maxWidth ?? (column.wrap ? MAX_WRAP_WIDTH : MAX_WIDTH);
  return Math.min(cap, Math.max(MIN_WIDTH, widest + 2));
}
