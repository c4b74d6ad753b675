import type ExcelJS from "exceljs";
import { FONT, HEADER_FILL, LINK_FONT, displayLength, rowHeight, wrappedLines, type CellValue } from "./cells.js";

export interface ColumnSpec {
  header: string;
  /** Wrap long text. */
  wrap?: boolean;
  /** Widest the column may be, in characters. */
  maxWidth?: number;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
const MAX_WRAP_WIDTH = 40;

/** Each column's width in characters: its widest value or header line, within the column's limits. */
export function fitWidths(options: { columns: readonly ColumnSpec[]; headers: readonly string[]; rows: ReadonlyArray<readonly CellValue[]> }): number[] {
  const { columns, headers, rows } = options;
  return columns.map((column, c) => {
    let widest = Math.min(headers[c]!.length, 16);
    for (const row of rows) widest = Math.max(widest, displayLength(row[c] ?? null));
    const cap = column.maxWidth ?? (column.wrap ? MAX_WRAP_WIDTH : MAX_WIDTH);
    return Math.min(cap, Math.max(MIN_WIDTH, widest + 2));
  });
}

/** Bold, shaded, wrapped header cells, with the row tall enough for the longest header. */
export function styleHeader(row: ExcelJS.Row, headers: readonly string[], widths: readonly number[]): void {
  headers.forEach((_, c) => {
    const cell = row.getCell(c + 1);
    cell.font = { ...FONT, bold: true };
    cell.alignment = { vertical: "top", wrapText: true };
    cell.fill = HEADER_FILL;
  });
  // Bold text is wider: wrap headers as if their columns were a character narrower.
  const lines = Math.max(1, ...headers.map((header, c) => wrappedLines(header, widths[c]! - 1)));
  if (lines > 1) row.height = rowHeight(lines);
}

/** The styles of one written row of values, and its height when text wraps. */
export function styleRow(options: {
  row: ExcelJS.Row;
  values: readonly CellValue[];
  columns: readonly ColumnSpec[];
  widths: readonly number[];
  /** Styles made so far for this table (one date format), shared between rows: see sharedStyle. */
  styles: Map<number, Partial<ExcelJS.Style>>;
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
  if (lines > 1) row.height = rowHeight(lines);
}

function sharedStyle(
  styles: Map<number, Partial<ExcelJS.Style>>,
  look: { link: boolean; isDate: boolean; centred: boolean; wrap: boolean; dateFormat: string },
): Partial<ExcelJS.Style> {
  // A number, not a string, as the key: this runs for every cell.
  const key = (look.link ? 1 : 0) | (look.isDate ? 2 : 0) | (look.centred ? 4 : 0) | (look.wrap ? 8 : 0);
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
