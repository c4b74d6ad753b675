import { beforeAll, describe, expect, it } from "vitest";
import { composeBriefing, workbookSpecSchema, type WorkbookSpec } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { buildReports } from "../../src/build.js";
import { renderWorkbook } from "../../src/render/xlsx/workbook.js";
import { PERIOD, SPECIAL, config, findRow, readWorkbook } from "./xlsx-helpers.js";

describe("the workbook template's sheet names", () => {
  let spec: WorkbookSpec;
  beforeAll(async () => {
    const { briefing } = await buildReports({ inputs: "inputs", templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [] });
    spec = composeBriefing(briefing, await loadTemplates("templates")).workbook;
  });

  it.each([
    ["Engagements", true],
    ["A name of exactly thirty-one ch", true],
    ["A name of thirty-two characters!", false],
    ["Q1/Q2", false],
    ["[draft]", false],
    ["What?", false],
    ["'quoted'", false],
    ["History", false],
    ["", false],
  ])("%j ⇒ valid: %s", (name, valid) => {
    const changed = { ...spec, sheets: { ...spec.sheets, engagements: { ...spec.sheets.engagements, name } } };
    expect(workbookSpecSchema.safeParse(changed).success).toBe(valid);
  });
});

describe("the workbook template's page furniture", () => {
  let spec: WorkbookSpec;
  beforeAll(async () => {
    const { briefing } = await buildReports({ inputs: "inputs", templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [] });
    spec = composeBriefing(briefing, await loadTemplates("templates")).workbook;
  });

  it.each([
    ["a marking of 200 characters", { marking: "M".repeat(200) }, true],
    ["a marking of 201 characters", { marking: "M".repeat(201) }, false],
    ["a marking of 101 &", { marking: "&".repeat(101) }, false],
    ["a page number of 40 characters", { pageNumber: `{page}${"p".repeat(34)}` }, true],
    ["a page number of 41 characters", { pageNumber: `{page}${"p".repeat(35)}` }, false],
  ])("%s ⇒ valid: %s (the header and footer of a sheet hold 255 characters)", (_, change, valid) => {
    expect(workbookSpecSchema.safeParse({ ...spec, ...change }).success).toBe(valid);
  });

  it("no linkTooLong in a template of an older version ⇒ the English default", () => {
    const { linkTooLong: _, ...engagements } = spec.sheets.engagements;
    const parsed = workbookSpecSchema.parse({ ...spec, sheets: { ...spec.sheets, engagements } });
    expect(parsed.sheets.engagements.linkTooLong).toContain("2,079 characters");
  });
});

describe("more links than a sheet may hold", () => {
  it("links past the limit ⇒ plain text and a warning on the Issues sheet", async () => {
    const { briefing } = await buildReports({ inputs: SPECIAL, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [], allowInvalid: true });
    const spec = composeBriefing(briefing, await loadTemplates("templates")).workbook;
    const workbook = await readWorkbook(await renderWorkbook({ briefing, spec, linkLimit: 1 }));
    const engagements = workbook.getWorksheet("Engagements")!;
    const e2 = findRow(engagements, "E2");
    expect(engagements.getCell(findRow(engagements, "E1"), 12).value).toMatchObject({ hyperlink: "https://example.org/a?b=1&c=2" });
    expect(engagements.getCell(e2, 12).value).toBe("https://example.org/e2");
    const issues = workbook.getWorksheet("Issues")!;
    const last = (issues.getRow(issues.rowCount).values as unknown[]).slice(1);
    expect(last.slice(0, 5)).toEqual(["warning", undefined, "Engagements", e2, "Source link"]);
    expect(last[6]).toContain("65,530");
  });
});
