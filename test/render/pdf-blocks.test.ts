import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { buildReports } from "../../src/build.js";
import type { Block, Document, Inline } from "../../src/compose/document.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import type { Briefing } from "../../src/model/briefing.js";
import { weekPeriod } from "../../src/model/period.js";
import { renderPacket } from "../../src/render/pdf/packet.js";
import { MAX_TABLE_ROWS } from "../../src/render/pdf/blocks.js";
import { elements, readStructure } from "./pdf-structure.js";
import { inspectPdf } from "./pdf-tools.js";

const LABELS = { pageNumber: "Page {page} of {pages}", matrixTotal: "Total", title: "T", subject: "S", matrixLegend: "Legend", matrixWindowCaption: "Window map", matrixPeriodCaption: "Period map", matrixAdded: "added", profileAlt: "Topics", profileEmpty: "None", tableMore: "and {count} more in the workbook" };
const cell = (text: string): Inline[] => [{ text }];
const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(4, "0")}`);

let briefing: Briefing;
beforeAll(async () => {
  const period = weekPeriod("2025-W07");
  ({ briefing } = await buildReports({ inputs: "inputs", templates: "templates", config: { ...DEFAULT_CONFIG, marking: "MARK" }, period, asOf: period.to, formats: [] }));
});

async function render(blocks: Block[]) {
  const document: Document = { blocks };
  return inspectPdf(await renderPacket({ document, briefing, labels: LABELS }));
}

describe("tables in the packet", () => {
  it("a table of many rows repeats its header on every page and keeps each row whole", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [cell(`row${String(i + 1).padStart(3, "0")}`), cell(`${words(`r${i + 1}w`, 12).join(" ")}`)]);
    const pdf = await render([{ type: "table", header: [cell("Name"), cell("Notes")], rows }]);
    expect(pdf.pages.length).toBeGreaterThan(2);
    const seen: string[] = [];
    pdf.flow.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toMatch(/^MARK\s+Name\s+Notes/);
      seen.push(...(page.match(/row\d{3}/g) ?? []));
    });
    expect(seen).toEqual(rows.map((_, i) => `row${String(i + 1).padStart(3, "0")}`));
    // A row's words are all on the page where its name is.
    pdf.flow.forEach((page) => {
      for (const name of page.match(/row\d{3}/g) ?? []) expect(page).toContain(`r${Number(name.slice(3))}w0012`);
    });
  });

  it.each([
    [MAX_TABLE_ROWS, null],
    [MAX_TABLE_ROWS + 1234, "and 1,234 more in the workbook"],
  ])("a table of %i rows ⇒ its first rows drawn, then the note %j", async (length, note) => {
    const rows = Array.from({ length }, (_, i) => [cell(`row${String(i + 1).padStart(4, "0")}`)]);
    const pdf = await render([{ type: "table", header: [cell("Name")], rows }]);
    const text = pdf.flow.join("\n");
    expect(text.match(/row\d{4}/g)).toEqual(rows.slice(0, MAX_TABLE_ROWS).map((_, i) => `row${String(i + 1).padStart(4, "0")}`));
    if (note === null) expect(text).not.toContain("more in the workbook");
    else expect(text.indexOf(note)).toBeGreaterThan(text.lastIndexOf(`row${MAX_TABLE_ROWS}`));
  });

  it("a row taller than a page is split between lines, with the header repeated, losing no word", async () => {
    const long = words("w", 1500);
    const pdf = await render([{ type: "table", header: [cell("Name"), cell("Notes")], rows: [[cell("tall"), cell(long.join(" "))], [cell("after"), cell("end")]] }]);
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.flow.forEach((page, index) => expect(page, `page ${index + 1}`).toMatch(/^MARK\s+Name\s+Notes/));
    const found = pdf.flow.join("\n").match(/\bw\d{4}\b/g) ?? [];
    expect(found).toEqual(long);
    expect(pdf.flow[pdf.flow.length - 1]).toContain("after");
  });

  it("a word wider than its column is cut, not lost", async () => {
    const url = `https://example.org/${"a".repeat(300)}`;
    const pdf = await render([{ type: "table", header: [cell("Source")], rows: [[[{ text: url, link: url }]]] }]);
    expect(pdf.flow.join("").replace(/\s+/g, "")).toContain(url);
    expect(pdf.uriLinks.every((link) => link === url)).toBe(true);
    expect(pdf.uriLinks.length).toBeGreaterThan(1);
  });
});

describe("paragraphs in the packet", () => {
  it("styled runs stay on one line when they fit, and run over pages with nothing lost", async () => {
    const paragraph: Block = { type: "paragraph", content: [{ text: "North America · " }, { text: "2 engagements", bold: true }, { text: " in the last 52 weeks." }] };
    const long = words("p", 3000);
    const pdf = await render([paragraph, { type: "paragraph", content: [{ text: long.join(" ") }] }]);
    expect(pdf.pages[0]).toContain("North America · 2 engagements in the last 52 weeks.");
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(pdf.flow.join("\n").match(/\bp\d{4}\b/g)).toEqual(long);
    pdf.bottom.forEach((strip, index) => expect(strip).toContain(`Page ${index + 1} of ${pdf.pages.length}`));
  });
});

describe("partner profiles in the packet", () => {
  it("::: profile with an unknown partner id ⇒ a template error naming the known ids", async () => {
    await expect(render([{ type: "profile", partner: "atlantis" }])).rejects.toThrow(/"::: profile atlantis" names no partner; partner ids: peru, united-states, france/);
  });
});

describe("heat maps in the packet", () => {
  it("60 topics ⇒ groups of columns shown one after another, each with the partner names; every topic and total shown", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "briefkit-wide-")), "inputs");
    await writeGeneratedInputs(dir, { engagements: 200, partners: 12, topics: 60, seed: 3 });
    const period = weekPeriod("2025-W07");
    const wide = (await buildReports({ inputs: dir, templates: "templates", config: { ...DEFAULT_CONFIG, focus: "peru" }, period, asOf: period.to, formats: [] })).briefing;
    const bytes = await renderPacket({ document: { blocks: [{ type: "matrix", which: "window" }] }, briefing: wide, labels: LABELS });
    const pdf = inspectPdf(bytes);
    const text = pdf.flow.join("\n");
    const count = (word: string) => text.split(word).length - 1;
    for (const partner of wide.partners.filter((p) => p.id !== "peru")) expect(count(`${partner.name}\n`), partner.name).toBe(2);
    for (const topic of wide.topics.slice(30)) expect(text).toContain(topic.name);
    expect(text).toMatch(new RegExp(`\\b${wide.matrix.window.total}\\b`));
    // In the tags it is one table, each row holding its counts of every group, under its caption.
    expect(pdf.figureAlts).toEqual([]);
    const [table, ...others] = [...elements(readStructure(bytes).root)].filter((e) => e.type === "Table");
    expect(others).toEqual([]);
    expect(table!.children.map((c) => c.type)).toEqual(["Caption", "THead", "TBody", "TFoot"]);
    const rows = [...elements(table!)].filter((e) => e.type === "TR");
    expect(rows).toHaveLength(wide.matrix.window.partners.length + 2);
    for (const row of rows) expect(row.children).toHaveLength(wide.matrix.window.topics.length + 2);
    expect(text).toContain("Window map");
  });
});
