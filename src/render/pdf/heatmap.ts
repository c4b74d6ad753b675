import type { Matrix } from "../../model/matrix.js";
import { COLOR, heatColor, isDark, TYPE, type Doc } from "./layout.js";


/**
 * Draws a matrix as a heat map: topic names rotated over the columns,
 * partner names down the side, shaded cells with their count, and totals.
 */
export function drawHeatmap(doc: Doc, options: { matrix: Matrix; partnerName: (id: string) => string; topicName: (id: string) => string; totalLabel: string }): void {
  const { matrix, partnerName, topicName } = options;
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  doc.font("regular").fontSize(TYPE.small);
  const nameWidth = Math.min(140, Math.max(60, ...matrix.partners.map((id) => doc.widthOfString(partnerName(id)) + 8)));
  const columns = matrix.topics.length + 1;
  const cell = Math.min(28, (available - nameWidth) / columns);
  const labels = [...matrix.topics.map(topicName), options.totalLabel];
  const headerHeight = Math.min(150, Math.max(...labels.map((l) => doc.widthOfString(l))) + 10);
  const rowsHeight = (matrix.partners.length + 1) * cell;
  if (doc.y + headerHeight + rowsHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  const max = Math.max(0, ...matrix.counts.flat());

  labels.forEach((label, i) => {
    const x = left + nameWidth + i * cell + cell / 2 - TYPE.small / 2 - 1;
    const y = top + headerHeight - 4;
    doc.save().rotate(-90, { origin: [x, y] });
    doc.font(i === labels.length - 1 ? "bold" : "regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(label, x, y, { width: headerHeight - 8, lineBreak: false, ellipsis: true, height: TYPE.small * 1.4 });
    doc.restore();
  });

  const rows = [...matrix.partners.map((id, r) => ({ name: partnerName(id), counts: matrix.counts[r]!, total: matrix.rowTotals[r]! })),
    { name: options.totalLabel, counts: matrix.columnTotals, total: matrix.total }];
  rows.forEach((row, r) => {
    const y = top + headerHeight + r * cell;
    const isTotal = r === rows.length - 1;
    doc.font(isTotal ? "bold" : "regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(row.name, left, y + cell / 2 - TYPE.small * 0.7, { width: nameWidth - 6, lineBreak: false, ellipsis: true });
    [...row.counts, row.total].forEach((count, c) => {
      const x = left + nameWidth + c * cell;
      const plain = isTotal || c === row.counts.length;
      doc.rect(x, y, cell, cell).fill(plain ? "#f3f3f3" : heatColor(count, max));
      doc.rect(x, y, cell, cell).lineWidth(0.4).strokeColor("#ffffff").stroke();
      if (count > 0 || plain) {
        doc.font(plain ? "bold" : "regular").fontSize(TYPE.small)
          .fillColor(!plain && isDark(count, max) ? "#ffffff" : COLOR.text)
          .text(String(count), x, y + cell / 2 - TYPE.small * 0.7, { width: cell, align: "center", lineBreak: false });
      }
    });
  });
  doc.fillColor(COLOR.text);
  doc.x = left;
  doc.y = top + headerHeight + rows.length * cell + 12;
}
