import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderInputWorkbook } from "../../src/init/input-workbook.js";
import { loadInputs } from "../../src/inputs/load.js";
import { cellText, parseXlsx } from "../../src/inputs/xlsx.js";
import { PARTNERS, TOPICS } from "../helpers.js";

async function xlsxOf(rows: ExcelJS.CellValue[][], gaps: number[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("data");
  let line = 1;
  for (const row of rows) {
    while (gaps.includes(line)) line++;
    sheet.getRow(line++).values = row;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("parseXlsx", () => {
  it("folds headers and numbers rows by their sheet row, skipping empty ones", async () => {
    const bytes = await xlsxOf([["ID", "Start Date", "title"], ["E1", new Date(Date.UTC(2025, 1, 14)), "Talks"], ["E2", "2025-02-15", "Visit"]], [3]);
    const { table, issues } = await parseXlsx(bytes, "inputs/engagements.xlsx");
    expect(issues).toEqual([]);
    expect(table).toEqual({
      columns: ["id", "start_date", "title"],
      labels: { id: "ID", start_date: "Start Date", title: "title" },
      rows: [
        { line: 2, cells: { id: "E1", start_date: "2025-02-14", title: "Talks" } },
        { line: 4, cells: { id: "E2", start_date: "2025-02-15", title: "Visit" } },
      ],
      delimiter: ",",
    });
  });

  it.each([
    [null, false, ""],
    [42, false, "42"],
    [true, false, "true"],
    [new Date(Date.UTC(2025, 1, 14)), false, "2025-02-14"],
    [{ richText: [{ text: "Pe" }, { text: "rú" }] }, false, "Perú"],
    [{ text: "DoD readout", hyperlink: "https://www.defense.gov/x" }, false, "DoD readout"],
    [{ text: "DoD readout", hyperlink: "https://www.defense.gov/x" }, true, "https://www.defense.gov/x"],
    [{ formula: "A1+1", result: 3 }, false, "3"],
    [{ error: "#N/A" }, false, "#N/A"],
  ] as Array<[ExcelJS.CellValue, boolean, string]>)("%j (link: %s) ⇒ %j", (value, link, text) => {
    expect(cellText(value, link)).toBe(text);
  });

  it.each([
    [new TextEncoder().encode("id,name\n"), "file_binary", "the file is not an Excel workbook (.xlsx)"],
    [null, "file_empty", "the first sheet is empty"],
  ])("a bad workbook ⇒ %s", async (bytes, code, message) => {
    const { table, issues } = await parseXlsx(bytes ?? (await xlsxOf([])), "x.xlsx");
    expect(table).toBeNull();
    expect(issues).toMatchObject([{ file: "x.xlsx", code, message }]);
  });

  it("a value under no header ⇒ an error naming the row and column", async () => {
    const { issues } = await parseXlsx(await xlsxOf([["id", "name"], ["a", "A", "", "stray"]]), "x.xlsx");
    expect(issues).toMatchObject([{ line: 2, code: "field_count", value: "stray", message: "column D has a value but no header" }]);
  });
});

describe("engagements.xlsx stands in for engagements.csv", () => {
  async function folder(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-xlsx-"));
    await writeFile(join(dir, "partners.csv"), PARTNERS);
    await writeFile(join(dir, "cooperation-areas.csv"), TOPICS);
    return dir;
  }

  it("the data-entry workbook, filled in, loads like the CSV, with sheet row numbers in messages", async () => {
    const dir = await folder();
    const template = await renderInputWorkbook({ partners: ["Perú", "United States"], topics: ["Cybersecurity"], created: new Date(Date.UTC(2025, 1, 17)) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("engagements")!;
    sheet.getRow(2).values = ["E1", new Date(Date.UTC(2025, 1, 11)), null, "Staff talks", "United States; Perú", "Cybersecurity", "talks", "Lima"];
    sheet.getRow(4).values = ["E2", new Date(Date.UTC(2025, 1, 12)), null, "Visit", "Narnia", "cybersecurity", "visit"];
    await writeFile(join(dir, "engagements.xlsx"), new Uint8Array(await workbook.xlsx.writeBuffer()));

    const { data, issues } = await loadInputs({ dir });
    expect(data.engagements).toMatchObject([{ id: "E1", startDate: "2025-02-11", partners: ["united-states", "peru"], topics: ["cybersecurity"], kind: "talks", line: 2 }]);
    expect(issues).toMatchObject([{ file: join(dir, "engagements.xlsx"), line: 4, column: "partners", value: "Narnia", code: "reference_unknown" }]);
  });

  it("engagements.csv, when there, wins over engagements.xlsx", async () => {
    const dir = await folder();
    await writeFile(join(dir, "engagements.xlsx"), await xlsxOf([["id"], ["x"]]));
    await writeFile(join(dir, "engagements.csv"), "id,start_date,title,partners,topics\nE9,2025-02-11,Talks,france,space\n");
    const { data, issues } = await loadInputs({ dir });
    expect(issues).toEqual([]);
    expect(data.engagements.map((e) => e.id)).toEqual(["E9"]);
    expect(data.files.engagements).toBe(join(dir, "engagements.csv"));
  });
});
