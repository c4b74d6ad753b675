import { topicProfile } from "../../compose/context.js";
import { MAX_TABLE_ROWS, type Block, type BlockKind, type BlockOf } from "../../compose/document.js";
import { BriefkitError } from "../../errors.js";
import type { DrawContext, NameSource } from "./context.js";
import { drawCoverHeading, drawHeading } from "./heading.js";
import { drawHeatmap } from "./heatmap.js";
import { COLOR, newPage } from "./layout.js";
import { drawList } from "./list.js";
import { drawProfile } from "./profile.js";
import { drawTable } from "./table.js";
import { artifact } from "./tags.js";
import { drawRuns } from "./text.js";
import { collectEntries, reserveToc } from "./toc.js";

/** A block's place among the blocks drawn with it, for blocks that look at what follows them. */
export interface Place {
  blocks: readonly Block[];
  index: number;
}

/** How the packet draws one kind of block. */
export interface BlockDrawer<K extends BlockKind> {
  draw: (context: DrawContext, block: BlockOf<K>, place: Place) => void;
  /** The text it draws that is not in the document (partners' and topics' names), so that the fonts chosen have its characters. */
  texts?: (block: BlockOf<K>, names: NameSource) => string[];
}

/**
 * How each kind of block of compose's BLOCKS registry is drawn: a new kind
 * there is a type error here until it has its entry.
 */
export const DRAWERS: { readonly [K in BlockKind]: BlockDrawer<K> } = {
  heading: { draw: drawHeading },
  paragraph: {
    draw: ({ doc, root }, block) => {
      drawRuns(doc, { parent: root, runs: block.content });
      doc.moveDown(0.5);
    },
  },
  list: { draw: drawList },
  table: { draw: drawCappedTable },
  rule: { draw: drawRule },
  matrix: { draw: drawMatrix, texts: (block, names) => matrixNames(names, block.which) },
  pagebreak: { draw: ({ doc }) => newPage(doc) },
  toc: {
    draw: (context, block, place) => {
      const entries = collectEntries(place.blocks, place.index, block.depth, context.destinations);
      context.tocs.push(reserveToc(context.doc, context.root, entries));
    },
  },
  profile: { draw: drawPartnerProfile, texts: (block, names) => topicProfile(names.briefing, block.partner).map((t) => names.topicName(t.id)) },
  cover: { draw: drawCover, texts: (block, names) => blockTexts(block.children, names) },
};

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
    drawBlock(context, block, { blocks, index });
    if (performance.now() - drawing >= TURN_MS) {
      onDrawn?.((index + 1) / blocks.length);
      await new Promise((resolve) => setImmediate(resolve));
      drawing = performance.now();
    }
  }
}

/** The text the blocks draw from outside the document, by their drawers' `texts`. */
export function blockTexts(blocks: readonly Block[], names: NameSource): string[] {
  return blocks.flatMap((block) => drawerOf(block).texts?.(block, names) ?? []);
}

function drawBlock(context: DrawContext, block: Block, place: Place): void {
  drawerOf(block).draw(context, block, place);
}

// Each block goes to its own kind's drawer; the table's type keeps the kinds and drawers in step.
function drawerOf(block: Block): BlockDrawer<BlockKind> {
  return DRAWERS[block.type] as BlockDrawer<BlockKind>;
}

// A long table would run to hundreds of pages: the packet shows its first rows and points to the workbook for the
// rest, those it leaves out and those the template did not write out.
function drawCappedTable(context: DrawContext, block: BlockOf<"table">): void {
  const shown = block.rows.slice(0, MAX_TABLE_ROWS);
  const leftOut = block.rows.length - shown.length + (block.leftOut ?? 0);
  // The note goes with the last row, never alone at the top of a page.
  drawTable(context.doc, context.root, { ...block, rows: shown }, leftOut === 0 ? 0 : NOTE_ROOM);
  if (leftOut === 0) return;
  const more = context.labels.tableMore.replace("{count}", leftOut.toLocaleString("en-US"));
  drawRuns(context.doc, { parent: context.root, runs: [{ text: more, bold: false, italic: true }] });
  context.doc.moveDown(0.5);
}

function drawRule({ doc }: DrawContext): void {
  const left = doc.page.margins.left;
  const y = doc.y + 4;
  artifact(doc, () => doc.moveTo(left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke());
  doc.y = y + 8;
}

function drawMatrix(context: DrawContext, block: BlockOf<"matrix">): void {
  const { briefing, labels } = context;
  drawHeatmap(context.doc, context.root, {
    matrix: briefing.matrix[block.which],
    partnerName: context.partnerName,
    topicName: context.topicName,
    totalLabel: labels.matrixTotal,
    legendLabel: labels.matrixLegend,
    caption: block.which === "window" ? labels.matrixWindowCaption : labels.matrixPeriodCaption,
    scale: context.scale,
    // The window map flags the cells this period added to; both matrices share rows and columns.
    ...(block.which === "window" ? { marked: { has: (r: number, c: number) => (briefing.matrix.period.counts[r]?.[c] ?? 0) > 0, label: labels.matrixAdded } } : {}),
  });
}

function matrixNames(names: NameSource, which: BlockOf<"matrix">["which"]): string[] {
  const matrix = names.briefing.matrix[which];
  return [...matrix.partners.map(names.partnerName), ...matrix.topics.map(names.topicName)];
}

function drawPartnerProfile(context: DrawContext, block: BlockOf<"profile">): void {
  const { briefing, labels } = context;
  const { partner } = block;
  if (!briefing.partners.some((p) => p.id === partner)) {
    const known = briefing.partners.map((p) => p.id).join(", ");
    throw new BriefkitError({ code: "template", location: "packet.md.hbs", message: `packet.md.hbs: "::: profile ${partner}" names no partner; partner ids: ${known}` });
  }
  const topics = topicProfile(briefing, partner).map((t) => ({ name: context.topicName(t.id), count: t.count }));
  const alt = `${labels.profileAlt} ${context.partnerName(partner)}`;
  drawProfile(context.doc, context.root, { topics, alt, emptyText: labels.profileEmpty, scale: context.barScale, ...(block.top === undefined ? {} : { top: block.top }) });
}

function drawCover(context: DrawContext, block: BlockOf<"cover">): void {
  const { doc } = context;
  doc.y = doc.page.height * 0.28;
  block.children.forEach((child, index) => {
    if (child.type === "heading") {
      drawCoverHeading(context, child);
    } else if (child.type === "paragraph") {
      drawRuns(doc, { parent: context.root, runs: child.content, size: 12, align: "center" });
      doc.moveDown(0.8);
    } else {
      drawBlock(context, child, { blocks: block.children, index });
    }
  });
}
