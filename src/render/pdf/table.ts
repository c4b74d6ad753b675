import type { Inline } from "../../compose/document.js";
import { plainText } from "../../compose/document.js";
import { COLOR, TYPE, type Doc } from "./layout.js";


const PAD = 4;

/**
 * Draws a table that may run over pages: the header row is repeated on each
 * page, and a row is never split across pages.
 */
export function drawTable(doc: Doc, table: { header: Inline[][]; rows: Inline[][][] }): void {
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  const widths = columnWidths(doc, table, available);
  const drawRow = (cells: Inline[][], header: boolean) => {
    doc.font(header ? "bold" : "regular").fontSize(TYPE.small + 0.5);
    const heights = cells.map((cell, i) => doc.heightOfString(plainText(cell) || " ", { width: widths[i]! - 2 * PAD }));
    const height = Math.max(...heights) + 2 * PAD;
    return { height, draw: (y: number) => paintRow(doc, { cells, widths, y, height, header, left }) };
  };
  const header = drawRow(table.header, true);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (doc.y + header.height + 20 > bottom()) doc.addPage();
  let y = doc.y;
  header.draw(y);
  y += header.height;
  for (const cells of table.rows) {
    const row = drawRow(cells, false);
    if (y + row.height > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      header.draw(y);
      y += header.height;
    }
    row.draw(y);
    y += row.height;
  }
  doc.x = left;
  doc.y = y + 8;
}

function paintRow(doc: Doc, options: { cells: Inline[][]; widths: number[]; y: number; height: number; header: boolean; left: number }): void {
  const { cells, widths, y, height, header } = options;
  let x = options.left;
  cells.forEach((cell, i) => {
    const width = widths[i]!;
    if (header) doc.rect(x, y, width, height).fill(COLOR.headerFill);
    doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    const link = cell.find((run) => run.link !== undefined)?.link;
    doc
      .font(header || cell.every((r) => r.bold) ? "bold" : "regular")
      .fontSize(TYPE.small + 0.5)
      .fillColor(link ? COLOR.link : COLOR.text)
      .text(plainText(cell), x + PAD, y + PAD, { width: width - 2 * PAD, link: link ?? undefined, underline: link !== undefined });
    x += width;
  });
  doc.fillColor(COLOR.text);
}

// Each column gets its longest word, then the rest of the width in proportion to how much more its text wants.
function columnWidths(doc: Doc, table: { header: Inline[][]; rows: Inline[][][] }, available: number): number[] {
  doc.font("regular").fontSize(TYPE.small + 0.5);
  const columns = table.header.map((_, i) => [table.header[i]!, ...table.rows.map((row) => row[i] ?? [])].map(plainText));
  const natural = columns.map((texts) => Math.min(260, Math.max(...texts.map((t) => doc.widthOfString(t))) + 2 * PAD));
  const minimum = columns.map((texts) =>
    Math.min(available / columns.length, Math.max(...texts.flatMap((t) => t.split(/\s+/)).map((w) => doc.widthOfString(w))) + 2 * PAD),
  );
  const base = minimum.reduce((a, b) => a + b, 0);
  const wants = natural.map((n, i) => Math.max(0, n - minimum[i]!));
  const wanted = wants.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, available - base);
  return minimum.map((m, i) => m + (wanted === 0 ? spare / minimum.length : (spare * wants[i]!) / wanted));
}
