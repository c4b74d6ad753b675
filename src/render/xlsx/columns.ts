import type { WorkbookSpec } from "../../compose/compose.js";
import type { Briefing } from "../../model/briefing.js";
import type { CellValue } from "./cells.js";
import type { ColumnSpec } from "./table-style.js";

/**
 * The rows of a sheet, made one at a time as the writer asks for them.
 * The writer reads them once, in order, and keeps none it has written, so a
 * source may fetch what it needs (say, long texts) in batches as it goes,
 * and may be asynchronous.
 */
export type RowSource = Iterable<readonly CellValue[]> | AsyncIterable<readonly CellValue[]>;

/** The sheets of the workbook that list items, one per row, under a header row. */
export type ListSheetKey = Exclude<keyof WorkbookSpec["sheets"], "about" | "matrix">;

/** The column keys the workbook template gives a header for on a list sheet. */
export type ColumnKey<S extends ListSheetKey> = keyof WorkbookSpec["sheets"][S]["columns"] & string;

/** How a column is laid out: everything about it but the header, which the template gives. */
export type Layout = Omit<ColumnSpec, "header">;

/** What the value of a cell may look up besides its item. */
export interface Lookups {
  /** The names of partners or topics, by id, joined with "; ". */
  partnerNames(ids: readonly string[]): string;
  topicNames(ids: readonly string[]): string;
  partnerName(id: string): string;
  topicName(id: string): string;
  /** Engagements of a partner that count in the trailing window. */
  windowCount(id: string): number;
  /** What the Issues sheet says a build left out: the row, the whole file. */
  leftOut: WorkbookSpec["sheets"]["issues"]["leftOut"];
}

/**
 * One column of a list sheet: its key (the template's header for the key is
 * its header), its layout, and the value of its cell for an item. Dates are
 * `{ date }` cells; numbers and dates are centred, links get the link font.
 */
export interface Column<T, K extends string = string> {
  key: K;
  layout?: Layout;
  value: (item: T, look: Lookups) => CellValue;
}

/**
 * A list sheet, declared once: which sheet of the template it is, the name of
 * its Excel table, its columns in order, and the input columns that schema
 * does not know, kept at its right.
 */
export interface ListSheet<S extends ListSheetKey, T> {
  sheet: S;
  /** Name of the Excel table: letters, digits and underscores, unique in the workbook. */
  tableName: string;
  columns: ReadonlyArray<Column<T, ColumnKey<S>>>;
  /** Columns kept in view when scrolling right. */
  freezeColumns?: number;
  extra?: {
    /** The headers of the extra columns, in order. */
    columns: (briefing: Briefing) => readonly string[];
    /** An item's values of its extra columns, by header. */
    of: (item: T) => Readonly<Record<string, string>> | undefined;
  };
}

/** A list sheet ready to write: its name, table, columns with their headers, and rows. */
export interface Table {
  name: string;
  tableName: string;
  freezeColumns?: number;
  columns: ColumnSpec[];
  rows: RowSource;
}

/** Extra columns wrap within a narrow width: their content is unknown. */
const EXTRA_LAYOUT: Layout = { wrap: true, maxWidth: 14 };

/**
 * The table of a list sheet: the headers of its columns from the template,
 * then its extra columns; a row for each item, made as it is read.
 */
export function makeTable<S extends ListSheetKey, T>(options: {
  list: ListSheet<S, T>;
  spec: WorkbookSpec;
  briefing: Briefing;
  items: Iterable<T> | AsyncIterable<T>;
  look: Lookups;
}): Table {
  const { list, look } = options;
  const sheet = options.spec.sheets[list.sheet] as { name: string; columns: Record<ColumnKey<S>, string> };
  const extra = list.extra?.columns(options.briefing) ?? [];
  const columns: ColumnSpec[] = [
    ...list.columns.map((column) => ({ header: sheet.columns[column.key], ...column.layout })),
    ...extra.map((header) => ({ header, ...EXTRA_LAYOUT })),
  ];
  const row = (item: T): CellValue[] => {
    const cells = list.columns.map((column) => column.value(item, look));
    if (extra.length > 0) {
      const values = list.extra!.of(item);
      for (const header of extra) cells.push(values?.[header] ?? "");
    }
    return cells;
  };
  return { name: sheet.name, tableName: list.tableName, freezeColumns: list.freezeColumns, columns, rows: mapRows(options.items, row) };
}

/** The 1-based number of a column on its sheet. */
export function columnNumber<S extends ListSheetKey, T>(list: ListSheet<S, T>, key: ColumnKey<S>): number {
  return list.columns.findIndex((column) => column.key === key) + 1;
}

/** A date cell, or an empty one. */
export function dateCell(iso: string | null): CellValue {
  return iso === null ? null : { date: iso };
}

/** A row for each item, made when it is read; reading again starts again. */
function mapRows<T>(items: Iterable<T> | AsyncIterable<T>, row: (item: T) => CellValue[]): RowSource {
  if (Symbol.asyncIterator in items) {
    return {
      async *[Symbol.asyncIterator]() {
        for await (const item of items) yield row(item);
      },
    };
  }
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield row(item);
    },
  };
}
