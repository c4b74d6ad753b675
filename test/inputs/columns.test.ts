import { describe, expect, it } from "vitest";
import { CodeTable, FIRST_CAPACITY, NumberColumn } from "../../src/inputs/columns.js";

function column(values: readonly number[]): NumberColumn {
  const numbers = new NumberColumn();
  for (const value of values) numbers.push(value);
  return numbers;
}

const counting = (count: number, step = 1) => Array.from({ length: count }, (_, n) => n * step);

describe("NumberColumn", () => {
  it.each([
    ["small codes", [0, 1, 255], Uint8Array],
    ["a value past one byte", [3, 256, 7], Uint16Array],
    ["a value past two bytes", [1, 65_536], Uint32Array],
    ["a file offset past 4 GB", [0, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 3], Float64Array],
    ["more values than the first capacity", counting(FIRST_CAPACITY * 3 + 5, 5), Uint16Array],
    ["growth past the first capacity, then a wide value", [...counting(FIRST_CAPACITY + 1, 0), 2 ** 33], Float64Array],
  ])("%s ⇒ each read back, in the narrowest array that holds them", (_, values, kind) => {
    const numbers = column(values);
    expect(numbers.length).toBe(values.length);
    expect(Array.from(numbers.values.subarray(0, numbers.length))).toEqual(values);
    expect(numbers.values).toBeInstanceOf(kind);
  });

  it("trimmed ⇒ no room left over, and it grows again when more come", () => {
    const values = counting(FIRST_CAPACITY + 10);
    const numbers = column(values);
    expect(numbers.values.length).toBe(FIRST_CAPACITY * 2);
    numbers.trim();
    expect(numbers.values.length).toBe(values.length);
    numbers.push(9);
    expect(Array.from(numbers.values.subarray(0, numbers.length))).toEqual([...values, 9]);
    const empty = column([]);
    empty.trim();
    empty.push(4);
    expect(Array.from(empty.values.subarray(0, empty.length))).toEqual([4]);
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 53]])("%s ⇒ refused, not stored wrong", (value) => {
    expect(() => column([value])).toThrow(RangeError);
  });
});

describe("CodeTable", () => {
  it("keys seen again ⇒ the same code and the value made once; values given at first keep the first codes", () => {
    const table = new CodeTable<string | null>([null]);
    let made = 0;
    const code = (key: string) => table.code(key, () => (made++, key.toUpperCase()));
    expect(["a", "b", "a", "c", "b"].map(code)).toEqual([1, 2, 1, 3, 2]);
    expect(made).toBe(3);
    expect(table.values).toEqual([null, "A", "B", "C"]);
  });

  it("sealed ⇒ its values stay, a new key is refused", () => {
    const table = new CodeTable<string>();
    table.code("a", () => "a");
    table.seal();
    expect(table.values).toEqual(["a"]);
    expect(() => table.code("b", () => "b")).toThrow(/sealed/);
  });
});
