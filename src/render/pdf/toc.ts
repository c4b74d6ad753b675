import type { Block } from "../../compose/document.js";
import { plainText } from "../../compose/document.js";
import { COLOR, newPage, pageBottom, TYPE, type Doc } from "./layout.js";
import { annotate, artifact, openElement, type StructParent } from "./tags.js";

const LINE = 17;
const INDENT = 14;

/** A heading listed in a table of contents; `destination` names the spot it links to. */
export interface TocEntry {
  title: string;
  level: number;
  destination: string;
}

/** A table of contents whose lines are reserved and filled in when the page numbers are known. */
export interface ReservedToc {
  entries: TocEntry[];
  slots: Array<{ page: number; y: number }>;
  element: StructParent;
}

/** The headings after a `toc` block, down to its depth, each with a destination name. */
export function collectEntries(blocks: readonly Block[], tocIndex: number, depth: number, destinations: Map<Block, string>): TocEntry[] {
  return blocks.slice(tocIndex + 1).flatMap((block) => {
    if (block.type !== "heading" || block.level > depth) return [];
    let destination = destinations.get(block);
    if (destination === undefined) {
      destination = `section-${destinations.size + 1}`;
      destinations.set(block, destination);
    }
    return [{ title: plainText(block.content), level: block.level, destination }];
  });
}

/**
 * Keeps one line per entry free, on as many pages as the entries need, and
 * opens the TOC structure element in its place in the reading order.
 */
export function reserveToc(doc: Doc, parent: StructParent, entries: TocEntry[]): ReservedToc {
  const slots: ReservedToc["slots"] = [];
  let y = doc.y;
  for (let i = 0; i < entries.length; i++) {
    if (y + LINE > pageBottom(doc)) {
      newPage(doc);
      y = doc.y;
    }
    slots.push({ page: currentPage(doc), y });
    y += LINE;
  }
  doc.x = doc.page.margins.left;
  doc.y = y + 8;
  return { entries, slots, element: openElement(doc, parent, "TOC") };
}

/**
 * Writes the reserved lines: title, dot leaders, page number. Each is a TOCI
 * holding a Reference that holds a Link element: the title and the page
 * number, each under a link annotation to the heading; the leaders between
 * them are an artifact.
 */
export function fillToc(doc: Doc, toc: ReservedToc, pages: ReadonlyMap<string, number>): void {
  toc.entries.forEach((entry, i) => {
    const slot = toc.slots[i]!;
    doc.switchToPage(slot.page);
    const item = openElement(doc, toc.element, "TOCI");
    const reference = openElement(doc, item, "Reference");
    drawEntry(doc, { entry, link: openElement(doc, reference, "Link"), y: slot.y, page: pages.get(entry.destination) });
    reference.end();
    item.end();
  });
  toc.element.end();
}

function drawEntry(doc: Doc, options: { entry: TocEntry; link: StructParent; y: number; page: number | undefined }): void {
  const { entry, link, y } = options;
  const left = doc.page.margins.left + (entry.level - 1) * INDENT;
  const right = doc.page.width - doc.page.margins.right;
  const number = options.page === undefined ? "" : String(options.page);
  const face = entry.level === 1 ? "bold" : "regular";
  doc.font(face).fontSize(entry.level === 1 ? TYPE.body + 0.5 : TYPE.body).fillColor(COLOR.text);
  const numberWidth = doc.widthOfString(number);
  const titleWidth = Math.min(doc.widthOfString(entry.title), right - left - numberWidth - 24);
  const target = { destination: entry.destination, contents: entry.title };
  const height = doc.currentLineHeight();
  // One line: a title too long for it ends in an ellipsis rather than running into the next entry.
  const oneLine = doc.currentLineHeight(true) * 1.5;
  link.add(() => {
    doc.text(entry.title, left, y, { width: titleWidth, height: oneLine, ellipsis: true });
    annotate(doc, { link, target, area: { x: left, y, width: titleWidth, height } });
  });
  const dots = left + titleWidth + 6;
  const end = right - numberWidth - 6;
  if (end > dots) {
    artifact(doc, () => {
      doc.font("regular").fillColor(COLOR.muted);
      const dot = doc.widthOfString(". ");
      doc.text(". ".repeat(Math.max(0, Math.floor((end - dots) / dot))), dots, y, { lineBreak: false });
    });
  }
  if (number !== "") {
    link.add(() => {
      doc.font(face).fillColor(COLOR.text).text(number, right - numberWidth, y, { lineBreak: false });
      annotate(doc, { link, target, area: { x: right - numberWidth, y, width: numberWidth, height } });
    });
  }
  link.end();
}

/** The index of the current page in the document's buffered pages. */
export function currentPage(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}
