import type { Doc } from "./layout.js";

/**
 * What a structure element may carry: alternative text for figures, a
 * title, the text that stands for its content (`actual`), and the cells a
 * table header cell is the header of (`scope`).
 */
export interface ElementOptions {
  alt?: string;
  title?: string;
  actual?: string;
  scope?: "Row" | "Column";
}

/** Where a structure element goes: under another element, or at the root of the tree. */
export type StructParent = PDFKit.PDFStructureElement;

/**
 * Opens a structure element (Sect, Table, TR, L, LI …) under a parent; the
 * caller adds children and ends it.
 */
export function openElement(doc: Doc, parent: StructParent, type: string, options: ElementOptions = {}): StructParent {
  // pdfkit writes `scope` as the Table attribute /Scope; its type declarations do not list it.
  const element = doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
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
 * What an artifact is: a running header or footer (the marking, page
 * numbers, a table header repeated on a new page), a layout element, or
 * unspecified.
 */
export type ArtifactKind = "Header" | "Footer" | "Layout";

/**
 * Draws content that is not part of the text (rules, cell fills, the marking
 * and page numbers) as an artifact, so readers that follow the tags skip it.
 * Must not be called while a tagged element's content is open.
 */
export function artifact(doc: Doc, draw: () => void, kind?: ArtifactKind): void {
  if (kind === "Header" || kind === "Footer") {
    // pdfkit's markContent writes an artifact's /Type but not its /Subtype, which says which running part of the page it is.
    doc.addContent(`/Artifact <</Type /Pagination /Subtype /${kind}>> BDC`);
    draw();
    doc.addContent("EMC");
    return;
  }
  doc.markContent("Artifact", kind ? { type: kind } : undefined);
  draw();
  doc.endMarkedContent();
}

/** Where a link annotation goes on the page, in the coordinates text is drawn at. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a link leads, and the words that describe it to a reader that cannot see it. */
export type LinkTarget = ({ url: string } | { destination: string }) & { contents: string };

/**
 * Draws content as a Link element whose link annotations are its children:
 * `draw` draws the link's text and calls `annotate` for each area to make
 * clickable. Each annotation carries the target's words as its /Contents.
 */
export function drawLink(doc: Doc, parent: StructParent, target: LinkTarget, draw: (annotate: (area: Area) => void) => void): void {
  const link = openElement(doc, parent, "Link");
  link.add(() => draw((area) => annotate(doc, { link, target, area })));
  link.end();
}

/**
 * Makes a link annotation over an area, as a child of a Link element whose
 * content is being drawn, with the target's words as its /Contents.
 */
export function annotate(doc: Doc, options: { link: StructParent; target: LinkTarget; area: Area }): void {
  const { target, area } = options;
  const annotation = { structParent: options.link, Contents: new String(target.contents) } as unknown as PDFKit.Mixins.AnnotationOption;
  if ("url" in target) doc.link(area.x, area.y, area.width, area.height, target.url, annotation);
  else doc.goTo(area.x, area.y, area.width, area.height, target.destination, annotation);
}
