import { describe, expect, it } from "vitest";
import { standOut } from "../../src/model/standout.js";

const counts = (...values: number[]) => values.map((count, i) => ({ id: `t${i}`, count }));

describe("standOut", () => {
  it.each([
    ["one engagement, every topic once", [1, 1, 1, 1], 0],
    ["all alike", [4, 4, 4, 4], 0],
    ["nothing left to stand out from", [3, 3], 0],
    ["one clear leader", [5, 1, 1], 1],
    ["two leaders, then a drop", [5, 4, 1, 1], 2],
    ["three leaders", [6, 5, 4, 1, 1], 3],
    ["a tie at the cut shortens the list", [6, 3, 3, 3, 1], 1],
    ["leaders close to the rest", [30, 29, 28, 27, 25, 24], 0],
    ["a leader counted twice over singles", [2, 1, 1, 1], 1],
  ])("%s %j ⇒ %i", (_name, values, expected) => {
    expect(standOut(counts(...values))).toEqual(counts(...values).slice(0, expected));
  });
});
