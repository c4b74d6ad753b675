import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/compose/document.js";

describe("packet directives", () => {
  it.each([
    ["::: toc\n", { type: "toc", depth: 2 }],
    ["::: toc 1\n", { type: "toc", depth: 1 }],
    ["::: profile france\n", { type: "profile", partner: "france" }],
    ["::: profile united\\-states\n", { type: "profile", partner: "united-states" }],
  ])("%j ⇒ %j", (text, block) => {
    expect(parseDocument(text, "t").blocks).toEqual([block]);
  });

  it.each([
    ["::: toc x\n", /unknown directive "::: toc x"/],
    ["::: profile\n", /unknown directive "::: profile "/],
  ])("%j ⇒ error", (text, message) => {
    expect(() => parseDocument(text, "t")).toThrow(message);
  });
});

describe("::: more N after a table", () => {
  const table = "| a |\n|---|\n| 1 |\n| 2 |\n";
  it.each([
    [`${table}::: more 5\n`, 5],
    [`${table}::: more 5\n::: more 7\n`, 12],
    [table, undefined],
  ])("%j ⇒ leftOut %j", (text, leftOut) => {
    const [block] = parseDocument(text, "t").blocks;
    expect(block).toMatchObject({ type: "table", rows: [[[{ text: "1" }]], [[{ text: "2" }]]] });
    expect(block).toEqual(leftOut === undefined ? expect.not.objectContaining({ leftOut: expect.anything() }) : expect.objectContaining({ leftOut }));
  });

  it.each([
    ["::: more 5\n", /follows no table/],
    ["para\n\n::: more 5\n", /follows no table/],
    [`${table}::: more x\n`, /unknown directive "::: more x"/],
  ])("%j ⇒ error", (text, message) => {
    expect(() => parseDocument(text, "t")).toThrow(message);
  });
});
