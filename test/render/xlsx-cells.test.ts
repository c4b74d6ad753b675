import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { linkText, uniqueHeaders, wrappedLines } from "../../src/render/xlsx/cells.js";
import { columnLetter, dateFormula, exactCriterion, quoteSheetName, quoteString } from "../../src/render/xlsx/formula.js";
import { writeTable } from "../../src/render/xlsx/sheet.js";
import { SPECIAL, buildWorkbook, readWorkbook } from "./xlsx-helpers.js";

describe("formula pieces", () => {
  it.each([
    ["united-states", "=united-states"],
    ["x*", "=x~*"],
    ["a?c", "=a~?c"],
    ["a~b", "=a~~b"],
    ["<b", "=<b"],
    [">=t", "=>=t"],
    ["=eq", "==eq"],
  ])("criterion of %j ⇒ %j", (text, criterion) => {
    expect(exactCriterion(text)).toBe(criterion);
  });

  it.each([
    ["Engagement topics", "'Engagement topics'"],
    ["O'Brien's", "'O''Brien''s'"],
  ])("sheet %j ⇒ %j", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  it.each([[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [703, "AAA"]])("column %i ⇒ %s", (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
  });

  it("strings and dates", () => {
    expect(quoteString('say "hi"')).toBe('"say ""hi"""');
    expect(dateFormula("2025-02-09")).toBe("DATE(2025,2,9)");
  });
});

describe("linkText", () => {
  it.each([
    ["https://example.org/a", "example.org/a"],
    ["http://www.defense.gov/News", "defense.gov/News"],
    ["https://www.southcom.mil/MEDIA/NEWS-ARTICLES/Article/3529174/", "southcom.mil/MEDIA/NEWS-ART…"],
  ])("%s ⇒ %s", (url, text) => {
    expect(linkText(url)).toBe(text);
  });
});

describe("uniqueHeaders", () => {
  it.each([
    [["ID", "Title", "title"], ["ID", "Title", "title (2)"]],
    [["Source link", "Source link", "Source link (2)"], ["Source link", "Source link (2)", "Source link (2) (2)"]],
    [["", " "], ["Column 1", "Column 2"]],
    [["two\nlines", "tab\there"], ["two lines", "tab here"]],
  ])("%j ⇒ %j", (headers, unique) => {
    expect(uniqueHeaders(headers)).toEqual(unique);
  });
});

describe("wrappedLines", () => {
  it.each([
    [null, 10, 1],
    ["short", 10, 1],
    ["one two three four five six", 10, 3],
    ["line\nbreak", 40, 2],
    ["x".repeat(30), 10, 3],
  ] as const)("%j in %i ⇒ %i lines", (value, width, lines) => {
    expect(wrappedLines(value, width)).toBe(lines);
  });
});

describe("wrappedLines against splitting on /\\s+/", () => {
  // The words-by-regular-expression count wrappedLines had before it scanned the text itself.
  const byRegExp = (text: string, width: number) => {
    const capacity = Math.max(1, Math.floor(width * 1.2));
    return text.split("\n").reduce((sum, paragraph) => {
      let lines = 1;
      let used = 0;
      for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
        const needed = used === 0 ? word.length : used + 1 + word.length;
        if (needed <= capacity) {
          used = needed;
          continue;
        }
        if (used > 0) lines += 1;
        lines += Math.floor(Math.max(0, word.length - 1) / capacity);
        used = word.length % capacity || capacity;
      }
      return sum + lines;
    }, 0);
  };
  const spaces = [" ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u200b", "\u180e"];
  const text = fc.array(fc.oneof(fc.constantFrom(...spaces), fc.string({ maxLength: 12 }), fc.constantFrom("é", "ß", "😀", "x".repeat(40))), { maxLength: 40 }).map((parts) => parts.join(""));

  it("any text, any width ⇒ the same number of lines", () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 60 }), (value, width) => wrappedLines(value, width) === byRegExp(value, width)), { numRuns: 2_000 });
  });
});

describe("writeTable", () => {
  it("links beyond the limit ⇒ plain text, and the first such row is reported", async () => {
    const workbook = new ExcelJS.Workbook();
    const rows = [1, 2, 3].map((n) => [{ link: `https://example.org/${n}`, text: `https://example.org/${n}` }]);
    const result = await writeTable({ sheet: workbook.addWorksheet("Links"), tableName: "Links", columns: [{ header: "Link" }], rows, marking: "M", linkLimit: 2 });
    expect(result.firstUnlinkedRow).toBe(4);
    const sheet = (await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()))).getWorksheet("Links")!;
    expect(sheet.getCell("A2").value).toMatchObject({ hyperlink: "https://example.org/1" });
    expect(sheet.getCell("A3").value).toMatchObject({ hyperlink: "https://example.org/2" });
    expect(sheet.getCell("A4").value).toBe("https://example.org/3");
  });

  it("no rows ⇒ a header with a filter and no table", async () => {
    const workbook = new ExcelJS.Workbook();
    await writeTable({ sheet: workbook.addWorksheet("Empty"), tableName: "Empty", columns: [{ header: "A" }, { header: "B" }], rows: [], marking: "M" });
    const sheet = (await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()))).getWorksheet("Empty")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["A", "B"]);
    expect(sheet.autoFilter).toBeTruthy();
  });
});

describe("dates in another time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(["Pacific/Kiritimati", "America/Lima"])("%s ⇒ the same days", async (zone) => {
    process.env.TZ = zone;
    expect(new Date(Date.UTC(2025, 1, 11)).getTimezoneOffset()).not.toBe(0);
    const { workbook } = await buildWorkbook(SPECIAL);
    const sheet = workbook.getWorksheet("Engagements")!;
    expect(sheet.getCell(2, 1).value).toBe("E9");
    expect(sheet.getCell(2, 2).value).toEqual(new Date(Date.UTC(2023, 0, 1)));
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(2).value).toEqual(new Date(Date.UTC(2025, 1, 17)));
  });
});
