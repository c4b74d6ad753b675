import { describe, expect, it } from "vitest";
import { BLOCKS, type BlockKind, type BlockParser } from "../../src/compose/blocks.js";
import { parseDocument } from "../../src/compose/document.js";

describe("packet directives", () => {
  it.each([
    ["::: toc\n", { type: "toc", depth: 2 }],
    ["::: toc 1\n", { type: "toc", depth: 1 }],
    ["::: profile france\n", { type: "profile", partner: "france" }],
    ["::: profile united\\-states\n", { type: "profile", partner: "united-states" }],
    ["::: profile france 5\n", { type: "profile", partner: "france", top: 5 }],
    ["::: profile united\\-states 12\n", { type: "profile", partner: "united-states", top: 12 }],
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

describe("the block registry", () => {
  it("an unknown directive ⇒ an error listing every directive of the registry", () => {
    expect(() => parseDocument("::: chart bars\n", "packet.md.hbs")).toThrowErrorMatchingInlineSnapshot(
      `[Error: packet.md.hbs (rendered line 1): unknown directive "::: chart bars"; known: matrix period, matrix window, pagebreak, toc [depth], profile PARTNER-ID [TOP], more N, cover]`,
    );
  });

  it("no two kinds claim the same directive word or Markdown token", () => {
    const parsers = Object.values(BLOCKS) as Array<BlockParser<BlockKind>>;
    const words = parsers.flatMap((p) => [p.directive?.word, p.amendment?.word, p.enclosure?.word].filter((w) => w !== undefined));
    const tokens = parsers.flatMap((p) => p.markdown?.tokens ?? []);
    expect(new Set(words).size).toBe(words.length);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it.each([
    ["# T\n\ntext\n\n- a\n\n---\n", ["heading", "paragraph", "list", "rule"]],
    ["::: cover\n# T\n:::\n::: pagebreak\n::: matrix period\n", ["cover", "pagebreak", "matrix"]],
    ["<div>x</div>\n", ["paragraph"]],
  ])("%j ⇒ blocks %j", (text, kinds) => {
    expect(parseDocument(text, "t").blocks.map((b) => b.type)).toEqual(kinds);
  });

  it("a ::: cover block holds the blocks up to the next :::", () => {
    expect(parseDocument("::: cover\n# T\n\nby\n:::\nafter\n", "t").blocks).toEqual([
      { type: "cover", children: [{ type: "heading", level: 1, content: [{ text: "T" }] }, { type: "paragraph", content: [{ text: "by" }] }] },
      { type: "paragraph", content: [{ text: "after" }] },
    ]);
  });
});
