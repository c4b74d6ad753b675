import { describe, expect, it } from "vitest";
import { parseDocument, plainText } from "../../src/compose/document.js";
import { createEnvironment, renderTemplate } from "../../src/compose/environment.js";

const render = (source: string, context: object, syntax: "markdown" | "json" = "markdown") =>
  renderTemplate({ env: createEnvironment(), template: { name: "templates/t.md.hbs", source, syntax }, context });

describe("renderTemplate", () => {
  it.each([
    "Víctor *bold* _it_ [link](javascript:x) <td> | # 1. - + `code` & \\ https://example.org/a_b",
    "=HYPERLINK(\"http://x\")",
    "line one\nline two",
  ])("a value shows as typed: %j", (value) => {
    const doc = parseDocument(render("# T\n\n{{value}}\n\n| a |\n|---|\n| {{value}} |\n", { value }), "t");
    const expected = value.replace(/\n/g, " ");
    expect(doc.blocks[1]).toEqual({ type: "paragraph", content: [{ text: expected }] });
    expect(doc.blocks[2]).toMatchObject({ type: "table", rows: [[[{ text: expected }]]] });
  });

  it("values are escaped for JSON in .json templates", () => {
    expect(JSON.parse(render('{"a": "{{v}}"}', { v: 'say "hi"\n\\ ok' }, "json"))).toEqual({ a: 'say "hi"\n\\ ok' });
  });

  it("a typo in a field name names the template and line", () => {
    expect(() => render("# T\n\n{{titel}}\n", { title: "x" })).toThrowErrorMatchingInlineSnapshot(
      `[BriefkitError: templates/t.md.hbs:3: "titel" is not a field the template can use here]`,
    );
  });

  it("leaves other Handlebars users with HTML escaping", async () => {
    render("{{v}}", { v: "<b>" });
    const { default: Handlebars } = await import("handlebars");
    expect(Handlebars.compile("{{v}}")({ v: "<b>" })).toBe("&lt;b&gt;");
  });
});

describe("parseDocument", () => {
  it("reads headings, emphasis, links, lists, tables and directives", () => {
    const doc = parseDocument(
      "::: cover\n# Title\n:::\n::: pagebreak\n## Part\n\nSome **bold** and [a link](https://example.org).\n\n- one\n- two\n\n::: matrix window\n",
      "t",
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(["cover", "pagebreak", "heading", "paragraph", "list", "matrix"]);
    expect(doc.blocks[3]).toEqual({
      type: "paragraph",
      content: [{ text: "Some " }, { text: "bold", bold: true }, { text: " and " }, { text: "a link", link: "https://example.org" }, { text: "." }],
    });
    expect(doc.blocks[4]).toMatchObject({ type: "list", items: [[{ text: "one" }], [{ text: "two" }]] });
    const heading = doc.blocks[2];
    expect(heading?.type === "heading" && plainText(heading.content)).toBe("Part");
  });

  it.each([
    ["::: chart\n", /unknown directive "::: chart "/],
    ["::: cover\n# T\n", /not closed/],
    [":::\n", /closes no open block/],
  ])("%j ⇒ error", (text, message) => {
    expect(() => parseDocument(text, "t")).toThrow(message);
  });
});
