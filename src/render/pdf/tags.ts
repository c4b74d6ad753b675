import type { Doc } from "./layout.js";

/** What a structure element may carry: alternative text for figures, a title. */
export interface ElementOptions {
  alt?: string;
  title?: string;
}

/** Where a structure element goes: under another element, or at the root of the tree. */
export type StructParent = PDFKit.PDFStructureElement;

/**
 * Opens a structure element (Sect, Table, TR, L, LI …) under a parent; the
 * caller adds children and ends it.
 */
export function openElement(doc: Doc, parent: StructParent, type: string, options: ElementOptions = {}): StructParent {
  const element = doc.struct(type, options);
  parent.add(element);
  return element;
}

/** Draws content as one structure element (P, H1, TD …) under a parent. */
export function tagged(doc: Doc, parent: StructParent, type: string, draw: () => void, options: ElementOptions = {}): StructParent {
  const element = openElement(doc, parent, type, options);
  element.add(draw);
  element.end();
  return element;
}

/**
 * Draws content that is not part of the text (rules, cell fills, the marking
 * and page numbers) as an artifact, so readers that follow the tags skip it.
 * Must not be called while a tagged element's content is open.
 */
export function artifact(doc: Doc, draw: () => void, type?: "Pagination" | "Layout"): void {
  doc.markContent("Artifact", type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
}
