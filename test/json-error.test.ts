import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeBriefing } from "../src/compose/compose.js";
import { loadTemplates } from "../src/compose/templates.js";
import { jsonErrorPlace } from "../src/json-error.js";
import { buildReports } from "../src/build.js";
import { PERIOD, config } from "./render/xlsx-helpers.js";
import { editFile } from "./helpers.js";

const place = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonErrorPlace(text, error);
  }
  throw new Error("the text parsed");
};

describe("jsonErrorPlace", () => {
  it.each([
    ["a comma missing between entries", '{\n  "title": "Lima",\n  "focus": "peru"\n  "locale": "en-US"\n}\n', { line: 4, column: 3, lineText: '"locale": "en-US"' }],
    ["a name without quotes", "{ title: 1 }", { line: 1, column: 3, lineText: "{ title: 1 }" }],
    ["a comma after the last entry", '{\r\n  "a": 1,\r\n}', { line: 3, column: 1, lineText: "}" }],
    ["the text ends too soon", '{ "a": [1,\n  2', { line: 2, column: 4, lineText: "2" }],
    ["nothing at all", "", { line: 1, column: 1, lineText: "" }],
  ])("%s ⇒ %j", (_, text, expected) => {
    const found = place(text);
    expect(found).toMatchObject(expected);
    expect(found.reason).not.toMatch(/position|JSON at/);
    expect(found.reason.length).toBeGreaterThan(5);
  });
});

describe("a template whose output is not JSON", () => {
  it("⇒ the line and column of the output, and what that line reads", async () => {
    const templates = await mkdtemp(join(tmpdir(), "briefkit-json-"));
    await cp("templates", templates, { recursive: true });
    await editFile(join(templates, "workbook.json.hbs"), '"name": "Matrix",', '"name": "Matrix"');
    const { briefing } = await buildReports({ inputs: "inputs", templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [] });
    const loaded = await loadTemplates(templates);
    expect(() => composeBriefing(briefing, loaded)).toThrow(/workbook\.json\.hbs: the template's output is not valid JSON: Expected ',' or '}' after property value, at line \d+, column \d+ of the output, which reads: "windowTitle": "Partners × topics/);
  });
});
