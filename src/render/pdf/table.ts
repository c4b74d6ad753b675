import type { Inline } from "../../compose/document.js";
import { plainText } from "../../compose/document.js";
import { COLOR, newPage, pageBottom, TYPE, type Doc } from "./layout.js";
import { artifact, drawLink, openElement, type Area, type StructParent } from "./tags.js";
import { BREAKABLE, wrapLines } from "./text.js";

const PAD = 4;
const SIZE = TYPE.small + 0.5;

interface Cell {
  lines: string[];
  bold: boolean;
  /** Where the cell's text links to, and the whole of that text. */
  link?: { url: string; text: string };
}

interface Grid {
  widths: number[];
  left: number;
  lineHeight: number;
}

/**
 * Draws a table that may run over pages. The header row is repeated at the
 * top of each page; a row moves whole to the next page when it fits there,
 * and a row taller than a page is split between lines, never inside one.
 * `tail` is room the last row keeps below it (for a note that must not
 * start a page alone).
 */
export function drawTable(doc: Doc, parent: StructParent, table: { header: Inline[][]; rows: Inline[][][] }, tail = 0): void {
  const left = doc.page.margins.left;
  const widths = columnWidths(doc, table, doc.page.width - left - doc.page.margins.right);
  doc.font("regular").fontSize(SIZE);
  const grid: Grid = { widths, left, lineHeight: doc.currentLineHeight(true) };
  const header = prepareRow(doc, grid, table.header, true);
  const headerHeight = rowHeight(grid, header);
  const element = openElement(doc, parent, "Table");
  if (doc.y + headerHeight + grid.lineHeight * 2 + 2 * PAD > pageBottom(doc)) newPage(doc);
  let y = doc.y;
  drawRowPart(doc, { grid, cells: header, from: 0, count: lineCount(header), y, header: true, parent: openElement(doc, element, "TR") });
  y += headerHeight;
  const continueOnNextPage = () => {
    newPage(doc);
    artifact(doc, () => drawRowPart(doc, { grid, cells: header, from: 0, count: lineCount(header), y: doc.page.margins.top, header: true }), "Header");
    return doc.page.margins.top + headerHeight;
  };
  const fresh = () => pageBottom(doc) - doc.page.margins.top - headerHeight;
  for (const [index, source] of table.rows.entries()) {
    const cells = prepareRow(doc, grid, source, false);
    const lines = lineCount(cells);
    const linesThatFit = (top: number) => Math.floor((pageBottom(doc) - top - 2 * PAD) / grid.lineHeight);
    const below = index === table.rows.length - 1 ? tail : 0;
    if (y + rowHeight(grid, cells) + below > pageBottom(doc) && (rowHeight(grid, cells) + below <= fresh() || linesThatFit(y) < 2)) {
      y = continueOnNextPage();
    }
    const row = openElement(doc, element, "TR");
    const tds = cells.map(() => openElement(doc, row, "TD"));
    let from = 0;
    while (from < lines) {
      const count = Math.min(lines - from, Math.max(1, linesThatFit(y)));
      drawRowPart(doc, { grid, cells, from, count, y, header: false, parents: tds });
      y += count * grid.lineHeight + 2 * PAD;
      from += count;
      if (from < lines) y = continueOnNextPage();
    }
    tds.forEach((td) => td.end());
    row.end();
  }
  element.end();
  doc.x = left;
  doc.y = y + 8;
}

/** The height a table takes when drawn on one page, with the space below it. */
export function tableHeight(doc: Doc, table: { header: Inline[][]; rows: Inline[][][] }): number {
  const left = doc.page.margins.left;
  const widths = columnWidths(doc, table, doc.page.width - left - doc.page.margins.right);
  doc.font("regular").fontSize(SIZE);
  const grid: Grid = { widths, left, lineHeight: doc.currentLineHeight(true) };
  return [table.header, ...table.rows].reduce((sum, row, i) => sum + rowHeight(grid, prepareRow(doc, grid, row, i === 0)), 8);
}

function prepareRow(doc: Doc, grid: Grid, source: Inline[][], header: boolean): Cell[] {
  return grid.widths.map((width, i) => {
    const runs = source[i] ?? [];
    const bold = header || (runs.length > 0 && runs.every((r) => r.bold === true));
    doc.font(bold ? "bold" : "regular").fontSize(SIZE);
    const url = runs.find((run) => run.link !== undefined)?.link;
    const text = plainText(runs);
    return { lines: wrapLines(doc, text, width - 2 * PAD), bold, ...(url ? { link: { url, text: text.trim() || url } } : {}) };
  });
}

