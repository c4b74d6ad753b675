import { beforeAll, describe, expect, it } from "vitest";
import { composeBriefing, workbookSpecSchema, type WorkbookSpec } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { buildReports } from "../../src/build.js";
import { PERIOD, config } from "./xlsx-helpers.js";

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
