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
  /**
   * The sheet belongs to exceljs's streaming writer: rows are written and
   * let go one at a time, with a filter on the header instead of an Excel
   * table, which that writer cannot make.
   */
  stream?: boolean;
}): TableResult {
  const { sheet, columns, rows } = options;
  const headers = uniqueHeaders(columns.map((c) => c.header));
  const linkLimit = options.linkLimit ?? MAX_LINKS_PER_SHEET;
  let links = 0;
  let firstUnlinkedRow: number | null = null;
  const toValues = (row: readonly CellValue[], r: number) =>
    columns.map((_, c) => {
      const value = row[c] ?? null;
      if (value === null || typeof value !== "object" || !("link" in value)) return toExcel(value, false);
      if (links < linkLimit) {
        links += 1;
        return toExcel(value, true);
      }
      firstUnlinkedRow ??= r + 2;
      return toExcel(value, false);
    });
  const widths = columns.map((column, c) => fitWidth(column, headers[c]!, rows.map((row) => row[c] ?? null)));
  setViews(sheet, [{ state: "frozen", xSplit: options.freezeColumns ?? 0, ySplit: 1 }]);
  setupPrinting(sheet, { marking: options.marking, pageNumber: options.pageNumber, repeatRows: "1:1", width: widths.reduce((a, b) => a + b, 0) });
  if (options.stream) {
    streamRows({ sheet, headers, widths, columns, rows, toValues, dateFormat: options.dateFormat ?? DATE_FORMAT });
    return { firstUnlinkedRow };
  }
  const values = rows.map(toValues);
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
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  styleHeader(sheet.getRow(1), headers, widths);
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  rows.forEach((row, r) => styleRow({ row: sheet.getRow(r + 2), values: row, columns, widths, styles, dateFormat: options.dateFormat ?? DATE_FORMAT }));
  return { firstUnlinkedRow };
}

/** Sets a sheet's views in place: the streaming writer's sheets only let their list be changed, not replaced. */
export function setViews(sheet: ExcelJS.Worksheet, views: Array<Partial<ExcelJS.WorksheetView>>): void {
  sheet.views.splice(0, sheet.views.length, ...(views as ExcelJS.WorksheetView[]));
}

// Widths go first: the streaming writer writes the columns with the first row.
function streamRows(options: {
  sheet: ExcelJS.Worksheet;
  headers: readonly string[];
  widths: readonly number[];
  columns: readonly ColumnSpec[];
  rows: ReadonlyArray<readonly CellValue[]>;
  toValues: (row: readonly CellValue[], r: number) => ExcelJS.CellValue[];
  dateFormat: string;
}): void {
  const { sheet, headers, widths, columns, rows, dateFormat } = options;
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  const header = sheet.addRow(headers);
  styleHeader(header, headers, widths);
  header.commit();
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  rows.forEach((values, r) => {
    const row = sheet.addRow(options.toValues(values, r));
    styleRow({ row, values, columns, widths, styles, dateFormat });
    row.commit();
  });
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

function styleRow(options: {
  row: ExcelJS.Row;
  values: readonly CellValue[];
  columns: readonly ColumnSpec[];
  widths: readonly number[];
  styles: Map<string, Partial<ExcelJS.Style>>;
  dateFormat: string;
}): void {
  const { row, values, columns, widths } = options;
  let lines = 1;
  columns.forEach((column, c) => {
    const value = values[c] ?? null;
    const cell = row.getCell(c + 1);
    const link = typeof cell.value === "object" && cell.value !== null && "hyperlink" in cell.value;
    const isDate = value !== null && typeof value === "object" && "date" in value;
    const centred = isDate || typeof value === "number";
    // Cells that look alike share one style object: exceljs then writes each style once instead of once a cell.
    cell.style = sharedStyle(options.styles, { link, isDate, centred, wrap: column.wrap === true, dateFormat: options.dateFormat });
    if (column.wrap) lines = Math.max(lines, wrappedLines(value, widths[c]!));
  });
  // Neither Excel nor LibreOffice grows a row for wrapped text on opening, so set each row's height.
  if (lines > 1) row.height = lines * LINE_HEIGHT;
}

function sharedStyle(
  styles: Map<string, Partial<ExcelJS.Style>>,
  look: { link: boolean; isDate: boolean; centred: boolean; wrap: boolean; dateFormat: string },
): Partial<ExcelJS.Style> {
  const key = `${look.link}|${look.isDate}|${look.centred}|${look.wrap}|${look.dateFormat}`;
  let style = styles.get(key);
  if (style === undefined) {
    style = {
      font: look.link ? LINK_FONT : FONT,
      ...(look.isDate ? { numFmt: look.dateFormat } : {}),
      // Centred dates and numbers keep clear of the left-aligned text beside them.
      alignment: { vertical: "top", wrapText: look.wrap, ...(look.centred ? { horizontal: "center" as const } : {}) },
    };
    styles.set(key, style);
  }
  return style;
}

function fitWidth(column: ColumnSpec, header: string, values: readonly CellValue[]): number {
  let widest = Math.min(header.length, 16);
  for (const value of values) widest = Math.max(widest, displayLength(value));
  const cap = column.maxWidth ?? (column.wrap ? MAX_WRAP_WIDTH : MAX_WIDTH);
  return Math.min(cap, Math.max(MIN_WIDTH, widest + 2));
}
