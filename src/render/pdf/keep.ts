import type { Block } from "../../compose/document.js";
import { pageBottom, pageWidth, TYPE, type Doc } from "./layout.js";
import { tableHeight } from "./table.js";
import { layoutRuns } from "./text.js";

/** Room (points) a heading of level 1, 2, 3+ needs below it when what follows is too long to keep whole. */
const KEEP_WITH_NEXT = [170, 140, 90];

/** Measures what a packet draws beyond text: the height of a partner's chart. */
export type MeasureProfile = (partner: string, top: number | undefined) => number;

/**
 * The room a heading needs below it so that it does not end a page alone.
 * A heading below the top level keeps its whole section (up to the next
 * heading of its level or above) with it when that fits on a page; otherwise,
 * and for top-level headings, it keeps the first lines of what follows.
 */
export function roomToKeep(doc: Doc, options: { level: number; after: readonly Block[]; profile: MeasureProfile }): number {
  const fallback = KEEP_WITH_NEXT[Math.min(options.level, 3) - 1]!;
  if (options.level === 1) return fallback;
  const page = pageBottom(doc) - doc.page.margins.top;
  let height = 0;
  for (const block of options.after) {
    if (block.type === "heading" && block.level <= options.level) break;
    const next = blockHeight(doc, block, options.profile);
    if (next === null) return fallback;
    height += next;
    if (height > page - 2 * TYPE.h1) return fallback;
  }
  return Math.max(fallback, height + 2 * TYPE.h2);
}

function blockHeight(doc: Doc, block: Block, profile: MeasureProfile): number | null {
  doc.font("regular").fontSize(TYPE.body);
  const line = doc.currentLineHeight(true) + TYPE.lineGap;
  const lines = (runs: Parameters<typeof layoutRuns>[1], indent: number) =>
    layoutRuns(doc, runs.filter((run) => run.text !== ""), { width: pageWidth(doc) - indent, size: TYPE.body }).length;
  switch (block.type) {
    case "paragraph":
      return lines(block.content, 0) * line + line / 2;
    case "list":
      return block.items.reduce((sum, item) => sum + lines(item, 16) * line + line * 0.2, line * 0.3);
    case "heading":
      return TYPE.h2 * 2;
    case "table":
      return tableHeight(doc, block);
    case "profile":
      return profile(block.partner, block.top);
    default:
      return null;
  }
}
