import PDFDocument from "pdfkit";
import type { PacketLabels } from "../../compose/compose.js";
import { topicProfile } from "../../compose/context.js";
import type { Document } from "../../compose/document.js";
import type { PdfaLevel } from "../../config.js";
import { toUtcDate } from "../../dates.js";
import { BriefkitError } from "../../errors.js";
import type { Briefing } from "../../model/briefing.js";
import { ownBytes } from "../bytes.js";
import { drawBlocks, type DrawContext } from "./blocks.js";
import { compactPageContents } from "./compact.js";
import { trimParentTreeAsPagesAdd } from "./parent-tree.js";
import { chooseFontSet, fontPaths } from "./fonts.js";
import { drawFurniture } from "./furniture.js";
import { drawHeatmap } from "./heatmap.js";
import { COLOR, PAGE, TYPE, type Doc } from "./layout.js";
import { drawProfile, profileHeight, profileScale } from "./profile.js";
import { fillToc } from "./toc.js";
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
  const partnerName = nameLookup(briefing.partners);
  const topicName = nameLookup(briefing.topics);
  const scale = packetScale(briefing);
  const barScale = profileScale(doc, { topicNames: briefing.topics.map((t) => t.name), max: scale });
  const context: DrawContext = {
    doc,
    root,
    outline: null,
    destinations: new Map(),
    pages: new Map(),
    tocs: [],
    tableMore: labels.tableMore,
    matrix: (which) =>
      drawHeatmap(doc, root, {
        matrix: briefing.matrix[which],
        partnerName,
        topicName,
        totalLabel: labels.matrixTotal,
        legendLabel: labels.matrixLegend,
        alt: labels.matrixAlt,
        scale,
        // The window map flags the cells this period added to; both matrices share rows and columns.
        ...(which === "window" ? { marked: { has: (r: number, c: number) => (briefing.matrix.period.counts[r]?.[c] ?? 0) > 0, label: labels.matrixAdded } } : {}),
      }),
    profileHeight: (partner, top) => profileHeight(Math.min(top ?? Infinity, topicProfile(briefing, partner).length)),
    profile: (partner, top) => {
      if (!briefing.partners.some((p) => p.id === partner)) {
        const known = briefing.partners.map((p) => p.id).join(", ");
        throw new BriefkitError({ code: "template", location: "packet.md.hbs", message: `packet.md.hbs: "::: profile ${partner}" names no partner; partner ids: ${known}` });
      }
      const topics = topicProfile(briefing, partner).map((t) => ({ name: topicName(t.id), count: t.count }));
      drawProfile(doc, root, { topics, alt: `${labels.profileAlt} ${partnerName(partner)}`, emptyText: labels.profileEmpty, scale: barScale, ...(top === undefined ? {} : { top }) });
    },
  };
  doc.font("regular").fontSize(TYPE.body).fillColor(COLOR.text);
  await drawBlocks(context, options.document.blocks, options.onProgress);
  for (const toc of context.tocs) fillToc(doc, toc, context.pages);
  drawFurniture(doc, { marking: briefing.config.marking, pageNumber: labels.pageNumber });
  root.end();
  compact();
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
  const pdfa = options.pdfa === undefined ? briefing.config.pdfa : options.pdfa;
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

// Everything the packet draws comes from these: the document, the labels, and partners' and topics' names and ids.
function packetTexts(options: PacketOptions): string[] {
  const { briefing } = options;
  const matrices = [briefing.matrix.period, briefing.matrix.window];
  return [
    JSON.stringify(options.document),
    JSON.stringify(options.labels),
    JSON.stringify([briefing.partners, briefing.topics, matrices.map((m) => [m.partners, m.topics])]),
    briefing.config.marking,
  ];
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
