// PDF.js as unpdf builds it: one file without the native canvas that
// pdfjs-dist installs, which inspect does not need (it reads text, outline and
// links, and never renders). Pinned: PDF.js 5.5 and later join runs of a line
// that 5.4 keeps apart, which changes the text found under a link (see
// docs/dependencies.md).
import * as pdfjs from "unpdf/pdfjs";

/** A run of text as PDF.js reports it: `transform` is [a, b, c, d, x, y]. */
export interface TextItem {
  str: string;
  width: number;
  transform: number[];
}

/** A page annotation; only links are read. */
export interface Annotation {
  subtype: string;
  url?: string;
  unsafeUrl?: string;
  dest?: string | unknown[];
  rect: [number, number, number, number];
}

/** A reference to a page object, as destinations hold it. */
export interface PageRef {
  num: number;
  gen: number;
}

export interface PdfPage {
  getTextContent(): Promise<{ items: Array<TextItem | { type: string }> }>;
  getAnnotations(): Promise<unknown[]>;
}

/** The parts of PDF.js's document proxy that inspect uses. */
export interface PdfDocument {
  numPages: number;
  getPage(number: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info: unknown }>;
  getOutline(): Promise<unknown[] | null>;
  getDestination(name: string): Promise<unknown[] | null>;
  getPageIndex(ref: PageRef): Promise<number>;
  destroy(): Promise<void>;
}

interface GetDocumentOptions {
  data: Uint8Array;
  isEvalSupported: boolean;
  useSystemFonts: boolean;
  verbosity: number;
}

// unpdf 1.4 declares its PDF.js types with import paths NodeNext cannot follow,
// so the module is typed here by what inspect calls.
const reader = pdfjs as unknown as { getDocument(options: GetDocumentOptions): { promise: Promise<PdfDocument> } };

/** Opens a PDF held in memory. The bytes are handed over: pass a copy if they are needed after. */
export function openPdfDocument(data: Uint8Array): Promise<PdfDocument> {
  return reader.getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
}
