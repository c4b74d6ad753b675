import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatCellValue } from "../../src/inspect/cell-text.js";
import { formatPdfDate } from "../../src/inspect/pdf.js";
import { columnLetter, describeHeaderFooter } from "../../src/inspect/sheet-settings.js";
import { arrangeLines, type PlacedText } from "../../src/inspect/text-lines.js";

describe("formatCellValue", () => {
  it.each<[string, ExcelJS.CellValue, string]>([
    ["null", null, ""],
    ["a number", 2.5, "2.5"],
    ["a boolean", true, "TRUE"],
    ["a UTC midnight", new Date(Date.UTC(2025, 1, 16)), "2025-02-16"],
    ["a date with a time", new Date(Date.UTC(2025, 1, 16, 9, 30, 5)), "2025-02-16T09:30:05Z"],
    ["text with a line break and a bar", "a\nb | c", "a\\nb \\| c"],
    ["rich text", { richText: [{ text: "Pe" }, { text: "rú", font: { bold: true } }] }, "Perú"],
    ["a link with its address as text", { text: "https://x.org", hyperlink: "https://x.org" }, "<https://x.org>"],
    ["a link with other text", { text: "source", hyperlink: "https://x.org" }, "source <https://x.org>"],
    ["a formula", { formula: "SUM(A1:A3)", result: 6 }, "6"],
    ["a formula with a date result", { formula: "A1", result: new Date(Date.UTC(2024, 0, 2)) }, "2024-01-02"],
    ["an error", { error: "#DIV/0!" }, "#DIV/0!"],
  ])("%s ⇒ %j", (_, value, text) => {
    expect(formatCellValue(value)).toBe(text);
  });
});

describe("columnLetter", () => {
  it.each([[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [702, "ZZ"], [703, "AAA"]])("%i ⇒ %s", (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});

describe("describeHeaderFooter", () => {
  it.each([
    ["&C&BSECRET", 'center "SECRET"'],
    ["&LA && B&RPage &P of &N", 'left "A & B", right "Page {page} of {pages}"'],
    ['&L&"Arial,Bold"&14&KFF0000Title&R&D', 'left "Title", right "{date}"'],
    ["Plain", 'center "Plain"'],
    ["", null],
  ])("%j ⇒ %j", (code, text) => {
    expect(describeHeaderFooter(code)).toBe(text);
  });
});

describe("formatPdfDate", () => {
  it.each([
    ["D:20250216000000Z", "2025-02-16T00:00:00Z"],
    ["D:20250216093000+05'30'", "2025-02-16T09:30:00+05:30"],
    ["D:2025", "2025-01-01T00:00:00Z"],
    ["yesterday", "yesterday"],
  ])("%s ⇒ %s", (value, text) => {
    expect(formatPdfDate(value)).toBe(text);
  });
});

describe("arrangeLines", () => {
  const run = (text: string, x: number, y: number, width = text.length * 5, size = 10): PlacedText => ({ text, x, y, width, size });

  it("runs drawn in any order ⇒ lines top down, left to right", () => {
    const runs = [run("Page 1 of 2", 500, 20), run("Title", 50, 800), run("footer", 50, 20), run("second", 50, 700)];
    expect(arrangeLines(runs)).toEqual(["Title", "second", "footer   Page 1 of 2"]);
  });

  it("runs that touch ⇒ one word; a small gap ⇒ a space; a wide gap ⇒ a column break", () => {
    const runs = [run("bold", 50, 100, 20), run("er", 70, 100, 10), run("text", 83, 100, 20), run("cell", 200, 100, 20)];
    expect(arrangeLines(runs)).toEqual(["bolder text   cell"]);
  });

  it("baselines a point apart ⇒ one line; blank runs ⇒ nothing", () => {
    expect(arrangeLines([run("a", 50, 100.8, 5), run("b", 57, 100, 5), run("  ", 70, 50)])).toEqual(["a b"]);
  });

  it("rotated runs (no width) ⇒ separate columns", () => {
    expect(arrangeLines([run("Space", 60, 300, 0), run("Cybersecurity", 50, 300, 0), run("Total", 70, 300, 0)])).toEqual([
      "Cybersecurity   Space   Total",
    ]);
  });
});
