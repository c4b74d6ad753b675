import type ExcelJS from "exceljs";
import type { CellValue } from "./cells.js";
import type { RowSource } from "./columns.js";
import { fitWidths, styleHeader, styleRow, type ColumnSpec } from "./table-style.js";

/**
 * How many of a streamed sheet's first rows its column widths are fitted to.
 * The streaming writer writes the widths before the first row, and going
 * over the rows twice would make each row twice (and fetch its texts twice,
 * were they read from disk). Widths are capped at 10 to 50 characters, so a
 * few thousand rows nearly always reach the caps the whole sheet would.
 */
export const WIDTH_SAMPLE_ROWS = 2_000;

/** Rows written between two looks at how much of the sheet waits to be compressed. */
const ROWS_PER_TURN = 32;
/** Bytes of sheet XML let wait for compression before writing more rows. */
const MAX_BACKLOG = 4 * 1024 * 1024;

/**
 * Writes a list sheet with exceljs's streaming writer: the widths from the
 * first `widthSample` rows (default WIDTH_SAMPLE_ROWS), then each row made,
 * styled, committed and let go, with a filter over the header. Memory stays
 * that of the sample, whatever the number of rows.
 */
export async function streamTable(options: {
  sheet: ExcelJS.Worksheet;
  headers: readonly string[];
  columns: readonly ColumnSpec[];
  rows: RowSource;
  /** The values exceljs writes for a row that goes to the given sheet row. */
  toValues: (row: readonly CellValue[], sheetRow: number) => ExcelJS.CellValue[];
  dateFormat: string;
  widthSample?: number;
  /** Told the widths once they are known, before any row is written. */
  onWidths: (widths: readonly number[]) => void;
  /** Told every few rows how many have been made. */
  onWritten?: (rows: number) => void;
}): Promise<void> {
  const { sheet, columns } = options;
  const sample: Array<readonly CellValue[]> = [];
  const sampleSize = options.widthSample ?? WIDTH_SAMPLE_ROWS;
  let write: ((values: readonly CellValue[]) => void) | null = null;
  let count = 0;
  for await (const values of options.rows) {
    count += 1;
    if (write !== null) write(values);
    else if (sample.push(values) >= sampleSize) write = startRows({ ...options, sample });
    if (count % ROWS_PER_TURN === 0) {
      options.onWritten?.(count);
      await waitForCompression(sheet);
    }
  }
  if (write === null) startRows({ ...options, sample });
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: columns.length } };
}

// Widths go first: the streaming writer writes the columns with the first row.
function startRows(options: Parameters<typeof streamTable>[0] & { sample: Array<readonly CellValue[]> }): (values: readonly CellValue[]) => void {
  const { sheet, headers, columns, sample, dateFormat } = options;
  const widths = fitWidths({ columns, headers, rows: sample });
  options.onWidths(widths);
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  const header = sheet.addRow(headers);
  styleHeader(header, headers, widths);
  header.commit();
  const styles = new Map<number, Partial<ExcelJS.Style>>();
  let sheetRow = 1;
  const write = (values: readonly CellValue[]) => {
    sheetRow += 1;
    const row = sheet.addRow(options.toValues(values, sheetRow));
    styleRow({ row, values, columns, widths, styles, dateFormat });
    row.commit();
  };
  for (const values of sample.splice(0)) write(values);
  return write;
}

interface Pipe {
  _writableState?: { length: number; needDrain: boolean };
  _readableState?: { length: number };
  once(event: "drain", listener: () => void): unknown;
}

/**
 * exceljs's streaming writer does not push back: a committed row's XML
 * waits in a pass-through stream until the zip compresses it, which happens
 * only while the event loop turns. Writing every row in one go would hold
 * the whole sheet's XML (hundreds of megabytes for 100,000 engagements), so
 * every few rows let the loop turn, and when more than MAX_BACKLOG waits,
 * wait until it has gone into the zip. This reads exceljs 4's internals
 * (the sheet's stream and what it pipes to); were they to change, the loop
 * still turns, and only the wait is lost.
 */
async function waitForCompression(sheet: ExcelJS.Worksheet): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const pipe = ((sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [])[0];
  const backlog = (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  if (pipe !== undefined && backlog > MAX_BACKLOG && pipe._writableState?.needDrain === true) {
    await new Promise<void>((resolve) => pipe.once("drain", resolve));
  }
}
