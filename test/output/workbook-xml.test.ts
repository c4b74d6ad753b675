import { describe, expect, it } from "vitest";
import { sheetFixer, workbookFixes } from "../../src/output/workbook-xml.js";

const bytes = (s: string) => Buffer.from(s, "utf8");

const SHEET = [
  '<worksheet><sheetData><row r="1"><c r="A1" s="1" t="str"><v>Título</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
  '<row r="2"><c r="A2" t="str"><v> padded </v></c><c r="B2" t="str"><v></v></c><c r="C2"><v>3</v></c><c r="D2" s="2" t="str"><v>line\nbreak</v></c></row>',
  '</sheetData><autoFilter ref="A1:D2"/><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>',
].join("");

const FIXED = [
  '<worksheet><sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>Título</t></is></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
  '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c><c r="B2" t="inlineStr"><is><t></t></is></c><c r="C2"><v>3</v></c><c r="D2" s="2" t="inlineStr"><is><t>line\nbreak</t></is></c></row>',
  '</sheetData><autoFilter ref="A1:D2"/><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>',
].join("");

/** The sheet fixed in chunks of `size` bytes; returns the output and the filters told. */
function fixInChunks(xml: Buffer, size: number) {
  const filters: string[] = [];
  const fixer = sheetFixer((ref) => filters.push(ref));
  const out: Buffer[] = [];
  for (let at = 0; at < xml.length; at += size) out.push(fixer.push(xml.subarray(at, at + size)));
  out.push(fixer.end());
  return { xml: Buffer.concat(out).toString("utf8"), filters };
}

describe("sheetFixer", () => {
  it("text cells without a formula ⇒ inline strings, white space at an edge kept; formula strings, numbers and the rest as they were", () => {
    expect(fixInChunks(bytes(SHEET), 1 << 20)).toEqual({ xml: FIXED, filters: ["A1:D2"] });
  });

  it.each([1, 2, 3, 5, 7, 11, 13, 64])("chunks of %i bytes, cut anywhere (inside a character too) ⇒ the same output", (size) => {
    expect(fixInChunks(bytes(SHEET), size)).toEqual({ xml: FIXED, filters: ["A1:D2"] });
  });

  it("a sheet with nothing to fix ⇒ the same bytes and no filter", () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    expect(fixInChunks(bytes(xml), 4)).toEqual({ xml, filters: [] });
  });
});

const RELS = '<Relationships><Relationship Id="rId1" Type="…/styles" Target="styles.xml"/><Relationship Id="rId4" Type="…/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId5" Type="…/worksheet" Target="worksheets/sheet2.xml"/></Relationships>';

function fixWorkbook(workbook: string, filters: Record<string, string>): string {
  const fixes = workbookFixes();
  fixes.part("xl/_rels/workbook.xml.rels")!(bytes(RELS));
  for (const [part, ref] of Object.entries(filters)) {
    const fixer = fixes.sheet(part)!;
    fixer.push(bytes(`<worksheet><sheetData/><autoFilter ref="${ref}"/></worksheet>`));
    fixer.end();
  }
  const fixed = fixes.part("xl/workbook.xml")!(bytes(workbook));
  return fixed === null ? workbook : Buffer.from(fixed).toString("utf8");
}

describe("workbookFixes", () => {
  const sheets = '<sheets><sheet sheetId="1" name="Partner&apos;s list" r:id="rId4"/><sheet sheetId="2" name="R&amp;D" r:id="rId5"/></sheets>';

  it("print titles of a sheet named with an apostrophe ⇒ the apostrophe doubled in the quoted name", () => {
    const workbook = `<workbook>${sheets}<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Partner&apos;s list&apos;!$1:$1</definedName></definedNames><calcPr/></workbook>`;
    expect(fixWorkbook(workbook, {})).toBe(`<workbook>${sheets}<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Partner''s list'!$1:$1</definedName></definedNames><calcPr/></workbook>`);
  });

  it("sheets with a filter ⇒ a hidden _xlnm._FilterDatabase of each, on its own sheet, with the filter's range", () => {
    const workbook = `<workbook>${sheets}<calcPr/></workbook>`;
    expect(fixWorkbook(workbook, { "xl/worksheets/sheet1.xml": "A1:L6001", "xl/worksheets/sheet2.xml": "B1:C1" })).toBe(
      `<workbook>${sheets}<definedNames>` +
        `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Partner''s list'!$A$1:$L$6001</definedName>` +
        `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'R&amp;D'!$B$1:$C$1</definedName>` +
        `</definedNames><calcPr/></workbook>`,
    );
  });

  it("nothing to fix ⇒ the workbook part stays as it is", () => {
    const fixes = workbookFixes();
    expect(fixes.part("xl/workbook.xml")!(bytes(`<workbook>${sheets}<calcPr/></workbook>`))).toBeNull();
  });

  it.each([
    ['<table id="1" ref="A1:B3" totalsRowShown="1">', '<table id="1" ref="A1:B3" totalsRowShown="0">'],
    ['<table id="1" ref="A1:B4" totalsRowCount="1">', null],
  ])("table %s ⇒ %s", (table, fixed) => {
    const result = workbookFixes().part("xl/tables/table1.xml")!(bytes(table));
    expect(result === null ? null : Buffer.from(result).toString("utf8")).toBe(fixed);
  });

  it("other parts ⇒ left alone", () => {
    const fixes = workbookFixes();
    expect([fixes.part("xl/styles.xml"), fixes.sheet("xl/styles.xml"), fixes.sheet("xl/worksheets/_rels/sheet1.xml.rels")]).toEqual([null, null, null]);
  });
});
