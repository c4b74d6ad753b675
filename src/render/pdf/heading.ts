import { topicProfile } from "../../compose/context.js";
import { plainText, type Block, type BlockOf } from "../../compose/document.js";
import type { DrawContext } from "./context.js";
import { roomToKeep, type MeasureProfile } from "./keep.js";
import { COLOR, newPage, pageBottom, TYPE } from "./layout.js";
import { profileHeight } from "./profile.js";
import { tagged } from "./tags.js";
import { currentPage } from "./toc.js";

/** How many of the blocks after a heading are looked at to keep its section with it. */
const LOOK_AHEAD = 39;

/**
 * Draws a heading tagged H1 to H6, with an outline item for levels 1 and 2
 * and the destination a table of contents links to, if one lists it.
 */
export function drawHeading(context: DrawContext, block: BlockOf<"heading">, place?: { blocks: readonly Block[]; index: number }): void {
  const { doc } = context;
  const size = block.level === 1 ? TYPE.h1 : block.level === 2 ? TYPE.h2 : TYPE.h3;
  // Keep a heading with what follows it: its whole section when that fits on a page, else its first lines.
  const after = place === undefined ? [] : place.blocks.slice(place.index + 1, place.index + 1 + LOOK_AHEAD);
  const profile: MeasureProfile = (partner, top) => profileHeight(Math.min(top ?? Infinity, topicProfile(context.briefing, partner).length));
  if (doc.y + roomToKeep(doc, { level: block.level, after, profile }) > pageBottom(doc)) newPage(doc);
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

/** Draws a heading of a cover page: centred, larger, level 1 in the outline. */
export function drawCoverHeading(context: DrawContext, block: BlockOf<"heading">): void {
  const { doc } = context;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const size = block.level === 1 ? TYPE.coverTitle : TYPE.coverSubtitle;
  if (block.level === 1) context.outline = doc.outline.addItem(plainText(block.content));
  tagged(doc, context.root, `H${Math.min(block.level, 6)}`, () => {
    doc.font("bold").fontSize(size).fillColor(COLOR.text).text(plainText(block.content), doc.page.margins.left, doc.y, { align: "center", width });
  });
  doc.moveDown(0.6);
}
