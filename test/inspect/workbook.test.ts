import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { inspectWorkbook } from "../../src/inspect/workbook.js";

async function sampleWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = "Test book";
  workbook.creator = "Tester";
  workbook.lastModifiedBy = "Reviewer";
  workbook.created = new Date(Date.UTC(2025, 1, 16));
  workbook.modified = new Date(Date.UTC(2025, 1, 17, 8, 15));
  const sheet = workbook.addWorksheet("Data");
  sheet.addRow(["Name", "Date", "Count", "Link"]);
  sheet.addRow(["Perú", new Date(Date.UTC(2025, 1, 11)), 2, { text: "source", hyperlink: "https://example.org/a" }]);
  sheet.addRow(["France", new Date(Date.UTC(2024, 8, 19)), 3, null]);
  sheet.getCell("C4").value = { formula: "SUM(C2:C3)", result: 5 };
  sheet.getCell("A6").value = "A note | with a bar\nand a second line";
  sheet.mergeCells("A6:D6");
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  sheet.autoFilter = "A1:D3";
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
  sheet.headerFooter = { oddHeader: "&C&BSECRET", oddFooter: "&RPage &P of &N" };
  workbook.addWorksheet("Empty");
  workbook.addWorksheet("Table").addTable({ name: "People", ref: "A1", columns: [{ name: "Name" }], rows: [["Ana"]], style: { theme: "TableStyleLight9" } });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("inspectWorkbook", () => {
  it("a workbook ⇒ properties, then each sheet's settings, cells as a grid and formulas", async () => {
    expect(await inspectWorkbook(await sampleWorkbook())).toBe(
      [
        "Workbook",
        "title: Test book",
        "author: Tester",
        "last modified by: Reviewer",
        "created: 2025-02-16",
        "modified: 2025-02-17T08:15:00Z",
        "sheets: Data, Empty, Table",
        "",
        "== Sheet 1 of 3: Data ==",
        "frozen panes: row 1, column A",
        "filter: A1:D3",
        "merged: A6:D6",
        "print: landscape, A4, fit to 1 page wide × any pages tall, repeat rows 1:1",
        'header: center "SECRET"',
        'footer: right "Page {page} of {pages}"',
        "     | A | B | C | D",
        "   1 | Name | Date | Count | Link",
        "   2 | Perú | 2025-02-11 | 2 | source <https://example.org/a>",
        "   3 | France | 2024-09-19 | 3",
        "   4 |  |  | 5",
        "   6 | A note \\| with a bar\\nand a second line",
        "formulas:",
        "  C4 =SUM(C2:C3) ⇒ 5",
        "",
        "== Sheet 2 of 3: Empty ==",
        "print: portrait, default paper, margins 0.7/0.7/0.75/0.75 in (left/right/top/bottom)",
        "(no cells)",
        "",
        "== Sheet 3 of 3: Table ==",
        "tables: People A1:A2 (TableStyleLight9)",
        "print: portrait, default paper, margins 0.7/0.7/0.75/0.75 in (left/right/top/bottom)",
        "     | A",
        "   1 | Name",
        "   2 | Ana",
        "",
      ].join("\n"),
    );
  });

  it("bytes that are not a workbook ⇒ a BriefkitError naming the file", async () => {
    await expect(inspectWorkbook(new TextEncoder().encode("id,name\n"), { name: "notes.xlsx" })).rejects.toThrow(
      "notes.xlsx is not an Excel workbook (.xlsx) that can be read",
    );
  });
});
