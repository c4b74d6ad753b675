import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { copySamples, editFile } from "../helpers.js";

describe("warnings never stop a build", () => {
  it("markup in a cell ⇒ the build goes on, the warning is on the Issues sheet, nothing left out", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/cooperation-areas.csv"), "defense-cooperation,Bilateral defense cooperation", "defense-cooperation,Bilateral < strong >defense< / strong > cooperation");
    const period = weekPeriod("2025-W07");
    const result = await buildReports({ inputs: join(dir, "inputs"), templates: "templates", config: DEFAULT_CONFIG, period, asOf: period.to, formats: ["xlsx"] });
    expect(result.issues).toMatchObject([{ severity: "warning", code: "markup_suspect", line: 2, column: "name" }]);
    expect(result.briefing.topics.find((t) => t.id === "defense-cooperation")?.name).toBe("Bilateral < strong >defense< / strong > cooperation");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.files[0]!.bytes) as unknown as ArrayBuffer);
    const row = (workbook.getWorksheet("Issues")!.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 6)).toEqual(["warning", undefined, join(dir, "inputs/cooperation-areas.csv"), 2, "name", "< strong >"]);
  });
});
