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
