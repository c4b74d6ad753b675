import { openElement, type StructParent } from "./tags.js";
import type { Doc } from "./layout.js";

/** A column of a heat map: a topic, or the totals. */
export interface Column {
  /** Its place among all the map's columns, in every group. */
  index: number;
  label: string;
  total: boolean;
  /** The topic's index in the matrix; none for the totals column. */
  topic?: number;
  value: (row: number) => number;
}

/** The structure elements of a heat map, opened in reading order before anything is drawn into them. */
export interface MapTags {
  table: StructParent;
  caption: StructParent;
  /** The TH over each column. */
  columnHeads: StructParent[];
  /** Each row's TH, and its TD under each column. */
  rows: Array<{ head: StructParent; cells: StructParent[] }>;
}

/**
 * Opens a heat map's table: its Caption, a THead row of topic headers (TH,
 * Scope Column) after an empty corner cell, a TBody row per partner (TH,
 * Scope Row, then a TD per count and the partner's total) and a TFoot row of
 * the totals. Headers carry their whole name as ActualText, since a long
 * one is drawn cut short; an empty cell reads as 0, and a cell with the
 * corner mark says so.
 */
export function openMapTags(doc: Doc, parent: StructParent, options: {
  columns: readonly Column[];
  names: readonly string[];
  marked: { has: (row: number, column: number) => boolean; label: string } | undefined;
}): MapTags {
  const { columns, names } = options;
  const table = openElement(doc, parent, "Table");
  const caption = openElement(doc, table, "Caption");
  const headRow = openElement(doc, openElement(doc, table, "THead"), "TR");
  openElement(doc, headRow, "TD");
  const columnHeads = columns.map((column) => openElement(doc, headRow, "TH", { scope: "Column", actual: column.label }));
  const body = openElement(doc, table, "TBody");
  let group = body;
  const rows = names.map((name, r) => {
    const totalRow = r === names.length - 1;
    if (totalRow) group = openElement(doc, table, "TFoot");
    const row = openElement(doc, group, "TR");
    const head = openElement(doc, row, "TH", { scope: "Row", actual: name });
    const cells = columns.map((column) => {
      const count = column.value(r);
      const drawn = count > 0 || totalRow || column.total;
      const marked = !totalRow && column.topic !== undefined && options.marked?.has(r, column.topic) === true;
      const actual = marked ? `${count}, ${options.marked!.label}` : drawn ? undefined : "0";
      return openElement(doc, row, "TD", actual === undefined ? {} : { actual });
    });
    return { head, cells };
  });
  return { table, caption, columnHeads, rows };
}
