import type ExcelJS from "exceljs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { SPECIAL, WINDOW, PERIOD, buildWorkbook, cached, countFromCsv, findRow, readMatrix } from "./xlsx-helpers.js";

const SHEETS = ["About", "Matrix", "Engagements", "Engagement topics", "Upcoming", "Partners", "Cooperation areas", "Initiatives", "Issues"];

describe.each([["inputs"], [SPECIAL]])("the workbook of %s", (inputs) => {
  let workbook: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    ({ workbook, bytes } = await buildWorkbook(inputs));
  });

  it("every formula cell of the Matrix sheet carries its cached result", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const cells = xml.match(/<c [^>]*>.*?<\/c>/g) ?? [];
    const formulas = cells.filter((cell) => cell.includes("<f>"));
    expect(formulas.length).toBeGreaterThan(10);
    for (const cell of formulas) expect(cell).toMatch(/<v>\d+<\/v><\/c>$/);
  });

  it.each([
    ["trailing window", WINDOW, () => 3],
    ["period", PERIOD, (sheet: ExcelJS.Worksheet) => findRow(sheet, "Partners × topics, this period") + 2],
  ])("%s matrix ⇒ COUNTIFS cells whose cached results match counts from the CSV", (_, span, headerRow) => {
    const sheet = workbook.getWorksheet("Matrix")!;
    const matrix = readMatrix(sheet, headerRow(sheet));
    const expected = countFromCsv(inputs, span);
    let seen = 0;
    matrix.partners.forEach((partner, p) => {
      let rowSum = 0;
      matrix.topics.forEach((topic, t) => {
        const value = matrix.cell(p, t).value as ExcelJS.CellFormulaValue;
        expect(value.formula).toMatch(/^COUNTIFS\('Engagement topics'!\$F:\$F,/);
        expect(cached(value), `${partner} × ${topic}`).toBe(expected.get(`${partner} | ${topic}`) ?? 0);
        rowSum += cached(value);
        seen += cached(value);
      });
      const total = sheet.getCell(matrix.totalRow - matrix.partners.length + p, matrix.totalColumn).value as ExcelJS.CellFormulaValue;
      expect(total.formula).toMatch(/^SUM\(/);
      expect(cached(total)).toBe(rowSum);
    });
    const grand = sheet.getCell(matrix.totalRow, matrix.totalColumn).value as ExcelJS.CellFormulaValue;
    expect(grand.formula).toMatch(/^SUM\(/);
    expect(cached(grand)).toBe(seen);
    const focusless = [...expected].filter(([key]) => !key.startsWith("Perú |")).reduce((sum, [, n]) => sum + n, 0);
    expect(seen).toBe(focusless);
    expect(seen).toBeGreaterThan(0);
  });

  it("the matrix has frozen headers, a colour scale and marks this period's additions", () => {
    const sheet = workbook.getWorksheet("Matrix")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    const formats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = formats.flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })));
    expect(rules.filter(({ rule }) => rule.type === "colorScale")).toHaveLength(2);
    const mark = rules.find(({ rule }) => rule.type === "expression")!;
    const periodHeader = findRow(sheet, "Partners × topics, this period") + 2;
    expect(mark.ref.startsWith("B4:")).toBe(true);
    expect((mark.rule as ExcelJS.ExpressionRuleType).formulae).toEqual([`B${periodHeader + 1}>0`]);
  });

  it("the Engagements sheet is a table in date order with date cells, links and the extra columns at the right", () => {
    const sheet = workbook.getWorksheet("Engagements")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 12)).toEqual(["ID", "Start date", "End date", "Title", "Kind", "Status", "Partners", "Topics", "Location", "Officials", "Summary", "Source link"]);
    expect(new Set(header.map((h) => h.toLowerCase())).size).toBe(header.length);
    const dates: number[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const start = sheet.getCell(r, 2);
      expect(start.value).toBeInstanceOf(Date);
      expect(start.numFmt).toBe("yyyy-mm-dd");
      dates.push((start.value as Date).getTime());
      const link = sheet.getCell(r, 12).value;
      if (link !== null) expect(link).toMatchObject({ hyperlink: expect.stringMatching(/^https?:/) });
    }
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(Object.keys((sheet as unknown as { tables: object }).tables)).toEqual(["EngagementsTable"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    for (let c = 1; c <= header.length; c++) expect(sheet.getColumn(c).width ?? 9).toBeLessThanOrEqual(50);
  });

  it("the Engagement topics sheet has one row per engagement × partner × topic of the window and period, with date cells", () => {
    const sheet = workbook.getWorksheet("Engagement topics")!;
    const engagements = workbook.getWorksheet("Engagements")!;
    const from = WINDOW.from < PERIOD.from ? WINDOW.from : PERIOD.from;
    const to = WINDOW.to > PERIOD.to ? WINDOW.to : PERIOD.to;
    let expected = 0;
    let outside = 0;
    for (let r = 2; r <= engagements.rowCount; r++) {
      const start = (engagements.getCell(r, 2).value as Date).toISOString().slice(0, 10);
      const count = (c: number) => String(engagements.getCell(r, c).value).split("; ").length;
      if (start >= from && start <= to) expected += count(7) * count(8);
      else outside += 1;
    }
    expect(outside).toBeGreaterThan(0);
    expect(sheet.rowCount - 1).toBe(expected);
    expect(sheet.getCell(2, 2).value).toBeInstanceOf(Date);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const start = (sheet.getCell(r, 2).value as Date).toISOString().slice(0, 10);
      expect(start >= from && start <= to, `row ${r}: ${start}`).toBe(true);
    }
  });

  it.each(SHEETS.slice(2))("%s ⇒ an Excel table whose column names are its header cells, unique", (name) => {
    const sheet = workbook.getWorksheet(name)!;
    const tables = Object.values((sheet as unknown as { tables: Record<string, { table: { columns: Array<{ name: string }>; tableRef: string } }> }).tables);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    if (sheet.rowCount === 1) {
      expect(tables).toHaveLength(0);
      return;
    }
    expect(tables).toHaveLength(1);
    const { columns, tableRef } = tables[0]!.table;
    expect(columns.map((c) => c.name)).toEqual(header);
    expect(new Set(header.map((h) => String(h).toLowerCase())).size).toBe(header.length);
    expect(tableRef).toMatch(new RegExp(`^A1:[A-Z]+${sheet.rowCount}$`));
    expect(sheet.hasMerges).toBe(false);
  });

  it.each(SHEETS)("%s ⇒ printable: one page wide, header repeated, marking and page numbers", (name) => {
    const sheet = workbook.getWorksheet(name)!;
    expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    if (name !== "About") expect(sheet.pageSetup.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
    expect(sheet.headerFooter.oddHeader).toContain("UNCLASSIFIED // TEST");
    expect(sheet.headerFooter.oddFooter).toContain("Page &P of &N");
  });

  it("wide sheets print landscape, the About sheet upright", () => {
    expect(workbook.getWorksheet("Engagements")!.pageSetup.orientation).toBe("landscape");
    expect(workbook.getWorksheet("About")!.pageSetup.orientation).toBe("portrait");
  });

  it("the properties come from the config and the as-of date", () => {
    expect(workbook.creator).toBe("Test office");
    expect(workbook.title).toBe("Test & briefing — 2025-W07");
    expect(workbook.subject).toContain("Feb 10, 2025");
    expect(workbook.created).toEqual(new Date(Date.UTC(2025, 1, 16)));
    expect(workbook.modified).toEqual(new Date(Date.UTC(2025, 1, 16)));
  });
});

