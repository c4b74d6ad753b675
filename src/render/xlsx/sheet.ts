import type ExcelJS from "exceljs";
import { DATE_FORMAT, linkAddress, toExcel, uniqueHeaders, type CellValue } from "./cells.js";
import { setupPrinting } from "./print.js";
import type { RowSource } from "./columns.js";
import { streamTable } from "./stream-table.js";
import { fitWidths, styleHeader, styleRow, type ColumnSpec } from "./table-style.js";

export type { ColumnSpec } from "./table-style.js";

/** Excel keeps at most this many links on one sheet. */
export const MAX_LINKS_PER_SHEET = 65_530;

/** What writing a table left out. */
export interface TableResult {
  /** Sheet row of the first link written as plain text because the sheet had too many; null when none was. */
  firstUnlinkedRow: number | null;
  /** Sheet rows of links written as plain text because Excel cannot open them (too long). */
  longLinkRows: number[];
}

/**
 * Writes rows as an Excel table (or, with no rows, a header with a filter):
 * bold frozen header repeated on printed pages, unique column names, widths
 * that fit the content within limits, wrapped long text with row heights to
 * match, links up to Excel's limit. The rows are read once, in order.
 */
export async function writeTable(options: {
  sheet: ExcelJS.Worksheet;
  /** Name of the Excel table: letters, digits and underscores, unique in the workbook. */
  tableName: string;
  columns: readonly ColumnSpec[];
  rows: RowSource;
  marking: string;
  /** Printed page number with {page} and {pages}; default "Page {page} of {pages}". */
  pageNumber?: string;
  /** Excel number format of date cells; default yyyy-mm-dd. */
  dateFormat?: string;
  linkLimit?: number;
  /** Columns kept in view when scrolling right, besides the header row kept in view when scrolling down. */
  freezeColumns?: number;
  /**
   * The sheet belongs to exceljs's streaming writer: rows are made, written
   * and let go one at a time, with a filter on the header instead of an
   * Excel table, which that writer cannot make.
   */
  stream?: boolean;
  /** When streaming, how many of the first rows the column widths are fitted to; see streamTable. */
  widthSample?: number;
  /** When streaming, told every few rows how many have been written. */
  onWritten?: (rows: number) => void;
}): Promise<TableResult> {
  const { sheet, columns } = options;
  const headers = uniqueHeaders(columns.map((c) => c.header));
  const links = linkValues(columns.length, options.linkLimit ?? MAX_LINKS_PER_SHEET);
  const dateFormat = options.dateFormat ?? DATE_FORMAT;
  setViews(sheet, [{ state: "frozen", xSplit: options.freezeColumns ?? 0, ySplit: 1 }]);
  const printing = (widths: readonly number[]) =>
    setupPrinting(sheet, { marking: options.marking, pageNumber: options.pageNumber, repeatRows: "1:1", width: widths.reduce((a, b) => a + b, 0) });
  if (options.stream) {
    await streamTable({ sheet, headers, columns, rows: options.rows, toValues: links.values, dateFormat, widthSample: options.widthSample, onWidths: printing, onWritten: options.onWritten });
    return links.result();
  }
  const rows: Array<readonly CellValue[]> = [];
  for await (const row of options.rows) rows.push(row);
  const widths = fitWidths({ columns, headers, rows });
  printing(widths);
  const values = rows.map((row, r) => links.values(row, r + 2));
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
  const styles = new Map<number, Partial<ExcelJS.Style>>();
  rows.forEach((row, r) => styleRow({ row: sheet.getRow(r + 2), values: row, columns, widths, styles, dateFormat }));
  return links.result();
}

/** Sets a sheet's views in place: the streaming writer's sheets only let their list be changed, not replaced. */
export function setViews(sheet: ExcelJS.Worksheet, views: Array<Partial<ExcelJS.WorksheetView>>): void {
  sheet.views.splice(0, sheet.views.length, ...(views as ExcelJS.WorksheetView[]));
}

/**
 * The values exceljs writes for rows, with links up to `limit`; later links
 * become their text, and so do links Excel cannot open.
 */
function linkValues(count: number, limit: number) {
  let links = 0;
  let firstUnlinkedRow: number | null = null;
  const longLinkRows: number[] = [];
  const values = (row: readonly CellValue[], sheetRow: number): ExcelJS.CellValue[] => {
    const out = new Array<ExcelJS.CellValue>(count);
    for (let c = 0; c < count; c++) {
      const value = row[c] ?? null;
      let href: string | null = null;
      if (value !== null && typeof value === "object" && "link" in value) {
        href = linkAddress(value.link);
        if (href === null) longLinkRows.push(sheetRow);
        else if (links < limit) links += 1;
        else {
          href = null;
          firstUnlinkedRow ??= sheetRow;
        }
      }
      out[c] = toExcel(value, href);
    }
    return out;
  };
  return { values, result: (): TableResult => ({ firstUnlinkedRow, longLinkRows }) };
}
