import JSZip from "jszip";
import { describe, expect, it } from "vitest";
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
