import type { Matrix } from "../../model/matrix.js";
import { COLOR, heatColor, isDark, newPage, pageBottom, pageWidth, TYPE, type Doc } from "./layout.js";
import { tagged, type StructParent } from "./tags.js";

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
  alt: string;
  /** The count the darkest shade stands for, shared by every map and chart of a packet; default: this map's largest. */
  scale?: number;
  /** Cells to flag with a corner mark (the period's additions to the window), and the legend's word for them. */
  marked?: { has: (row: number, column: number) => boolean; label: string };
}

interface Column {
  label: string;
  total: boolean;
  /** The topic's index in the matrix; none for the totals column. */
  topic?: number;
  value: (row: number) => number;
}

/**
 * Draws a matrix as a heat map, tagged as one figure: topic names rotated
 * over the columns, partner names down the side, shaded cells with their
 * count, totals, and a legend. Rows run over pages with the topic header
 * repeated; when the topics do not fit across, they are split into groups
 * shown one after another, each with the partner column.
 */
export function drawHeatmap(doc: Doc, parent: StructParent, options: HeatmapOptions): void {
  tagged(doc, parent, "Figure", () => drawFigure(doc, options), { alt: options.alt });
  doc.fillColor(COLOR.text);
  doc.x = doc.page.margins.left;
}

function drawFigure(doc: Doc, options: HeatmapOptions): void {
  const { matrix } = options;
  doc.font("regular").fontSize(TYPE.small);
  const names = [...matrix.partners.map(options.partnerName), options.totalLabel];
  const nameWidth = Math.min(130, Math.max(60, ...names.map((name) => doc.widthOfString(name) + 8)));
  const columns: Column[] = [
    ...matrix.topics.map((id, c) => ({ label: options.topicName(id), total: false, topic: c, value: (r: number) => cellValue(matrix, r, c) })),
    { label: options.totalLabel, total: true, value: (r: number) => (r < matrix.partners.length ? matrix.rowTotals[r]! : matrix.total) },
  ];
  const room = pageWidth(doc) - nameWidth;
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, room / columns.length));
  // Split into groups of even size rather than a full group and a stub.
  const groups = Math.ceil(columns.length / Math.max(1, Math.floor(room / cell)));
  const perGroup = Math.ceil(columns.length / groups);
  const max = options.scale ?? Math.max(0, ...matrix.counts.flat());
  for (let start = 0; start < columns.length; start += perGroup) {
    // The last group keeps room under its totals row for the legend, so the legend never starts a page alone.
    const tail = start + perGroup >= columns.length ? LEGEND_HEIGHT : 0;
    drawGroup(doc, { columns: columns.slice(start, start + perGroup), names, nameWidth, cell, max, marked: options.marked?.has, tail });
  }
  const anyMarked = options.marked !== undefined && matrix.partners.some((_, r) => matrix.topics.some((_, c) => options.marked!.has(r, c)));
  drawLegend(doc, { max, label: options.legendLabel, marked: anyMarked ? options.marked!.label : undefined });
}

function cellValue(matrix: Matrix, row: number, column: number): number {
  return row < matrix.partners.length ? matrix.counts[row]![column]! : matrix.columnTotals[column]!;
}

function drawGroup(doc: Doc, options: {
  columns: Column[]; names: string[]; nameWidth: number; cell: number; max: number; marked: ((row: number, column: number) => boolean) | undefined;
  tail: number;
}): void {
  const { columns, names, nameWidth, cell, max } = options;
  const left = doc.page.margins.left;
  doc.font("regular").fontSize(TYPE.small);
  // Long topic names get the room they need when the whole map still fits below; otherwise they are cut short.
  const wanted = Math.max(...columns.map((c) => doc.widthOfString(c.label))) + 10;
  const roomy = doc.y + Math.min(wanted, 200) + names.length * cell <= pageBottom(doc);
  const headerHeight = Math.min(roomy ? 200 : 150, wanted);
  if (doc.y + headerHeight + Math.min(names.length, 4) * cell > pageBottom(doc)) newPage(doc);
  let y = drawHeader(doc, { columns, left: left + nameWidth, top: doc.y, cell, height: headerHeight });
  names.forEach((name, r) => {
    const last = r === names.length - 1;
    // The last rows go together, with the legend room under them, rather than leave the totals alone on a page.
    const remaining = names.length - r;
    const need = remaining <= 3 && options.tail > 0 ? remaining * cell + options.tail : cell;
    if (y + need > pageBottom(doc)) {
      newPage(doc);
      y = drawHeader(doc, { columns, left: left + nameWidth, top: doc.y, cell, height: headerHeight });
    }
    const totalRow = last;
    doc.font(totalRow ? "bold" : "regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(name, left, y + cell / 2 - TYPE.small * 0.7, { width: nameWidth - 6, lineBreak: false, ellipsis: true });
    columns.forEach((column, c) => {
      const x = left + nameWidth + c * cell;
      const plain = totalRow || column.total;
      const count = column.value(r);
      doc.rect(x, y, cell, cell).fill(plain ? "#f3f3f3" : heatColor(count, max));
      doc.rect(x, y, cell, cell).lineWidth(0.4).strokeColor(COLOR.grid).stroke();
      if (!totalRow && column.topic !== undefined && options.marked?.(r, column.topic)) drawMark(doc, x + cell, y);
      if (count > 0 || plain) {
        doc.font(plain ? "bold" : "regular").fontSize(TYPE.small);
        // Large totals shrink to stay inside their cell.
        const size = Math.min(TYPE.small, (TYPE.small * (cell - 3)) / doc.widthOfString(String(count)));
        doc.fontSize(size).fillColor(!plain && isDark(count, max) ? "#ffffff" : COLOR.text)
          .text(String(count), x, y + cell / 2 - size * 0.7, { width: cell, align: "center", lineBreak: false });
      }
    });
    y += cell;
  });
  doc.x = left;
  doc.y = y + 10;
}

function drawHeader(doc: Doc, options: { columns: Column[]; left: number; top: number; cell: number; height: number }): number {
  const { columns, left, top, cell, height } = options;
  columns.forEach((column, i) => {
    const x = left + i * cell + cell / 2 - TYPE.small / 2 - 1;
    const y = top + height - 4;
    doc.save().rotate(-90, { origin: [x, y] });
    doc.font(column.total ? "bold" : "regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(column.label, x, y, { width: height - 8, lineBreak: false, ellipsis: true, height: TYPE.small * 1.4 });
    doc.restore();
  });
  return top + height;
}

/** A small triangle in the top right corner of a cell. */
function drawMark(doc: Doc, right: number, top: number): void {
  doc.polygon([right - 6, top], [right, top], [right, top + 6]).fill(COLOR.added);
}

/** A row of swatches: white for none, then the shades of a few counts up to the largest; then the corner mark, if used. */
function drawLegend(doc: Doc, options: { max: number; label: string; marked: string | undefined }): void {
  const { max } = options;
  const steps = max <= 5 ? Array.from({ length: max }, (_, i) => i + 1) : [1, 0.25, 0.5, 0.75, 1].map((f, i) => (i === 0 ? 1 : Math.round(max * f)));
  const values = [0, ...new Set(steps)];
  if (doc.y + LEGEND_HEIGHT - 10 > pageBottom(doc)) newPage(doc);
  const left = doc.page.margins.left;
  const y = doc.y;
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
  doc.fillColor(COLOR.text);
  doc.x = left;
  doc.y = y + 22;
}
