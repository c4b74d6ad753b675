import type { Doc } from "./layout.js";

/**
 * Keeps the content streams of buffered pages in one byte array each.
 *
 * pdfkit stores every content operator it writes as its own small byte
 * array until the document ends; with buffered pages (needed for the
 * contents page numbers and the furniture) a long packet holds about a
 * million of them, each costing far more in object overhead than its bytes.
 * When a page is added, the page added before it is joined into one array;
 * the returned function joins every page, for writes made after switching
 * back to a page. Later writes still append to the array and pdfkit joins
 * the lot when it writes the page, so the bytes are the same. Where the
 * content is not held as expected nothing is changed.
 */
export function compactPageContents(doc: Doc): () => void {
  const pages: unknown[] = [];
  const track = (): void => {
    const previous = pages.at(-1);
    if (previous !== undefined) joinContent(previous);
    pages.push(doc.page);
  };
  if (doc.page) track();
  doc.on("pageAdded", track);
  return () => pages.forEach(joinContent);
}

/** Joins a page's content chunks into one byte array, in place; the number of chunks it holds afterwards. */
export function joinContent(page: unknown): number {
  const chunks = contentChunks(page);
  if (chunks === undefined) return 0;
  if (chunks.length < 2 || !chunks.every((chunk) => chunk instanceof Uint8Array)) return chunks.length;
  const joined = new Uint8Array(chunks.reduce((sum, chunk: Uint8Array) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks as Uint8Array[]) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  chunks.splice(0, chunks.length, joined);
  return 1;
}

/** The array pdfkit collects a page's content stream in, if it is there. */
export function contentChunks(page: unknown): unknown[] | undefined {
  const content = (page as { content?: { buffer?: unknown } } | null | undefined)?.content;
  const buffer = content?.buffer;
  return Array.isArray(buffer) ? buffer : undefined;
}
