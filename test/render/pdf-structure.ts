import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A structure element of a PDF's tag tree, as qpdf reads it. */
export interface StructElement {
  id: string;
  type: string;
  scope?: string;
  actualText?: string;
  alt?: string;
  /** How many marked-content sequences it holds itself. */
  mcids: number;
  /** The annotations it holds (OBJR), by object id. */
  annotations: string[];
  children: StructElement[];
}

/** What the tags, annotations, metadata and fonts of a PDF hold, for tests of its accessibility and archival structure. */
export interface PdfStructure {
  /** The element at the root of the tag tree (Document). */
  root: StructElement;
  annotations: Array<{ id: string; subtype: string; contents: string | undefined; structParent: number | undefined }>;
  pages: number;
  /** The parent tree: the element (object id) of each annotation's StructParent key. */
  parentTree: Map<number, unknown>;
  /** The property list of every artifact in the pages' content, as written ("/Type /Pagination /Subtype /Header"; "" for none). */
  artifacts: string[];
  xmp: string;
  info: Record<string, string>;
  /** Each embedded font program's glyph count, and how many glyphs its CIDSet lists (undefined without one). */
  fonts: Array<{ name: string; glyphs: number; cidSet: number | undefined }>;
}

type Objects = Record<string, { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } }>;

/** Reads the structure of a PDF with `qpdf --json`, streams decoded. */
export function readStructure(bytes: Uint8Array): PdfStructure {
  const path = join(mkdtempSync(join(tmpdir(), "briefkit-tags-")), "packet.pdf");
  writeFileSync(path, bytes);
  const json = execFileSync("qpdf", ["--json", "--json-stream-data=inline", "--decode-level=generalized", path], { maxBuffer: 512 * 1024 * 1024 }).toString("utf8");
  const objects = (JSON.parse(json) as { qpdf: [unknown, Objects] }).qpdf[1];
  const get = (ref: unknown): unknown => (typeof ref === "string" && /^\d+ 0 R$/.test(ref) ? (objects[`obj:${ref}`]?.value ?? objects[`obj:${ref}`]?.stream?.dict) : ref);
  const data = (ref: unknown) => Buffer.from(objects[`obj:${String(ref)}`]?.stream?.data ?? "", "base64");
  const dict = (ref: unknown) => (get(ref) ?? {}) as Record<string, unknown>;
  const trailer = dict(objects["trailer"]?.value);
  const catalog = dict(trailer["/Root"]);
  const treeRoot = dict(catalog["/StructTreeRoot"]);
  const dictionaries = Object.entries(objects).map(([key, o]) => [key.slice(4), (o.value ?? o.stream?.dict) as Record<string, unknown>] as const);
  return {
    root: readElement(firstOf(treeRoot["/K"]) as string, dict),
    annotations: dictionaries.filter(([, v]) => v?.["/Type"] === "/Annot").map(([id, v]) => ({
      id, subtype: String(v["/Subtype"]).slice(1), contents: text(get(v["/Contents"])), structParent: v["/StructParent"] as number | undefined,
    })),
    pages: pageContents(catalog, dict, data).length,
    parentTree: new Map(numberTree(dict(treeRoot["/ParentTree"]), dict)),
    artifacts: pageContents(catalog, dict, data).flatMap((content) => [...content.matchAll(/\/Artifact\s*(?:<<(.*?)>>\s*BDC|BMC)/g)].map((m) => (m[1] ?? "").trim())),
    xmp: data(catalog["/Metadata"]).toString("utf8"),
    info: Object.fromEntries(Object.entries(dict(trailer["/Info"])).map(([k, v]) => [k.slice(1), text(get(v)) ?? ""])),
    fonts: dictionaries.filter(([, v]) => v?.["/Type"] === "/FontDescriptor" && "/FontFile2" in v).map(([, v]) => ({
      name: String(v["/FontName"]).slice(1),
      glyphs: numGlyphs(data(v["/FontFile2"])),
      cidSet: "/CIDSet" in v ? [...data(v["/CIDSet"])].reduce((sum, byte) => sum + bitCount(byte), 0) : undefined,
    })),
  };
}

function readElement(ref: string, dict: (ref: unknown) => Record<string, unknown>): StructElement {
  const value = dict(ref);
  const attributes = dict(value["/A"]);
  const element: StructElement = { id: ref, type: String(value["/S"]).slice(1), mcids: 0, annotations: [], children: [] };
  if (attributes["/Scope"] !== undefined) element.scope = String(attributes["/Scope"]).slice(1);
  if (value["/ActualText"] !== undefined) element.actualText = text(value["/ActualText"]);
  if (value["/Alt"] !== undefined) element.alt = text(value["/Alt"]);
  for (const kid of listOf(value["/K"])) {
    if (typeof kid === "number") element.mcids++;
    else if (typeof kid === "string") element.children.push(readElement(kid, dict));
    else if ((kid as Record<string, unknown>)["/Type"] === "/MCR") element.mcids++;
    else if ((kid as Record<string, unknown>)["/Type"] === "/OBJR") element.annotations.push(String((kid as Record<string, unknown>)["/Obj"]));
  }
  return element;
}

/** Every element of a tree, depth first in reading order. */
export function* elements(root: StructElement): Generator<StructElement> {
  yield root;
  for (const child of root.children) yield* elements(child);
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function firstOf(value: unknown): unknown {
  return listOf(value)[0];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value.replace(/^u:/, "") : undefined;
}

function numberTree(node: Record<string, unknown>, dict: (ref: unknown) => Record<string, unknown>): Array<[number, unknown]> {
  const nums = listOf(node["/Nums"]);
  const own = Array.from({ length: nums.length / 2 }, (_, i) => [nums[2 * i] as number, nums[2 * i + 1]] as [number, unknown]);
  return [...own, ...listOf(node["/Kids"]).flatMap((kid) => numberTree(dict(kid), dict))];
}

function pageContents(catalog: Record<string, unknown>, dict: (ref: unknown) => Record<string, unknown>, data: (ref: unknown) => Buffer): string[] {
  const pages = (node: Record<string, unknown>): Array<Record<string, unknown>> =>
    node["/Type"] === "/Pages" ? listOf(node["/Kids"]).flatMap((kid) => pages(dict(kid))) : [node];
  return pages(dict(catalog["/Pages"])).map((page) => listOf(page["/Contents"]).map((ref) => data(ref).toString("latin1")).join("\n"));
}

// The glyph count of a TrueType program: numGlyphs in its maxp table.
function numGlyphs(font: Buffer): number {
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (font.toString("latin1", record, record + 4) === "maxp") return font.readUInt16BE(font.readUInt32BE(record + 8) + 4);
  }
  return -1;
}

function bitCount(byte: number): number {
  let count = 0;
  for (let b = byte; b > 0; b >>= 1) count += b & 1;
  return count;
}
