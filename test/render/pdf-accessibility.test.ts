import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { buildReports, type BuildReportsResult as BuildResult } from "../../src/build.js";
import { DEFAULT_CONFIG, type Config } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { nameLookup } from "../../src/model/names.js";
import { elements, readStructure, type PdfStructure, type StructElement } from "./pdf-structure.js";

const period = weekPeriod("2025-W07");

async function generated(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "briefkit-ua-")), "inputs");
  await writeGeneratedInputs(dir, { engagements: 300, partners: 40, topics: 25, seed: 1 });
  return dir;
}

const types = (element: StructElement) => element.children.map((child) => child.type);
const only = (element: StructElement, type: string) => element.children.filter((child) => child.type === type);

// A heat map is the one kind of table with a caption.
function heatMaps(pdf: PdfStructure): StructElement[] {
  return [...elements(pdf.root)].filter((e) => e.type === "Table" && e.children[0]?.type === "Caption");
}

describe.each([
  ["the sample packet", async (): Promise<string> => "inputs", {}, null],
  ["the es-PE edition", async (): Promise<string> => "inputs", { locale: "es-PE" }, null],
  ["a PDF/A-1b packet", async (): Promise<string> => "inputs", {}, "PDF/A-1b"],
  ["a PDF/A-2b packet", async (): Promise<string> => "inputs", {}, "PDF/A-2b"],
  ["a packet of 300 engagements over 40 partners and 25 topics", generated, {}, null],
] as const)("%s, as PDF/UA-1 asks", (_name, inputs, settings, pdfa) => {
  let result: BuildResult;
  let pdf: PdfStructure;

  beforeAll(async () => {
    const config: Config = { ...DEFAULT_CONFIG, ...settings, pdfa };
    const templates = "locale" in settings ? "templates/es-PE" : "templates";
    result = await buildReports({ inputs: await inputs(), templates, config, period, asOf: period.to, formats: ["pdf"] });
    pdf = readStructure(result.files[0]!.bytes);
  });

  it("each heat map is a table: its caption, topics as column headers, a row per partner headed by its name, the totals in a footer row", () => {
    const { briefing } = result;
    const maps = heatMaps(pdf);
    const matrices = briefing.matrix.period.total > 0 ? [briefing.matrix.window, briefing.matrix.period] : [briefing.matrix.window];
    expect(maps).toHaveLength(matrices.length);
    const topicName = nameLookup(briefing.topics);
    const partnerName = nameLookup(briefing.partners);
    maps.forEach((map, m) => {
      const matrix = matrices[m]!;
      expect(types(map)).toEqual(["Caption", "THead", "TBody", "TFoot"]);
      expect(map.children[0]!.mcids).toBeGreaterThan(0);
      const [head] = only(only(map, "THead")[0]!, "TR");
      expect(types(head!)).toEqual(["TD", ...matrix.topics.map(() => "TH"), "TH"]);
      const heads = head!.children.slice(1);
      expect(heads.map((th) => th.scope)).toEqual(heads.map(() => "Column"));
      expect(heads.map((th) => th.actualText)).toEqual([...matrix.topics.map(topicName), expect.any(String)]);
      const rows = only(only(map, "TBody")[0]!, "TR");
      expect(rows.map((tr) => tr.children[0]!.actualText)).toEqual(matrix.partners.map(partnerName));
      rows.forEach((tr, r) => {
        expect(types(tr)).toEqual(["TH", ...matrix.topics.map(() => "TD"), "TD"]);
        expect(tr.children[0]!.scope).toBe("Row");
        // A count is drawn into its cell; a cell of none reads as 0.
        matrix.counts[r]!.forEach((count, c) => {
          const td = tr.children[c + 1]!;
          if (count === 0) expect(td).toMatchObject({ mcids: 0, actualText: "0" });
          else expect(td.mcids).toBe(1);
        });
        expect(tr.children.at(-1)!.mcids).toBe(1);
      });
      const [totals] = only(only(map, "TFoot")[0]!, "TR");
      expect(totals!.children[0]).toMatchObject({ type: "TH", scope: "Row", actualText: heads.at(-1)!.actualText });
      expect(totals!.children.slice(1).every((td) => td.type === "TD" && td.mcids === 1)).toBe(true);
    });
    expect(new Set(maps.map((map) => map.children[0]!.id)).size).toBe(maps.length);
  });

  it("no figure hides a heat map: the figures are the partners' profiles", () => {
    const figures = [...elements(pdf.root)].filter((e) => e.type === "Figure");
    expect(figures.length).toBe(result.briefing.partners.filter((p) => p.id !== result.briefing.config.focus).length);
    for (const figure of figures) expect(figure.alt).toMatch(/\d/);
  });

  it("every header cell of every table has a scope", () => {
    const ths = [...elements(pdf.root)].filter((e) => e.type === "TH");
    expect(ths.length).toBeGreaterThan(0);
    for (const th of ths) expect(["Row", "Column"]).toContain(th.scope);
  });

  it("each contents entry is a TOCI holding a Reference to a Link: its title and page number, each under an annotation", () => {
    const items = [...elements(pdf.root)].filter((e) => e.type === "TOCI");
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      expect(types(item)).toEqual(["Reference"]);
      const reference = item.children[0]!;
      expect(types(reference)).toEqual(["Link"]);
      expect(reference.children[0]).toMatchObject({ mcids: 2, annotations: [expect.any(String), expect.any(String)] });
    }
  });

  it("every link annotation sits in a Link element, points back to it, and says where it leads", () => {
    const links = new Map([...elements(pdf.root)].filter((e) => e.type === "Link").flatMap((e) => e.annotations.map((a) => [a, e.id] as const)));
    const annotations = pdf.annotations.filter((a) => a.subtype === "Link");
    expect(annotations.length).toBeGreaterThan(10);
    for (const annotation of annotations) {
      expect(links.get(annotation.id), annotation.id).toBeDefined();
      expect(pdf.parentTree.get(annotation.structParent!)).toBe(links.get(annotation.id));
      expect(annotation.contents?.trim()).not.toBe("");
    }
  });

  it("the running marking and page numbers are header and footer artifacts", () => {
    const pagination = pdf.artifacts.filter((a) => a.includes("/Pagination"));
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pagination.filter((a) => a === "/Type /Pagination /Subtype /Footer")).toHaveLength(pdf.pages);
    expect(pagination.filter((a) => a === "/Type /Pagination /Subtype /Header").length).toBeGreaterThanOrEqual(pdf.pages);
    expect(pagination.every((a) => /\/Subtype \/(Header|Footer)$/.test(a))).toBe(true);
  });

  it("the XMP metadata names PDF/UA-1 and holds the modification date of the Info dictionary", () => {
    expect(pdf.xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    const modified = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z/.exec(pdf.info["ModDate"]!)!;
    const [, y, mo, d, h, mi, s] = modified;
    expect(pdf.xmp).toContain(`<xmp:ModifyDate>${y}-${mo}-${d}T${h}:${mi}:${s}Z</xmp:ModifyDate>`);
    expect(pdf.xmp).toContain(`<xmp:CreateDate>${y}-${mo}-${d}T${h}:${mi}:${s}Z</xmp:CreateDate>`);
    // PDF/A allows only declared properties: pdfuaid is declared by an extension schema.
    const declared = /<pdfaSchema:namespaceURI>http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/<\/pdfaSchema:namespaceURI>\s*<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/;
    if (pdfa === null) expect(pdf.xmp).not.toContain("pdfaExtension");
    else expect(pdf.xmp).toMatch(declared);
  });

  it(pdfa === "PDF/A-1b" ? "each font's CIDSet lists every glyph of its font program" : "no font carries a CIDSet", () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) expect(font.cidSet, font.name).toBe(pdfa === "PDF/A-1b" ? font.glyphs : undefined);
  });
});
