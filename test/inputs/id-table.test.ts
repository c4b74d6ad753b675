import { describe, expect, it } from "vitest";
import { hashIgnoringCase, IdTable } from "../../src/inputs/id-table.js";

/** What the table must answer: the first line of each id in lower case. */
function firstLines(ids: readonly string[]): Array<number | undefined> {
  const seen = new Map<string, number>();
  return ids.map((id, line) => {
    const first = seen.get(id.toLowerCase());
    if (first === undefined) seen.set(id.toLowerCase(), line);
    return first;
  });
}

function tableLines(ids: readonly string[]): Array<number | undefined> {
  const table = new IdTable();
  return ids.map((id, line) => table.firstLine(id, line));
}

describe("IdTable", () => {
  it.each([
    ["ids that differ only in case", ["E1", "e1", "E2", "e2", "E1"]],
    ["accented ids in both cases", ["Perú-1", "PERÚ-1", "perú-1", "Ñandú", "ñandú"]],
    ["a letter whose lower case is ASCII (Kelvin sign)", ["\u212A9", "k9", "K9"]],
    ["a letter whose lower case is two units long", ["\u0130x", "i\u0307x", "İX"]],
    ["ids past many doublings of the table", Array.from({ length: 5_000 }, (_, n) => (n % 3 === 0 ? `E-${n % 1_700}` : `e-${n}`))],
  ])("%s ⇒ the first line of each, as a Map of lower-case ids gives", (_, ids) => {
    expect(tableLines(ids)).toEqual(firstLines(ids));
  });

  it("a line number past 4 billion ⇒ given back whole", () => {
    const table = new IdTable();
    expect(table.firstLine("a", 2 ** 33)).toBeUndefined();
    expect(table.firstLine("A", 2 ** 33 + 1)).toBe(2 ** 33);
  });

  it.each([
    ["ABC-1", "abc-1"],
    ["Perú", "PERÚ"],
    ["\u212A", "k"],
  ])("%s and %s ⇒ the same hash", (a, b) => {
    expect(hashIgnoringCase(a)).toBe(hashIgnoringCase(b));
  });
});
