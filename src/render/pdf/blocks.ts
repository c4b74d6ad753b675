import type { Block } from "../../compose/document.js";
import { MAX_TABLE_ROWS, plainText } from "../../compose/document.js";
import { COLOR, newPage, pageBottom, TYPE, type Doc } from "./layout.js";
import { roomToKeep, type MeasureProfile } from "./keep.js";
import { drawTable } from "./table.js";
import { artifact, openElement, tagged, type StructParent } from "./tags.js";
import { drawRuns } from "./text.js";
import { collectEntries, currentPage, reserveToc, type ReservedToc } from "./toc.js";

/** The state of one packet being drawn. */
export interface DrawContext {
  doc: Doc;
  /** The Document element at the root of the structure tree. */
  root: StructParent;
  /** The outline item of the current top-level heading, for nesting. */
  outline: PDFKit.PDFOutline | null;
  /** Destination names of the headings that a table of contents lists. */
  destinations: Map<Block, string>;
  /** Page number (1-based) of each destination, filled in while drawing. */
  pages: Map<string, number>;
  tocs: ReservedToc[];
  matrix: (which: "period" | "window") => void;
  profile: (partner: string, top?: number) => void;
  /** The height of a partner's chart, for keeping a heading with it. */
  profileHeight: MeasureProfile;
  /** The note below a table cut short, with {count} for the rows left out. */
  tableMore: string;
}

export { MAX_TABLE_ROWS };

/** Room (points) the note below a cut-short table takes. */
const NOTE_ROOM = 20;

/** How long drawing goes on before the event loop is let turn. */
const TURN_MS = 50;

/**
 * Draws the top-level blocks of a document in order. Every TURN_MS of
 * drawing it lets the event loop turn, so that a progress spinner keeps
 * moving and what pdfkit wrote flows out, and tells `onDrawn` the share of
 * the blocks drawn so far.
 */
export async function drawBlocks(context: DrawContext, blocks: readonly Block[], onDrawn?: (done: number) => void): Promise<void> {
  let drawing = performance.now();
  for (const [index, block] of blocks.entries()) {
    if (block.type === "toc") {
      const entries = collectEntries(blocks, index, block.depth, context.destinations);
      context.tocs.push(reserveToc(context.doc, context.root, entries));
    } else {
      drawBlock(context, block, blocks.slice(index + 1, index + 40));
    }
    if (performance.now() - drawing >= TURN_MS) {
      onDrawn?.((index + 1) / blocks.length);
      await new Promise((resolve) => setImmediate(resolve));
      drawing = performance.now();
    }
  }
}

// A long table would run to hundreds of pages: the packet shows its first rows and points to the workbook for the
// rest, those it leaves out and those the template did not write out.
function drawCappedTable(context: DrawContext, block: Extract<Block, { type: "table" }>): void {
  const shown = block.rows.slice(0, MAX_TABLE_ROWS);
  const leftOut = block.rows.length - shown.length + (block.leftOut ?? 0);
  // The note goes with the last row, never alone at the top of a page.
  drawTable(context.doc, context.root, { ...block, rows: shown }, leftOut === 0 ? 0 : NOTE_ROOM);
  if (leftOut === 0) return;
  const more = context.tableMore.replace("{count}", leftOut.toLocaleString("en-US"));
  drawRuns(context.doc, { parent: context.root, runs: [{ text: more, bold: false, italic: true }] });
  context.doc.moveDown(0.5);
}

// `after`: the blocks that follow, which a heading keeps with it.
function drawBlock(context: DrawContext, block: Block, after: readonly Block[] = []): void {
  const { doc, root } = context;
  const left = doc.page.margins.left;
  switch (block.type) {
    case "heading":
      return drawHeading(context, block, after);
    case "paragraph":
      drawRuns(doc, { parent: root, runs: block.content });
      doc.moveDown(0.5);
      return;
    case "list":
      return drawList(context, block.items);
    case "table":
      return drawCappedTable(context, block);
    case "matrix":
      return context.matrix(block.which);
    case "profile":
      return context.profile(block.partner, block.top);
    case "cover":
      return drawCover(context, block.children);
    case "pagebreak":
      newPage(doc);
      return;
    case "toc":
      return;
    case "rule": {
      const y = doc.y + 4;
      artifact(doc, () => doc.moveTo(left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke());
      doc.y = y + 8;
      return;
    }
  }
}

function drawHeading(context: DrawContext, block: Extract<Block, { type: "heading" }>, after: readonly Block[]): void {
  const { doc } = context;
  const size = block.level === 1 ? TYPE.h1 : block.level === 2 ? TYPE.h2 : TYPE.h3;
  // Keep a heading with what follows it: its whole section when that fits on a page, else its first lines.
  if (doc.y + roomToKeep(doc, { level: block.level, after, profile: context.profileHeight }) > pageBottom(doc)) newPage(doc);
  if (doc.y > doc.page.margins.top + 1) doc.moveDown(block.level === 1 ? 0.8 : 0.5);
  const title = plainText(block.content);
  if (block.level === 1) context.outline = doc.outline.addItem(title);
  else if (block.level === 2) (context.outline ?? doc.outline).addItem(title);
  const destination = context.destinations.get(block);
  if (destination !== undefined) {
    doc.addNamedDestination(destination, "XYZ", doc.page.margins.left, doc.y, null as unknown as number);
    context.pages.set(destination, currentPage(doc) + 1);
  }
  tagged(doc, context.root, `H${Math.min(block.level, 6)}`, () => {
    doc.font("bold").fontSize(size).fillColor(COLOR.text).text(title, doc.page.margins.left, doc.y);
  });
  doc.moveDown(0.3);
}

function drawList(context: DrawContext, items: ReadonlyArray<Extract<Block, { type: "list" }>["items"][number]>): void {
  const { doc } = context;
  const left = doc.page.margins.left;
  const list = openElement(doc, context.root, "L");
  for (const item of items) {
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

function drawCover(context: DrawContext, children: readonly Block[]): void {
  const { doc } = context;
  doc.y = doc.page.height * 0.28;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of children) {
    if (block.type === "heading") {
      const size = block.level === 1 ? TYPE.coverTitle : TYPE.coverSubtitle;
      if (block.level === 1) context.outline = doc.outline.addItem(plainText(block.content));
      tagged(doc, context.root, `H${Math.min(block.level, 6)}`, () => {
        doc.font("bold").fontSize(size).fillColor(COLOR.text).text(plainText(block.content), doc.page.margins.left, doc.y, { align: "center", width });
      });
      doc.moveDown(0.6);
    } else if (block.type === "paragraph") {
      drawRuns(doc, { parent: context.root, runs: block.content, size: 12, align: "center" });
      doc.moveDown(0.8);
    } else {
      drawBlock(context, block);
    }
  }
}
