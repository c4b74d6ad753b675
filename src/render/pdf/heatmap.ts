import type { Matrix } from "../../model/matrix.js";
import { openMapTags, type Column, type MapTags } from "./heatmap-tags.js";
import { COLOR, heatColor, isDark, newPage, pageBottom, pageWidth, TYPE, type Doc } from "./layout.js";
import { artifact, type StructParent } from "./tags.js";

const MIN_CELL = 14;
const MAX_CELL = 28;
const LEGEND_HEIGHT = 34;

/** What a heat map needs besides the matrix: names and the words it draws. */
export interface HeatmapOptions {
  matrix: Matrix;
  partnerName: (id: string) => string;
  topicName: (id: string) => string;
  totalLabel: string;
  legendLabel: string;
  /** The map's own caption, drawn above it. */
  caption: string;
  /** The count the darkest shade stands for, shared by every map and chart of a packet; default: this map's largest. */
  scale?: number;
  /** Cells to flag with a corner mark (the period's additions to the window), and the legend's word for them. */
  marked?: { has: (row: number, column: number) => boolean; label: string };
}

/** How a map is laid out across the page, the same for each of its groups of columns. */
interface Grid {
  names: string[];
  nameWidth: number;
  cell: number;
  max: number;
  marked: ((row: number, column: number) => boolean) | undefined;
  tags: MapTags;
}

/**
 * Draws a matrix as a heat map: topic names rotated over the columns,
 * partner names down the side, shaded cells with their count, totals, and a
 * legend. Rows run over pages with the topic header repeated; when the
 * topics do not fit across, they are split into groups shown one after
 * another, each with the partner column. In the tags the map is one table
 * (see openMapTags) read row by row across every group; the shading, the
 * marks, the legend and what is drawn again are artifacts.
 */
export function drawHeatmap(doc: Doc, parent: StructParent, options: HeatmapOptions): void {
  const { matrix } = options;
  doc.font("regular").fontSize(TYPE.small);
  const names = [...matrix.partners.map(options.partnerName), options.totalLabel];
  const nameWidth = Math.min(130, Math.max(60, ...names.map((name) => doc.widthOfString(name) + 8)));
  const columns: Column[] = [
    ...matrix.topics.map((id, c) => ({ index: c, label: options.topicName(id), total: false, topic: c, value: (r: number) => cellValue(matrix, r, c) })),
    { index: matrix.topics.length, label: options.totalLabel, total: true, value: (r: number) => (r < matrix.partners.length ? matrix.rowTotals[r]! : matrix.total) },
  ];
  const room = pageWidth(doc) - nameWidth;
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, room / columns.length));
  // Split into groups of even size rather than a full group and a stub.
  const groups = Math.ceil(columns.length / Math.max(1, Math.floor(room / cell)));
  const perGroup = Math.ceil(columns.length / groups);
  const tags = openMapTags(doc, parent, { columns, names, marked: options.marked });
  const max = options.scale ?? Math.max(0, ...matrix.counts.flat());
  const grid: Grid = { names, nameWidth, cell, max, marked: options.marked?.has, tags };
  for (let start = 0; start < columns.length; start += perGroup) {
    // The last group keeps room under its totals row for the legend, so the legend never starts a page alone.
    const tail = start + perGroup >= columns.length ? LEGEND_HEIGHT : 0;
    drawGroup(doc, grid, { columns: columns.slice(start, start + perGroup), tail, caption: start === 0 ? options.caption : undefined });
  }
  const anyMarked = options.marked !== undefined && matrix.partners.some((_, r) => matrix.topics.some((_, c) => options.marked!.has(r, c)));
  drawLegend(doc, { max: grid.max, label: options.legendLabel, marked: anyMarked ? options.marked!.label : undefined });
  tags.table.end();
  doc.fillColor(COLOR.text);
  doc.x = doc.page.margins.left;
}

function cellValue(matrix: Matrix, row: number, column: number): number {
  return row < matrix.partners.length ? matrix.counts[row]![column]! : matrix.columnTotals[column]!;
}

