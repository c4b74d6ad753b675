import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ENTRY_ROWS, renderInputWorkbook } from "../../src/init/input-workbook.js";

describe("renderInputWorkbook", () => {
  it("has drop-downs for kind, status, partners and topics, and date cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderInputWorkbook({ partners: ["Perú", "France"], topics: ["Space"], created: new Date(0) })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("engagements")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const at = (key: string, row = 2) => sheet.getCell(row, header.indexOf(key) + 1);
    expect(header).toEqual(["id", "start_date", "end_date", "title", "partners", "topics", "kind", "location", "officials", "summary", "source_url", "status"]);
    expect(at("partners").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$A$2:$A$3"] });
    expect(at("topics", ENTRY_ROWS + 1).dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$B$2:$B$2"] });
    expect(at("kind").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$C$2:$C$8"] });
    expect(at("status").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$D$2:$D$4"] });
    expect(at("start_date").dataValidation?.type).toBe("date");
    expect(at("start_date").numFmt).toBe("yyyy-mm-dd");
    const lists = workbook.getWorksheet("Lists")!;
    expect([lists.getCell("A2").value, lists.getCell("A3").value, lists.getCell("C8").value, lists.getCell("D4").value]).toEqual(["Perú", "France", "other", "cancelled"]);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["engagements", "Instructions", "Lists"]);
  });

  it("no partners or topics yet ⇒ no drop-down for them, the others stay", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderInputWorkbook({ partners: [], topics: [], created: new Date(0) })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("engagements")!;
    expect([sheet.getCell("E2").dataValidation, sheet.getCell("F2").dataValidation]).toEqual([undefined, undefined]);
    expect(sheet.getCell("G2").dataValidation?.type).toBe("list");
  });

  it("the XML ⇒ one range validation per validated column, none overlapping, and the filter's hidden name", async () => {
    const zip = await JSZip.loadAsync(await renderInputWorkbook({ partners: ["Perú", "France"], topics: ["Space"], created: new Date(0) }));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const ranges = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const last = ENTRY_ROWS + 1;
    expect(ranges.sort()).toEqual(["B", "C", "E", "F", "G", "L"].map((c) => `${c}2:${c}${last}`));
    expect(sheet).toMatch(/<autoFilter ref="A1:L1"\/>/);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'engagements'!$A$1:$L$1</definedName>`);
  });
});
