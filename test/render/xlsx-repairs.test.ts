import { parse } from "csv-parse/sync";
import JSZip from "jszip";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { composeBriefing, type WorkbookSpec } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import type { Briefing } from "../../src/model/briefing.js";
import { repackZip } from "../../src/output/zip.js";
import { renderWorkbook } from "../../src/render/xlsx/workbook.js";
import { PERIOD, config } from "./xlsx-helpers.js";

/** The XML parts of a workbook, by name, with its sheets' names in order. */
async function readParts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml") || name.endsWith(".rels")) parts.set(name, await zip.file(name)!.async("string"));
  const workbook = parts.get("xl/workbook.xml")!;
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]!));
  const sheets = names.map((name, index) => ({ name, index, xml: parts.get(`xl/worksheets/sheet${index + 1}.xml`)! }));
  const definedNames = [...workbook.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({ attributes: m[1]!, text: unescape(m[2]!) }));
  return { parts, sheets, definedNames };
}

const unescape = (xml: string) => xml.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function sample(): Promise<{ briefing: Briefing; spec: WorkbookSpec }> {
  const { briefing } = await buildReports({ inputs: "inputs", templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [] });
  return { briefing, spec: composeBriefing(briefing, await loadTemplates("templates")).workbook };
}

/** The workbook as a build writes it: rendered, then re-packed. */
async function workbookOf(options: { briefing: Briefing; spec: WorkbookSpec; streamAbove?: number }) {
  return readParts(repackZip(await renderWorkbook(options), { date: PERIOD.to }));
}

