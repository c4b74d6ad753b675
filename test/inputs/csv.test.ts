import { describe, expect, it } from "vitest";
import { detectDelimiter, normalizeHeader, parseCsv } from "../../src/inputs/csv.js";

describe("normalizeHeader", () => {
  it.each(["Start Date", "start-date", "START_DATE", " start  date "])("%j ⇒ start_date", (name) => {
    expect(normalizeHeader(name)).toBe("start_date");
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["a;b;c\n1;2,5;3", ";"],
    ["a\tb\tc\n1\t2\t3", "\t"],
    ['"x;y",b,c\n', ","],
  ])("%j ⇒ %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("parseCsv", () => {
  it("keys cells by header and numbers lines from the start of each row", () => {
    const { table, issues } = parseCsv('ID,Title\r\n1,"two\r\nlines"\r\n\r\n2,"say ""hi"""\r\n', "f.csv");
    expect(issues).toEqual([]);
    expect(table?.rows).toEqual([
      { line: 2, cells: { id: "1", title: "two\r\nlines" } },
      { line: 5, cells: { id: "2", title: 'say "hi"' } },
    ]);
  });

  it.each([
    ["Perú", "two-byte"],
    ["“Lima” – 2025", "three-byte"],
    ["🇵🇪 flag", "four-byte"],
  ])("text with %j (%s characters) before a quoted line break ⇒ the same line numbers", (text) => {
    const { table } = parseCsv(`\uFEFFid,title\r\n1,"${text}\r\n${text}"\r\n2,${text}\r\n\r\n3,x\n`, "f.csv");
    expect(table?.rows.map((row) => row.line)).toEqual([2, 4, 6]);
  });

  it.each([
    ['ID,Title\r\n1,"two\r\nlines"\r\n\r\n2,"say ""hi"""\r\n'],
    ["sep=;\nid;name\nperu;Perú\n"],
    ["\uFEFFid,title\n1,“Lima” – 🇵🇪\n2,x,y\n"],
    ['id,title\n1,"never closed\n2,x\n'],
    ["id,,name\na\n"],
    [" \r\n\t\n"],
    [""],
  ])("%j as UTF-8 bytes ⇒ the same rows and issues as the text", (text) => {
    expect(parseCsv(new TextEncoder().encode(text), "f.csv")).toEqual(parseCsv(text, "f.csv"));
  });

  it("semicolon files ⇒ same rows", () => {
    const { table } = parseCsv("id;name\nperu;Perú\n", "f.csv");
    expect(table?.rows[0]?.cells).toEqual({ id: "peru", name: "Perú" });
  });

  it("a row with too many fields ⇒ issue on its line", () => {
    const { issues } = parseCsv("id,name\na,b\nc,d,e\n", "f.csv");
    expect(issues).toMatchObject([{ file: "f.csv", line: 3, code: "field_count" }]);
  });

  it("an unclosed quote ⇒ csv_syntax issue, no throw", () => {
    const { table, issues } = parseCsv('id,name\na,"b\nc,d\n', "f.csv");
    expect(table).toBeNull();
    expect(issues).toMatchObject([{ file: "f.csv", code: "csv_syntax" }]);
  });

  it("an empty file ⇒ file_empty", () => {
    expect(parseCsv(" \n", "f.csv").issues).toMatchObject([{ code: "file_empty" }]);
  });
});

describe("parseCsv and Excel's habits", () => {
  it.each([
    ["id,name,,\na,b,,\nc,d\ne,f,,,\n", [["a", "b"], ["c", "d"], ["e", "f"]]],
    ["sep=;\nid;name\na;b,c\n", [["a", "b,c"]]],
    ["id,name\n,\na,b\n,,,\n", [["a", "b"]]],
    ['id,name\na,5" gun\n', [["a", '5" gun']]],
  ])("%j ⇒ rows %j, no issue", (text, rows) => {
    const { table, issues } = parseCsv(text, "f.csv");
    expect(issues).toEqual([]);
    expect(table?.rows.map((row) => [row.cells.id, row.cells.name])).toEqual(rows);
  });

  it("a short row with a nameless column before the missing one ⇒ names the missing column", () => {
    expect(parseCsv("id,,name\na\n", "f.csv").issues).toMatchObject([{ line: 2, column: "name", code: "field_count" }]);
  });
});
