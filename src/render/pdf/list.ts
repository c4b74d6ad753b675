import type { BlockOf } from "../../compose/document.js";
import type { DrawContext } from "./context.js";
import { COLOR, newPage, pageBottom, TYPE } from "./layout.js";
import { openElement, tagged } from "./tags.js";
import { drawRuns } from "./text.js";

/** Draws a list as L, LI, Lbl and LBody elements, a bullet before each item. */
export function drawList(context: DrawContext, block: BlockOf<"list">): void {
  const { doc } = context;
  const left = doc.page.margins.left;
  const list = openElement(doc, context.root, "L");
  for (const item of block.items) {
    doc.font("regular").fontSize(TYPE.body);
    // The same test drawRuns makes for its first line, so the bullet and its text share a page.
    if (doc.y + doc.currentLineHeight(true) + TYPE.lineGap > pageBottom(doc)) newPage(doc);
    const y = doc.y;
    const li = openElement(doc, list, "LI");
    tagged(doc, li, "Lbl", () => doc.font("regular").fontSize(TYPE.body).fillColor(COLOR.text).text("•", left + 4, y, { lineBreak: false }));
    doc.x = left + 16;
    doc.y = y;
    drawRuns(doc, { parent: li, runs: item, x: left + 16, type: "LBody" });
    li.end();
    doc.moveDown(0.2);
  }
  list.end();
  doc.x = left;
  doc.moveDown(0.3);
}