describe("the workbook of inputs with awkward text", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ workbook } = await buildWorkbook(SPECIAL));
  });

  it("text that begins with = + - @ stays a text cell; numbers stay numbers", () => {
    const sheet = workbook.getWorksheet("Engagements")!;
    const e1 = findRow(sheet, "E1");
    expect(sheet.getCell(e1, 11).value).toBe("=1+1");
    expect(sheet.getCell(e1, 13).value).toBe("+44 20 7946 0000");
    expect(sheet.getCell(e1, 14).value).toBe("@mention");
    expect(sheet.getCell(findRow(sheet, "E2"), 11).value).toBe("-5");
    expect(workbook.getWorksheet("Cooperation areas")!.getCell(2, 4).value).toBe("-starts with a minus");
    const issues = workbook.getWorksheet("Issues")!;
    expect(issues.getCell(2, 4).value).toBe(11);
  });

  it("long text wraps and its row grows to fit it", () => {
    const sheet = workbook.getWorksheet("Engagements")!;
    const e3 = sheet.getRow(findRow(sheet, "E3"));
    expect(e3.getCell(11).alignment.wrapText).toBe(true);
    const width = sheet.getColumn(11).width!;
    const text = String(e3.getCell(11).value);
    expect(e3.height).toBeGreaterThanOrEqual(Math.ceil(text.length / (width * 1.3)) * 14);
    expect(sheet.getRow(findRow(sheet, "E9")).height ?? 15).toBeLessThanOrEqual(15);
  });

  it("an extra column named like a built-in header gets a unique name", () => {
    const header = (workbook.getWorksheet("Engagements")!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(11)).toEqual(["Source link", "Source link (2)", "Notes"]);
  });

  it("a link is a link, shown short, with its address kept whole", () => {
    const sheet = workbook.getWorksheet("Engagements")!;
    expect(sheet.getCell(findRow(sheet, "E1"), 12).value).toEqual({ text: "example.org/a?b=1&c=2", hyperlink: "https://example.org/a?b=1&c=2" });
  });

  it("the Issues sheet lists the skipped row with its file and line", () => {
    const sheet = workbook.getWorksheet("Issues")!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 5)).toEqual(["error", "This row", `${SPECIAL}/engagements.csv`, 11]);
  });

  it("the About sheet gives the counts", () => {
    const sheet = workbook.getWorksheet("About")!;
    const value = (label: string) => sheet.getCell(findRow(sheet, label), 2).value;
    expect(value("Engagements in the inputs")).toBe(9);
    expect(value("Partners")).toBe(7);
    expect(value("Topics")).toBe(5);
    expect(value("Data issues")).toBe(1);
  });
});

describe("the workbook of lists with columns of their own", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-other-columns-"));
    await cp("inputs", dir, { recursive: true });
    const addColumn = async (file: string, header: string, value: (row: number) => string) => {
      const lines = (await readFile(join(dir, file), "utf8")).trimEnd().split("\n");
      await writeFile(join(dir, file), `${lines.map((line, row) => `${line},${row === 0 ? header : value(row)}`).join("\n")}\n`);
    };
    await addColumn("partners.csv", "Notes", (row) => (row === 1 ? "keep this" : ""));
    await addColumn("cooperation-areas.csv", "Lead office", (row) => `Office ${row}`);
    await addColumn("initiatives.csv", "Budget", (row) => `USD ${row}m`);
    ({ workbook } = await buildWorkbook(dir));
  });

  it.each([
    ["Partners", "Notes", "keep this"],
    ["Cooperation areas", "Lead office", "Office 1"],
    ["Initiatives", "Budget", "USD 1m"],
  ])("%s ⇒ the column %s at the right, with the file's values", (name, header, first) => {
    const sheet = workbook.getWorksheet(name)!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.at(-1)).toBe(header);
    expect(sheet.getCell(2, headers.length).value).toBe(first);
    expect(sheet.rowCount).toBeGreaterThan(2);
  });
});
