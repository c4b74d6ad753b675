import { COLOR, heatColor, newPage, pageBottom, pageWidth, TYPE, type Doc } from "./layout.js";
import { tagged, type StructParent } from "./tags.js";

const BAR_HEIGHT = 9;
const ROW = 13;

/**
 * Draws a partner's topic profile: one bar per topic it touched, longest
 * first, with the topic name and count, tagged as a figure whose text is
 * the list itself.
 */
export function drawProfile(doc: Doc, parent: StructParent, options: {
  topics: Array<{ name: string; count: number }>;
  alt: string;
  emptyText: string;
}): void {
  const { topics } = options;
  if (topics.length === 0) {
    tagged(doc, parent, "P", () => {
      doc.font("italic").fontSize(TYPE.body).fillColor(COLOR.muted).text(options.emptyText, doc.page.margins.left, doc.y);
    });
    doc.fillColor(COLOR.text).moveDown(0.5);
    return;
  }
  const alt = `${options.alt}: ${topics.map((t) => `${t.name} ${t.count}`).join(", ")}`;
  tagged(doc, parent, "Figure", () => drawBars(doc, topics), { alt });
  doc.fillColor(COLOR.text);
  doc.x = doc.page.margins.left;
}

function drawBars(doc: Doc, topics: Array<{ name: string; count: number }>): void {
  const left = doc.page.margins.left;
  doc.font("regular").fontSize(TYPE.small);
  const labelWidth = Math.min(200, Math.max(...topics.map((t) => doc.widthOfString(t.name))) + 10);
  const room = pageWidth(doc) - labelWidth - 30;
  const max = Math.max(...topics.map((t) => t.count));
  if (doc.y + Math.min(topics.length, 4) * ROW > pageBottom(doc)) newPage(doc);
  let y = doc.y;
  for (const topic of topics) {
    if (y + ROW > pageBottom(doc)) {
      newPage(doc);
      y = doc.y;
    }
    doc.font("regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(topic.name, left, y + 1, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    const width = Math.max(2, (room * topic.count) / max);
    doc.rect(left + labelWidth, y + 1, width, BAR_HEIGHT).fill(heatColor(topic.count, max));
    doc.font("bold").fontSize(TYPE.small).fillColor(COLOR.text).text(String(topic.count), left + labelWidth + width + 4, y + 1, { lineBreak: false });
    y += ROW;
  }
  doc.y = y + 8;
}