describe.each([
  ["made in memory", Number.MAX_SAFE_INTEGER, 1],
  ["streamed", 0, 7],
])("the sample workbook %s", (_, streamAbove, filters) => {
  let workbook: Awaited<ReturnType<typeof readParts>>;
  beforeAll(async () => {
    workbook = await workbookOf({ ...(await sample()), streamAbove });
  });

  it("every sheet filter ⇒ the hidden _xlnm._FilterDatabase of its sheet, over the same range", () => {
    const filtered = workbook.sheets.flatMap((sheet) => {
      const ref = /<autoFilter ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(sheet.xml);
      return ref === null ? [] : [{ sheet, range: `$${ref[1]}$${ref[2]}:$${ref[3]}$${ref[4]}` }];
    });
    expect(filtered).toHaveLength(filters);
    for (const { sheet, range } of filtered) {
      const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
      expect(workbook.definedNames).toContainEqual({ attributes: `name="_xlnm._FilterDatabase" localSheetId="${sheet.index}" hidden="1"`, text: `${quoted}!${range}` });
    }
    expect(workbook.definedNames.filter((n) => n.attributes.includes("_FilterDatabase"))).toHaveLength(filters);
  });

  it("conditional formats ⇒ a priority of their own on each sheet", () => {
    const matrix = workbook.sheets[1]!.xml;
    const priorities = [...matrix.matchAll(/<cfRule [^>]*priority="(\d+)"/g)].map((m) => Number(m[1]));
    expect(priorities.length).toBe(3);
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it("no text cell is marked as a formula's string without a formula", () => {
    for (const sheet of workbook.sheets) expect(sheet.xml, sheet.name).not.toMatch(/<c [^>]*t="str"[^>]*>(?!<f)/);
    const strings = workbook.sheets.map((sheet) => (sheet.xml.match(/t="inlineStr"|t="s"/g) ?? []).length);
    expect(strings.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it("no table says it shows a totals row it does not have", () => {
    const tables = [...workbook.parts].filter(([name]) => name.startsWith("xl/tables/"));
    expect(tables.length).toBe(streamAbove === 0 ? 0 : 6);
    for (const [name, xml] of tables) expect(xml, name).toMatch(/totalsRowShown="0"/);
  });
});

describe("edges of what Excel accepts", () => {
  let base: { briefing: Briefing; spec: WorkbookSpec };
  beforeAll(async () => {
    base = await sample();
  });

  it("sheets named with an apostrophe ⇒ print titles and formulas quote them with the apostrophe doubled", async () => {
    const { sheets } = base.spec;
    const spec = { ...base.spec, sheets: { ...sheets, partners: { ...sheets.partners, name: "Partner's list" }, engagementTopics: { ...sheets.engagementTopics, name: "O'Brien's topics" } } };
    const workbook = await workbookOf({ briefing: base.briefing, spec });
    const titles = workbook.definedNames.filter((n) => n.attributes.startsWith('name="_xlnm.Print_Titles"'));
    expect(titles.length).toBe(8);
    for (const title of titles) {
      const index = Number(/localSheetId="(\d+)"/.exec(title.attributes)![1]);
      expect(title.text).toBe(`'${workbook.sheets[index]!.name.replace(/'/g, "''")}'!${/!(.*)$/.exec(title.text)![1]}`);
    }
    expect(titles.map((t) => t.text)).toContain("'Partner''s list'!$1:$1");
    expect(workbook.sheets[1]!.xml).toContain("COUNTIFS(&apos;O&apos;&apos;Brien&apos;&apos;s topics&apos;!$F:$F");
  });

  it("the longest marking allowed, with & ⇒ every page header and footer within Excel's 255 characters", async () => {
    const marking = "SECRET & ".repeat(30).slice(0, 180);
    expect(marking.length + (marking.match(/&/g) ?? []).length).toBe(200);
    const workbook = await workbookOf({ briefing: base.briefing, spec: { ...base.spec, marking } });
    for (const sheet of workbook.sheets) {
      const texts = [...sheet.xml.matchAll(/<(oddHeader|oddFooter)>([^<]*)</g)].map((m) => unescape(m[2]!));
      expect(texts, sheet.name).toHaveLength(2);
      for (const text of texts) expect(text.length, sheet.name).toBeLessThanOrEqual(255);
      expect(texts[0], sheet.name).toContain(marking.replace(/&/g, "&&"));
    }
  });

  it("a summary of many lines ⇒ its row no taller than Excel's 409 points", async () => {
    const summary = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} of a long readout.`).join("\n");
    const workbook = await workbookOf(await briefingWith((rows) => (rows[0]!.summary = summary)));
    const heights = workbook.sheets.flatMap((sheet) => [...sheet.xml.matchAll(/<row [^>]*\sht="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(Math.max(...heights)).toBe(409);
  });

  it("links ⇒ written percent-encoded; one longer than Excel opens ⇒ plain text, with a warning on the Issues sheet", async () => {
    const long = `https://example.org/${"a".repeat(2_100)}`;
    const workbook = await workbookOf(await briefingWith((rows) => {
      rows[0]!.source_url = "https://example.org/informe final/Perú?q=a b";
      rows[1]!.source_url = long;
    }));
    const rels = workbook.parts.get("xl/worksheets/_rels/sheet3.xml.rels")!;
    const targets = [...rels.matchAll(/Target="([^"]*)"/g)].map((m) => unescape(m[1]!));
    expect(targets).toContain("https://example.org/informe%20final/Per%C3%BA?q=a%20b");
    for (const target of targets) expect(target.length).toBeLessThanOrEqual(2_079);
    expect(workbook.parts.get("xl/sharedStrings.xml")).toContain(long);
    const message = base.spec.sheets.engagements.linkTooLong;
    expect(message).toContain("2,079");
    expect(workbook.parts.get("xl/sharedStrings.xml")).toContain(message);
  });
});

/** The sample briefing and workbook text, from inputs whose engagements.csv rows were changed. */
async function briefingWith(change: (rows: Array<Record<string, string>>) => void): Promise<{ briefing: Briefing; spec: WorkbookSpec }> {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-repairs-"));
  await cp("inputs", dir, { recursive: true });
  const rows = parse(await readFile(join(dir, "engagements.csv")), { columns: true, bom: true }) as Array<Record<string, string>>;
  change(rows);
  const header = Object.keys(rows[0]!);
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  await writeFile(join(dir, "engagements.csv"), [header.join(","), ...rows.map((row) => header.map((key) => quote(row[key] ?? "")).join(","))].join("\n"));
  const { briefing } = await buildReports({ inputs: dir, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [] });
  expect(briefing.issues).toEqual([]);
  return { briefing, spec: composeBriefing(briefing, await loadTemplates("templates")).workbook };
}
