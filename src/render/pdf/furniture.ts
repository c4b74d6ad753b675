import { COLOR, TYPE, type Doc } from "./layout.js";
import { artifact } from "./tags.js";

/**
 * Draws the marking at the top and bottom of every page and "Page X of Y"
 * at the bottom, as pagination artifacts: a header and a footer. Needs
 * buffered pages.
 */
export function drawFurniture(doc: Doc, options: { marking: string; pageNumber: string }): void {
  const { marking } = options;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    const saved = { ...margins };
    // Text below the bottom margin would start a new page; lift the margins while drawing.
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const inner = width - saved.left - saved.right;
    const label = options.pageNumber.replace("{page}", String(i - range.start + 1)).replace("{pages}", String(range.count));
    artifact(doc, () => {
      doc.font("bold").fontSize(TYPE.small).fillColor(COLOR.marking);
      doc.text(marking, saved.left, 22, { width: inner, align: "center", lineBreak: false });
    }, "Header");
    artifact(doc, () => {
      doc.font("bold").fontSize(TYPE.small).fillColor(COLOR.marking);
      doc.text(marking, saved.left, height - 34, { width: inner, align: "center", lineBreak: false });
      doc.font("regular").fillColor(COLOR.muted);
      doc.text(label, saved.left, height - 34, { width: inner, align: "right", lineBreak: false });
    }, "Footer");
    doc.page.margins = saved;
  }
  doc.fillColor(COLOR.text);
}
