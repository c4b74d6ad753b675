import { describe, expect, it } from "vitest";
import { checkHeader, columnLetter, keptColumns } from "../../src/inputs/header.js";

describe("columnLetter", () => {
  it.each([[0, "A"], [8, "I"], [25, "Z"], [26, "AA"], [51, "AZ"], [52, "BA"], [701, "ZZ"], [702, "AAA"]])("%i ⇒ %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe("keptColumns", () => {
  it("a nameless column ⇒ kept only when a row has a value in it", () => {
    expect(keptColumns(["id", "", "name", "", ""], [{ values: ["1", "", "a", "x"] }, { values: ["2", " "] }])).toEqual([0, 2, 3]);
  });
});

describe("checkHeader", () => {
  it.each([
    [["id", "name"], []],
    [["id", "Start Date", "start-date"], ['start-date: the columns "Start Date" and "start-date" have the same name']],
    [["id", "", "name"], ["column B: this column has values but no name in the header row"]],
  ])("%j ⇒ %j", (names, messages) => {
    const issues = checkHeader({ file: "f.csv", line: 1, names, kept: names.map((_, i) => i) });
    expect(issues.map((i) => `${i.column}: ${i.message}`)).toEqual(messages);
  });
});
