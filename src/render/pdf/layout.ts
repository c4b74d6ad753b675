import type PDFDocument from "pdfkit";

/** Sizes and colours of the packet, in PDF points. */
export const PAGE = { size: "A4" as const, margin: 56, side: 50 };

export const TYPE = {
  body: 10,
  small: 8,
  h1: 17,
  h2: 12.5,
  h3: 11,
  coverTitle: 28,
  coverSubtitle: 16,
  lineGap: 2,
};

export const COLOR = {
  text: "#1a1a1a",
  muted: "#555555",
  link: "#0b57a4",
  rule: "#b0b7c3",
  grid: "#dde3ea",
  added: "#e07b00",
  headerFill: "#dce6f1",
  marking: "#8b0000",
};

/** The fill of a heat-map cell: white for zero, then lighter to darker blue. */
export function heatColor(count: number, max: number): string {
  if (count <= 0 || max <= 0) return "#ffffff";
  const t = 0.2 + 0.8 * Math.min(1, count / max);
  const from = [0xe3, 0xee, 0xf9];
  const to = [0x08, 0x45, 0x94];
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * t));
  return `#${mix.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** True when white text reads better than black on the heat colour. */
export function isDark(count: number, max: number): boolean {
  return max > 0 && count / max > 0.5;
}

/** A pdfkit document. */
export type Doc = InstanceType<typeof PDFDocument>;

/** The lowest y that body content may reach on the current page. */
export function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** The width between the side margins. */
export function pageWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/**
 * Starts a new page. Marked content that is open (a paragraph or table cell
 * running over the break) is closed on the old page and reopened on the new
 * one, so the structure tree stays whole.
 */
export function newPage(doc: Doc): void {
  doc.continueOnNewPage();
}
