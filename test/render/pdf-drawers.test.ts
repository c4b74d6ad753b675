import { describe, expect, it } from "vitest";
import { BLOCKS } from "../../src/compose/blocks.js";
import { DRAWERS } from "../../src/render/pdf/blocks.js";

describe("the packet's drawers", () => {
  it("every kind of block the templates can write has a drawer, and nothing else does", () => {
    expect(Object.keys(DRAWERS).sort()).toEqual(Object.keys(BLOCKS).sort());
  });
});
