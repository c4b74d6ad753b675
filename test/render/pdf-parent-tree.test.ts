import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../src/render/pdf/layout.js";
import { trimParentTree, trimParentTreeAsPagesAdd } from "../../src/render/pdf/parent-tree.js";

/** Stands in for pdfkit's reference class: printed as "id gen R"; `offset` is set once written out. */
class Reference {
  data = { S: "P", Alt: "a long alternative text" };
  offset?: number;
  constructor(
    readonly id: number,
    readonly gen = 0,
  ) {}
  toString(): string {
    return `${this.id} ${this.gen} R`;
  }
}

const written = (id: number): Reference => Object.assign(new Reference(id), { offset: 100 * id });

/** A document whose parent tree holds the given items. */
function docWith(items: Record<string, unknown>): Doc {
  return { getStructParentTree: () => ({ _items: items }) } as unknown as Doc;
}

describe("trimParentTree", () => {
  it.each([
    ["a written reference", [written(7)], 1],
    ["a reference not written yet", [new Reference(7)], 0],
    ["a null slot", [null], 0],
    ["a number", [7], 0],
  ])("%s ⇒ %i swapped", (_name, entries, count) => {
    const items = { 0: [...entries] };
    expect(trimParentTree(docWith(items))).toBe(count);
    expect(items[0].map(String)).toEqual(entries.map(String));
  });

  it("a written reference ⇒ one of the same class, printed the same, without the dictionary", () => {
    const items: Record<string, unknown> = { 0: [written(7), new Reference(8)], 1: written(9) };
    expect(trimParentTree(docWith(items))).toBe(2);
    const [small, open] = items[0] as Reference[];
    expect(small).toBeInstanceOf(Reference);
    expect(String(small)).toBe("7 0 R");
    expect(small!.data).toBeUndefined();
    expect(open!.data).toBeDefined();
    expect(String(items[1])).toBe("9 0 R");
    expect(trimParentTree(docWith(items))).toBe(0);
  });

  it("a reference printed from more than its number ⇒ kept", () => {
    class Named extends Reference {
      override toString(): string {
        return `${this.id} ${this.gen} R ${this.data.S}`;
      }
    }
    const entry = Object.assign(new Named(3), { offset: 10 });
    const items = { 0: [entry] };
    expect(trimParentTree(docWith(items))).toBe(0);
    expect(items[0][0]).toBe(entry);
  });

  it.each([
    ["no parent tree", {} as Doc],
    ["a parent tree without items", { getStructParentTree: () => ({}) } as unknown as Doc],
  ])("%s ⇒ nothing swapped", (_name, doc) => {
    expect(trimParentTree(doc)).toBe(0);
  });
});

/** Draws tagged paragraphs over many pages. */
async function drawTagged(trim: boolean): Promise<{ bytes: Buffer; full: number; small: number }> {
  const doc: Doc = new PDFDocument({ bufferPages: true, tagged: true, info: { CreationDate: new Date(Date.UTC(2025, 1, 16)) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
  });
  if (trim) trimParentTreeAsPagesAdd(doc);
  const root = doc.struct("Document");
  doc.addStructure(root);
  for (let i = 0; i < 1200; i++) {
    const p = doc.struct("P");
    root.add(p);
    p.add(() => doc.text(`Paragraph ${i}: an engagement of the week.`));
    p.end();
  }
  const items = Object.values((doc as unknown as { getStructParentTree(): { _items: Record<string, unknown[]> } }).getStructParentTree()._items).flat();
  const full = items.filter((entry) => (entry as { data?: unknown }).data !== undefined).length;
  root.end();
  doc.end();
  return { bytes: await done, full, small: items.length - full };
}

describe("trimParentTreeAsPagesAdd", () => {
  it("1,200 tagged paragraphs over many pages ⇒ most entries swapped, the same bytes as without", async () => {
    const plain = await drawTagged(false);
    const trimmed = await drawTagged(true);
    expect(plain.small).toBe(0);
    expect(trimmed.small).toBeGreaterThan(trimmed.full);
    expect(trimmed.bytes.equals(plain.bytes)).toBe(true);
  });
});
