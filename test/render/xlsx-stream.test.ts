import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { buildReports } from "../../src/build.js";
import { composeBriefing } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { inspectWorkbook } from "../../src/inspect/workbook.js";
import { repackZip } from "../../src/output/zip.js";
import { renderWorkbook } from "../../src/render/xlsx/workbook.js";
import { PERIOD, SPECIAL, config, readWorkbook } from "./xlsx-helpers.js";

async function bothWays(inputs: string) {
  const { briefing } = await buildReports({ inputs, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [], allowInvalid: true });
  const spec = composeBriefing(briefing, await loadTemplates("templates")).workbook;
  const render = async (streamAbove: number) => repackZip(await renderWorkbook({ briefing, spec, streamAbove, linkLimit: 1 }), { date: PERIOD.to });
  return { briefing, memory: await render(Number.MAX_SAFE_INTEGER), streamed: await render(0) };
}

// An Excel table and a header filter over the same cells read the same; the rest must not differ at all.
function withoutTables(text: string): string {
  return text.replace(/^tables: (\w+) (A1:[A-Z]+\d+) \(\w+\)$/gm, "list $2").replace(/^filter: (A1:[A-Z]+\d+)$/gm, "list $1");
}

describe.each([["inputs"], [SPECIAL]])("the workbook of %s written by the streaming writer", (inputs) => {
  it("inspects the same as the one built in memory, its tables become header filters over the same cells", async () => {
    const { memory, streamed } = await bothWays(inputs);
    const [a, b] = [await inspectWorkbook(memory), await inspectWorkbook(streamed)];
    expect(a).toMatch(/^tables: /m);
    expect(b).not.toMatch(/^tables: /m);
    expect(withoutTables(b)).toBe(withoutTables(a));
  });

  it("keeps the Matrix formulas' cached results, and the links up to the limit", async () => {
    const { streamed, briefing } = await bothWays(inputs);
    const xml = await (await JSZip.loadAsync(streamed)).file("xl/worksheets/sheet2.xml")!.async("string");
    const formulas = (xml.match(/<c [^>]*>.*?<\/c>/g) ?? []).filter((cell) => cell.includes("<f>"));
    expect(formulas.length).toBeGreaterThan(10);
    for (const cell of formulas) expect(cell).toMatch(/<v>\d+<\/v><\/c>$/);
    const engagements = (await readWorkbook(streamed)).getWorksheet("Engagements")!;
    let links = 0;
    engagements.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === "object" && cell.value !== null && "hyperlink" in cell.value) links += 1;
    }));
    expect(links).toBe(Math.min(1, briefing.engagements.filter((e) => e.sourceUrl !== null).length));
  });
});

describe("a generated archive written by the streaming writer", () => {
  it("2,500 engagements with long summaries ⇒ the same cells on every sheet as in memory, links past the limit as text in both", async () => {
    const inputs = await mkdtemp(join(tmpdir(), "briefkit-stream-"));
    await writeGeneratedInputs(inputs, { engagements: 2_500, partners: 30, topics: 20, seed: 3, longSummaries: true });
    const { briefing } = await buildReports({ inputs, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [] });
    const spec = composeBriefing(briefing, await loadTemplates("templates")).workbook;
    const read = async (streamAbove: number) => readWorkbook(await renderWorkbook({ briefing, spec, streamAbove, linkLimit: 1_000 }));
    const [memory, streamed] = [await read(Number.MAX_SAFE_INTEGER), await read(0)];
    // An empty text reads back as "" from the shared strings of the one and as no cell from the inline strings of the other.
    const cells = (workbook: ExcelJS.Workbook) =>
      workbook.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues().map((row) => {
        const values = Array.from((row ?? []) as unknown[], (v) => (v === "" || v === undefined ? null : v));
        while (values.length > 0 && values.at(-1) === null) values.pop();
        return JSON.stringify(values);
      })]);
    expect(cells(streamed)).toEqual(cells(memory));
    const engagements = streamed.getWorksheet("Engagements")!;
    expect(engagements.rowCount).toBe(2_501);
    const linked = briefing.engagements.flatMap((e, i) => (e.sourceUrl === null ? [] : [i + 2]));
    expect(linked.length).toBeGreaterThan(1_000);
    let links = 0;
    engagements.getColumn(12).eachCell((cell) => {
      if (typeof cell.value === "object" && cell.value !== null && "hyperlink" in cell.value) links += 1;
    });
    expect(links).toBe(1_000);
    const firstUnlinked = linked[1_000]!;
    expect(engagements.getCell(firstUnlinked, 12).value).toBe(briefing.engagements[firstUnlinked - 2]!.sourceUrl);
    const issues = streamed.getWorksheet("Issues")!;
    expect((issues.getRow(issues.rowCount).values as unknown[]).slice(1, 6)).toEqual(["warning", undefined, "Engagements", firstUnlinked, "Source link"]);
    expect(streamed.getWorksheet("Engagement topics")!.rowCount).toBeGreaterThan(100);
  });
});
