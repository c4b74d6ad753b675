import PDFDocument from "pdfkit";
import type { PacketLabels } from "../../compose/compose.js";
import type { Document } from "../../compose/document.js";
import type { PdfaLevel } from "../../config.js";
import { toUtcDate } from "../../dates.js";
import type { Briefing } from "../../model/briefing.js";
import { ownBytes } from "../bytes.js";
import { blockTexts, drawBlocks } from "./blocks.js";
import { compactPageContents } from "./compact.js";
import type { DrawContext, NameSource } from "./context.js";
import { trimParentTreeAsPagesAdd } from "./parent-tree.js";
import { chooseFontSet, fontPaths } from "./fonts.js";
import { drawFurniture } from "./furniture.js";
import { COLOR, PAGE, TYPE, type Doc } from "./layout.js";
import { includeGlyphComponents } from "./glyph-components.js";
import { profileScale } from "./profile.js";
import { fillToc } from "./toc.js";
import { addPacketMetadata } from "./xmp.js";
import { nameLookup } from "../../model/names.js";

/** How many output chunks are joined into one while the packet is written. */
const COLLECT_BATCH = 1024;

/** What the packet renderer needs besides the document tree. */
export interface PacketOptions {
  document: Document;
  briefing: Briefing;
  labels: PacketLabels;
  /** Write a PDF/A file of this level (fonts embedded, sRGB output intent, XMP identification); default: the config's. */
  pdfa?: PdfaLevel | null;
  /** Told now and then the share of the document's blocks drawn, 0 to 1. */
  onProgress?: (done: number) => void;
}

/** Draws the packet's document tree as a PDF and returns its bytes. */
export async function renderPacket(options: PacketOptions): Promise<Uint8Array> {
  const { briefing, labels } = options;
  const doc = createDocument(options);
  const bytes = collect(doc);
  const compact = compactPageContents(doc);
  trimParentTreeAsPagesAdd(doc);
  // The stream starts flowing on the next tick; from then on what pdfkit writes reaches `collect` as it is written instead of queueing inside the stream until the end.
  await new Promise<void>((resolve) => process.nextTick(resolve));
  const root = doc.struct("Document");
  doc.addStructure(root);
  const scale = packetScale(briefing);
  const barScale = profileScale(doc, { topicNames: briefing.topics.map((t) => t.name), max: scale });
  const context: DrawContext = { ...names(briefing), doc, labels, root, outline: null, destinations: new Map(), pages: new Map(), tocs: [], scale, barScale };
  doc.font("regular").fontSize(TYPE.body).fillColor(COLOR.text);
  await drawBlocks(context, options.document.blocks, options.onProgress);
  for (const toc of context.tocs) fillToc(doc, toc, context.pages);
  drawFurniture(doc, { marking: briefing.config.marking, pageNumber: labels.pageNumber });
  root.end();
  compact();
  const pdfa = pdfaLevel(options);
  addPacketMetadata(doc, { modified: toUtcDate(briefing.asOf), pdfa: pdfa !== null });
  if (pdfa === "PDF/A-1b") includeGlyphComponents(doc);
  doc.end();
  return bytes;
}

// One count scale for the whole packet: both heat maps and every partner's chart shade and measure a count alike.
// The window's largest cell is the top of it, since the period lies inside the window.
function packetScale(briefing: Briefing): number {
  let max = 0;
  for (const row of [...briefing.matrix.window.counts, ...briefing.matrix.period.counts]) for (const count of row) max = Math.max(max, count);
  return max;
}

function createDocument(options: PacketOptions): Doc {
  const { briefing, labels } = options;
  const date = toUtcDate(briefing.asOf);
  const pdfa = pdfaLevel(options);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.side, right: PAGE.side },
    bufferPages: true,
    autoFirstPage: true,
    // PDF/A-1 is based on PDF 1.4; the later parts allow 1.7.
    pdfVersion: pdfa === "PDF/A-1b" ? "1.4" : "1.7",
    ...(pdfa ? { subset: pdfa } : {}),
    tagged: true,
    // The words are the templates': English templates used for es-PE keep an English tag.
    lang: labels.lang ?? briefing.config.locale,
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
  for (const [face, path] of Object.entries(fontPaths(chooseFontSet(packetTexts(options))))) doc.registerFont(face, path);
  return doc;
}

function pdfaLevel(options: PacketOptions): PdfaLevel | null {
  return options.pdfa === undefined ? options.briefing.config.pdfa : options.pdfa;
}

function names(briefing: Briefing): NameSource {
  return { briefing, partnerName: nameLookup(briefing.partners), topicName: nameLookup(briefing.topics) };
}

// Everything the packet draws comes from these: the document, the labels, the marking, and what its blocks draw from the briefing.
function packetTexts(options: PacketOptions): string[] {
  const { briefing } = options;
  return [JSON.stringify(options.document), JSON.stringify(options.labels), ...blockTexts(options.document.blocks, names(briefing)), briefing.config.marking];
}

function collect(doc: Doc): Promise<Uint8Array> {
  // pdfkit emits every line of every object as its own chunk: join them in batches rather than hold each.
  const joined: Buffer[] = [];
  let pending: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => {
      pending.push(chunk);
      if (pending.length < COLLECT_BATCH) return;
      joined.push(Buffer.concat(pending));
      pending = [];
    });
    doc.on("end", () => {
      resolve(ownBytes(Buffer.concat([...joined, ...pending])));
    });
    doc.on("error", reject);
  });
}
