import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { buildReports } from "../../src/build.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { compactPageContents, contentChunks, joinContent } from "../../src/render/pdf/compact.js";
import type { Doc } from "../../src/render/pdf/layout.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("joinContent", () => {
  it.each([
    ["three chunks", [bytes("0 0 m\n"), bytes("10 10 l\n"), bytes("S\n")], 1, ["0 0 m\n10 10 l\nS\n"]],
    ["one chunk", [bytes("S\n")], 1, ["S\n"]],
    ["no chunks", [], 0, []],
  ])("%s ⇒ one array with the same bytes", (_name, chunks, count, expected) => {
    const page = { content: { buffer: chunks } };
    const held = page.content.buffer;
    expect(joinContent(page)).toBe(count);
    expect(page.content.buffer).toBe(held);
    expect(page.content.buffer.map((chunk) => new TextDecoder().decode(chunk))).toEqual(expected);
  });

  it.each([
    ["no page", undefined],
    ["a page without content", {}],
    ["content without a buffer", { content: {} }],
    ["a buffer that is not an array", { content: { buffer: bytes("S\n") } }],
  ])("%s ⇒ nothing changed", (_name, page) => {
    const before = JSON.stringify(page);
    expect(joinContent(page)).toBe(0);
    expect(JSON.stringify(page)).toBe(before);
  });

  it("a chunk that is not bytes ⇒ the chunks left as they are", () => {
    const chunks = [bytes("S\n"), "f\n"];
    expect(joinContent({ content: { buffer: chunks } })).toBe(2);
    expect(chunks).toEqual([bytes("S\n"), "f\n"]);
  });
});

/** Draws a few pages of text, then goes back to each page and writes on it, as the furniture does. */
async function drawPages(compact: boolean): Promise<{ bytes: Buffer; chunksDrawn: number[]; chunksAtEnd: number[] }> {
  const doc: Doc = new PDFDocument({ bufferPages: true, info: { CreationDate: new Date(Date.UTC(2025, 1, 16)) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
  });
  const joinAll = compact ? compactPageContents(doc) : () => {};
  for (let line = 0; line < 400; line++) doc.text(`Line ${line}: the engagements of the week, one after another.`);
  const chunksDrawn = pagesOf(doc).map((page) => contentChunks(page)?.length ?? -1);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.text(`Page ${i + 1}`, 20, 20, { lineBreak: false });
  }
  joinAll();
  const chunksAtEnd = pagesOf(doc).map((page) => contentChunks(page)?.length ?? -1);
  doc.end();
  return { bytes: await done, chunksDrawn, chunksAtEnd };
}

/** The buffered pages of a document, through its public page switching. */
function pagesOf(doc: Doc): unknown[] {
  const range = doc.bufferedPageRange();
  const current = doc.page;
  const pages = Array.from({ length: range.count }, (_, i) => doc.switchToPage(range.start + i));
  const index = pages.indexOf(current);
  if (index >= 0) doc.switchToPage(range.start + index);
  return pages;
}

describe("compactPageContents", () => {
  it("pages of text, written to again after switching back ⇒ one chunk per page and the same bytes as without", async () => {
    const plain = await drawPages(false);
    const compacted = await drawPages(true);
    expect(plain.chunksAtEnd.length).toBeGreaterThan(3);
    expect(Math.min(...plain.chunksDrawn)).toBeGreaterThan(20);
    // Each page is joined when the next one is added; the last one is still being written to.
    expect(compacted.chunksDrawn.slice(0, -1)).toEqual(plain.chunksDrawn.slice(0, -1).map(() => 1));
    expect(compacted.chunksDrawn.at(-1)).toBeGreaterThan(20);
    expect(compacted.chunksAtEnd).toEqual(plain.chunksAtEnd.map(() => 1));
    expect(compacted.bytes.equals(plain.bytes)).toBe(true);
  });
});

describe("the packet of 300 generated engagements, at the end of drawing", () => {
  const seen: { chunks: number[]; queued: number; entries: unknown[] }[] = [];
  const end = PDFDocument.prototype.end;

  beforeAll(async () => {
    PDFDocument.prototype.end = function (this: Doc) {
      const tree = (this as unknown as { getStructParentTree(): { _items: Record<string, unknown> } }).getStructParentTree();
      seen.push({ chunks: pagesOf(this).map((page) => contentChunks(page)?.length ?? -1), queued: this.readableLength, entries: Object.values(tree._items).flat() });
      return end.call(this);
    };
    const inputs = join(await mkdtemp(join(tmpdir(), "briefkit-gen-")), "inputs");
    await writeGeneratedInputs(inputs, { engagements: 300, partners: 40, topics: 25, seed: 7 });
    const period = weekPeriod("2025-W07");
    await buildReports({ inputs, templates: "templates", config: DEFAULT_CONFIG, period, asOf: period.to, formats: ["pdf"] });
  });

  afterAll(() => {
    PDFDocument.prototype.end = end;
  });

  it("every page's content is one chunk ⇒ pdfkit's many small arrays were joined", () => {
    expect(seen).toHaveLength(1);
    expect(seen[0]!.chunks.length).toBeGreaterThan(3);
    expect(seen[0]!.chunks).toEqual(seen[0]!.chunks.map(() => 1));
  });

  it("structure elements in the parent tree ⇒ most of them swapped for small references", () => {
    const entries = seen[0]!.entries.filter((entry) => entry !== null);
    const full = entries.filter((entry) => (entry as { data?: unknown }).data !== undefined);
    expect(entries.length).toBeGreaterThan(100);
    expect(full.length).toBeLessThan(entries.length / 2);
  });

  it("nothing queued in the stream ⇒ the output was handed over as it was written", () => {
    expect(seen[0]!.queued).toBe(0);
  });
});