// The first group draws the caption and the partner names into their elements; later groups draw the names again as artifacts.
function drawGroup(doc: Doc, grid: Grid, options: { columns: Column[]; tail: number; caption: string | undefined }): void {
  const { columns } = options;
  const { names, nameWidth, cell, tags } = grid;
  const left = doc.page.margins.left;
  const first = options.caption !== undefined;
  doc.font("regular").fontSize(TYPE.small);
  const captionHeight = first ? doc.heightOfString(options.caption!, { width: pageWidth(doc) }) + 4 : 0;
  // Long topic names get the room they need when the whole map still fits below; otherwise they are cut short.
  const wanted = Math.max(...columns.map((c) => doc.widthOfString(c.label))) + 10;
  const roomy = doc.y + captionHeight + Math.min(wanted, 200) + names.length * cell <= pageBottom(doc);
  const headerHeight = Math.min(roomy ? 200 : 150, wanted);
  if (doc.y + captionHeight + headerHeight + Math.min(names.length, 4) * cell > pageBottom(doc)) newPage(doc);
  if (first) drawCaption(doc, tags.caption, options.caption!);
  const header = (tagged: boolean) => drawHeader(doc, { columns, left: left + nameWidth, top: doc.y, cell, height: headerHeight, heads: tagged ? tags.columnHeads : undefined });
  let y = header(true);
  names.forEach((name, r) => {
    // The last rows go together, with the legend room under them, rather than leave the totals alone on a page.
    const remaining = names.length - r;
    const need = remaining <= 3 && options.tail > 0 ? remaining * cell + options.tail : cell;
    if (y + need > pageBottom(doc)) {
      newPage(doc);
      y = header(false);
    }
    const totalRow = r === names.length - 1;
    const drawName = () => doc.font(totalRow ? "bold" : "regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(name, left, y + cell / 2 - TYPE.small * 0.7, { width: nameWidth - 6, lineBreak: false, ellipsis: true });
    if (first) tags.rows[r]!.head.add(drawName);
    else artifact(doc, drawName);
    drawRow(doc, grid, { columns, row: r, y, cells: tags.rows[r]!.cells });
    y += cell;
  });
  doc.x = left;
  doc.y = y + 10;
}

function drawCaption(doc: Doc, caption: StructParent, text: string): void {
  const left = doc.page.margins.left;
  caption.add(() => doc.font("regular").fontSize(TYPE.small).fillColor(COLOR.muted).text(text, left, doc.y, { width: pageWidth(doc) }));
  doc.y += 4;
}

// The shading, grid and marks of a row's cells in one artifact, then each count in its cell's TD.
function drawRow(doc: Doc, grid: Grid, options: { columns: Column[]; row: number; y: number; cells: StructParent[] }): void {
  const { cell, max } = grid;
  const { row: r, y } = options;
  const left = doc.page.margins.left + grid.nameWidth;
  const totalRow = r === grid.names.length - 1;
  artifact(doc, () => options.columns.forEach((column, c) => {
    const x = left + c * cell;
    doc.rect(x, y, cell, cell).fill(totalRow || column.total ? "#f3f3f3" : heatColor(column.value(r), max));
    doc.rect(x, y, cell, cell).lineWidth(0.4).strokeColor(COLOR.grid).stroke();
    if (!totalRow && column.topic !== undefined && grid.marked?.(r, column.topic)) drawMark(doc, x + cell, y);
  }));
  options.columns.forEach((column, c) => {
    const x = left + c * cell;
    const plain = totalRow || column.total;
    const count = column.value(r);
    if (count === 0 && !plain) return;
    options.cells[column.index]!.add(() => {
      doc.font(plain ? "bold" : "regular").fontSize(TYPE.small);
      // Large totals shrink to stay inside their cell.
      const size = Math.min(TYPE.small, (TYPE.small * (cell - 3)) / doc.widthOfString(String(count)));
      doc.fontSize(size).fillColor(!plain && isDark(count, max) ? "#ffffff" : COLOR.text)
        .text(String(count), x, y + cell / 2 - size * 0.7, { width: cell, align: "center", lineBreak: false });
    });
  });
}

// Topic names rotated over the columns: into their TH elements the first time, as a running header when repeated on a new page.
function drawHeader(doc: Doc, options: { columns: Column[]; left: number; top: number; cell: number; height: number; heads: StructParent[] | undefined }): number {
  const { columns, left, top, cell, height, heads } = options;
  const drawLabel = (column: Column, i: number) => {
    const x = left + i * cell + cell / 2 - TYPE.small / 2 - 1;
    const y = top + height - 4;
    doc.save().rotate(-90, { origin: [x, y] });
    doc.font(column.total ? "bold" : "regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(column.label, x, y, { width: height - 8, lineBreak: false, ellipsis: true, height: TYPE.small * 1.4 });
    doc.restore();
  };
  if (heads === undefined) artifact(doc, () => columns.forEach(drawLabel), "Header");
  else columns.forEach((column, i) => heads[column.index]!.add(() => drawLabel(column, i)));
  return top + height;
}

/** A small triangle in the top right corner of a cell. */
function drawMark(doc: Doc, right: number, top: number): void {
  doc.polygon([right - 6, top], [right, top], [right, top + 6]).fill(COLOR.added);
}

/**
 * A row of swatches: white for none, then the shades of a few counts up to
 * the largest; then the corner mark, if used. An artifact: the colours are
 * decoration, and the table's cells say what the marks mean.
 */
function drawLegend(doc: Doc, options: { max: number; label: string; marked: string | undefined }): void {
  const { max } = options;
  const steps = max <= 5 ? Array.from({ length: max }, (_, i) => i + 1) : [1, 0.25, 0.5, 0.75, 1].map((f, i) => (i === 0 ? 1 : Math.round(max * f)));
  const values = [0, ...new Set(steps)];
  if (doc.y + LEGEND_HEIGHT - 10 > pageBottom(doc)) newPage(doc);
  const left = doc.page.margins.left;
  const y = doc.y;
  artifact(doc, () => {
    doc.font("regular").fontSize(TYPE.small).fillColor(COLOR.muted);
    doc.text(options.label, left, y + 1, { lineBreak: false });
    let x = left + doc.widthOfString(options.label) + 8;
    for (const value of values) {
      doc.rect(x, y, 16, 11).fill(heatColor(value, max));
      doc.rect(x, y, 16, 11).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      doc.font("regular").fontSize(TYPE.small).fillColor(COLOR.muted).text(String(value), x + 19, y + 1, { lineBreak: false });
      x += 19 + doc.widthOfString(String(value)) + 8;
    }
    if (options.marked !== undefined) {
      x += 10;
      doc.rect(x, y, 16, 11).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      drawMark(doc, x + 16, y);
      doc.font("regular").fontSize(TYPE.small).fillColor(COLOR.muted).text(options.marked, x + 19, y + 1, { lineBreak: false });
    }
  }, "Layout");
  doc.fillColor(COLOR.text);
  doc.x = left;
  doc.y = y + 22;
}
