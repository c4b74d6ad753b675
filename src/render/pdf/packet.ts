import PDFDocument from "pdfkit";
import type { PacketLabels } from "../../compose/compose.js";
import type { Block, Document, Inline } from "../../compose/document.js";
import { plainText } from "../../compose/document.js";
import { toUtcDate } from "../../dates.js";
import type { Briefing } from "../../model/briefing.js";
import { faceOf, fontPaths } from "./fonts.js";
import { drawHeatmap } from "./heatmap.js";
import { COLOR, PAGE, TYPE, type Doc } from "./layout.js";
import { drawTable } from "./table.js";

/** What the packet renderer needs besides the document tree. */
export interface PacketOptions {
  document: Document;
  briefing: Briefing;
  labels: PacketLabels;
}

/** Draws the packet's document tree as a PDF and returns its bytes. */
export async function renderPacket(options: PacketOptions): Promise<Uint8Array> {
  const { briefing, labels } = options;
  const date = toUtcDate(briefing.asOf);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.side, right: PAGE.side },
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: briefing.config.locale,
    displayTitle: true,
    info: {
      Title: labels.title,
      Author: briefing.config.author,
      Subject: labels.subject,
      Creator: "briefkit",
      Producer: "briefkit",
      CreationDate: date,
      ModDate: date,
    },
  } as PDFKit.PDFDocumentOptions);
  for (const [face, path] of Object.entries(fontPaths())) doc.registerFont(face, path);
  const bytes = collect(doc);

  const partnerName = names(briefing.partners);
  const topicName = names(briefing.topics);
  const context: DrawContext = {
    doc,
    outline: null,
    matrix: (which) =>
      drawHeatmap(doc, { matrix: briefing.matrix[which], partnerName, topicName, totalLabel: labels.matrixTotal }),
  };
  doc.font("regular").fontSize(TYPE.body).fillColor(COLOR.text);
  for (const block of options.document.blocks) drawBlock(context, block);
  drawFurniture(doc, { marking: briefing.config.marking, pageNumber: labels.pageNumber });
  doc.end();
  return bytes;
}

interface DrawContext {
  doc: Doc;
  /** The outline item of the current top-level heading, for nesting. */
  outline: PDFKit.PDFOutline | null;
  matrix: (which: "period" | "window") => void;
}

function drawBlock(context: DrawContext, block: Block): void {
  const { doc } = context;
  const left = doc.page.margins.left;
  switch (block.type) {
    case "heading": {
      const size = block.level === 1 ? TYPE.h1 : block.level === 2 ? TYPE.h2 : TYPE.h3;
      if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      if (doc.y > doc.page.margins.top + 1) doc.moveDown(block.level === 1 ? 0.8 : 0.5);
      const title = plainText(block.content);
      if (block.level === 1) context.outline = doc.outline.addItem(title);
      else if (block.level === 2) (context.outline ?? doc.outline).addItem(title);
      doc.font("bold").fontSize(size).fillColor(COLOR.text).text(title, left, doc.y);
      doc.moveDown(0.3);
      return;
    }
    case "paragraph":
      drawRuns(doc, block.content, TYPE.body);
      doc.moveDown(0.5);
      return;
    case "list":
      for (const item of block.items) {
        const y = doc.y;
        doc.font("regular").fontSize(TYPE.body).text("•", left + 4, y, { lineBreak: false });
        doc.x = left + 16;
        doc.y = y;
        drawRuns(doc, item, TYPE.body, left + 16);
        doc.moveDown(0.2);
      }
      doc.x = left;
      doc.moveDown(0.3);
      return;
    case "table":
      drawTable(doc, block);
      return;
    case "matrix":
      context.matrix(block.which);
      return;
    case "cover":
      drawCover(context, block.children);
      return;
    case "pagebreak":
      doc.addPage();
      return;
    case "rule": {
      const y = doc.y + 4;
      doc.moveTo(left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      doc.y = y + 8;
      return;
    }
  }
}

/** Draws a run of styled text as one wrapped paragraph. */
function drawRuns(doc: Doc, runs: readonly Inline[], size: number, x = doc.page.margins.left, align: "left" | "center" = "left"): void {
  const width = doc.page.width - doc.page.margins.right - x;
  const visible = runs.filter((run) => run.text !== "");
  if (visible.length === 0) return;
  doc.x = x;
  visible.forEach((run, index) => {
    doc
      .font(faceOf(run))
      .fontSize(size)
      .fillColor(run.link ? COLOR.link : COLOR.text)
      .text(run.text, index === 0 ? x : undefined, index === 0 ? doc.y : undefined, {
        width,
        align,
        lineGap: TYPE.lineGap,
        continued: index < visible.length - 1,
        link: run.link ?? null,
        underline: run.link !== undefined,
      } as PDFKit.Mixins.TextOptions);
  });
  doc.fillColor(COLOR.text);
  doc.x = doc.page.margins.left;
}

function drawCover(context: DrawContext, children: readonly Block[]): void {
  const { doc } = context;
  doc.y = doc.page.height * 0.28;
  for (const block of children) {
    if (block.type === "heading") {
      const size = block.level === 1 ? TYPE.coverTitle : TYPE.coverSubtitle;
      if (block.level === 1) context.outline = doc.outline.addItem(plainText(block.content));
      doc.font("bold").fontSize(size).fillColor(COLOR.text)
        .text(plainText(block.content), doc.page.margins.left, doc.y, { align: "center", width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
      doc.moveDown(0.6);
    } else if (block.type === "paragraph") {
      drawRuns(doc, block.content, 12, doc.page.margins.left, "center");
      doc.moveDown(0.8);
    } else {
      drawBlock(context, block);
    }
  }
}

/** The marking at the top and bottom of every page, and "Page X of Y". */
function drawFurniture(doc: Doc, options: { marking: string; pageNumber: string }): void {
  const { marking } = options;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    const saved = { ...margins };
    // Text below the bottom margin would start a new page; lift the margins while drawing.
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const inner = width - saved.left - saved.right;
    doc.font("bold").fontSize(TYPE.small).fillColor(COLOR.marking);
    doc.text(marking, saved.left, 22, { width: inner, align: "center", lineBreak: false });
    doc.text(marking, saved.left, height - 34, { width: inner, align: "center", lineBreak: false });
    doc.font("regular").fillColor(COLOR.muted);
    const label = options.pageNumber.replace("{page}", String(i - range.start + 1)).replace("{pages}", String(range.count));
    doc.text(label, saved.left, height - 34, { width: inner, align: "right", lineBreak: false });
    doc.page.margins = saved;
  }
  doc.fillColor(COLOR.text);
}

function collect(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}

function names(records: ReadonlyArray<{ id: string; name: string }>): (id: string) => string {
  const map = new Map(records.map((r) => [r.id, r.name]));
  return (id) => map.get(id) ?? id;
}