function lineCount(cells: readonly Cell[]): number {
  return Math.max(1, ...cells.map((c) => c.lines.length));
}

function rowHeight(grid: Grid, cells: readonly Cell[]): number {
  return lineCount(cells) * grid.lineHeight + 2 * PAD;
}

/**
 * Draws lines [from, from + count) of every cell of a row at y: fills and
 * borders as artifacts, then the text of each cell under its TH/TD element
 * (or, for a repeated header, as part of an artifact already open).
 */
function drawRowPart(doc: Doc, options: {
  grid: Grid; cells: Cell[]; from: number; count: number; y: number; header: boolean;
  parent?: StructParent; parents?: StructParent[];
}): void {
  const { grid, cells, from, count, y, header } = options;
  const height = count * grid.lineHeight + 2 * PAD;
  const boxes = () => {
    let x = grid.left;
    for (const width of grid.widths) {
      if (header) doc.rect(x, y, width, height).fill(COLOR.headerFill);
      doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      x += width;
    }
  };
  const tagging = options.parent !== undefined || options.parents !== undefined;
  if (tagging) artifact(doc, boxes);
  else boxes();
  let x = grid.left;
  cells.forEach((cell, i) => {
    const width = grid.widths[i]!;
    const cellX = x;
    const text = (annotate?: (area: Area) => void) => drawLines(doc, { cell, from, count, x: cellX + PAD, y: y + PAD, lineHeight: grid.lineHeight, annotate });
    const target = options.parents?.[i] ?? (options.parent ? openElement(doc, options.parent, "TH", { scope: "Column" }) : undefined);
    if (target === undefined) text();
    else if (cell.link !== undefined) drawLink(doc, target, { url: cell.link.url, contents: cell.link.text }, text);
    else target.add(() => text());
    if (options.parent) target?.end();
    x += width;
  });
  options.parent?.end();
  doc.fillColor(COLOR.text);
}

// A linked cell's lines each get a link annotation over them, as pdfkit's own `link` option would make.
function drawLines(doc: Doc, options: {
  cell: Cell; from: number; count: number; x: number; y: number; lineHeight: number; annotate: ((area: Area) => void) | undefined;
}): void {
  const { cell, x, lineHeight } = options;
  doc.font(cell.bold ? "bold" : "regular").fontSize(SIZE).fillColor(cell.link ? COLOR.link : COLOR.text);
  cell.lines.slice(options.from, options.from + options.count).forEach((line, index) => {
    if (line === "") return;
    const y = options.y + index * lineHeight;
    doc.text(line, x, y, { lineBreak: false, underline: cell.link !== undefined });
    options.annotate?.({ x, y, width: doc.widthOfString(line), height: doc.currentLineHeight() });
  });
}

// Each column gets its longest word (up to a share of the width, so one long address cannot starve the rest), then the rest of the width in proportion to how much more its text wants.
function columnWidths(doc: Doc, table: { header: Inline[][]; rows: Inline[][][] }, available: number): number[] {
  // Header cells are bold, so they are measured in bold.
  const measure = (text: string, header: boolean) => doc.font(header ? "bold" : "regular").fontSize(SIZE).widthOfString(text) + 1;
  const columns = table.header.map((_, i) => [
    { text: plainText(table.header[i]!), header: true },
    ...table.rows.map((row) => ({ text: plainText(row[i] ?? []), header: false })),
  ]);
  const widest = (values: Iterable<number>) => {
    let max = -Infinity;
    for (const value of values) max = Math.max(max, value);
    return max;
  };
  const natural = columns.map((cells) => Math.min(260, widest(cells.map((c) => measure(c.text, c.header))) + 2 * PAD));
  const minimum = columns.map((cells) =>
    Math.min(available * 0.45, widest(cells.flatMap((c) => c.text.split(BREAKABLE).map((w) => measure(w, c.header)))) + 2 * PAD),
  );
  const base = minimum.reduce((a, b) => a + b, 0);
  if (base > available) return minimum.map((m) => (m * available) / base);
  const wants = natural.map((n, i) => Math.max(0, n - minimum[i]!));
  const wanted = wants.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, available - base);
  return minimum.map((m, i) => m + (wanted === 0 ? spare / minimum.length : (spare * wants[i]!) / wanted));
}
