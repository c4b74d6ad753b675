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

describe("the environment's own escape", () => {
  it("during a render ⇒ the shared Handlebars escape is the HTML one, untouched; a partial escapes as its caller", async () => {
    const { default: Handlebars } = await import("handlebars");
    const shared = Handlebars.Utils.escapeExpression;
    const seen: unknown[] = [];
    const env = createEnvironment([{ name: "templates/partials/item.md.hbs", source: "*{{v}}*", syntax: "markdown" }]);
    env.registerHelper("peek", () => {
      seen.push(Handlebars.Utils.escapeExpression);
      return Handlebars.compile("{{v}}")({ v: "<b>" });
    });
    const text = renderTemplate({ env, template: { name: "t.md.hbs", source: "{{peek}} {{> item}} {{v}}", syntax: "markdown" }, context: { v: "a_b" } });
    // The helper's HTML-escaped text is then escaped for Markdown, as any value.
    expect(text).toBe(String.raw`\&lt;b\&gt; *a\_b* a\_b`);
    expect(seen).toEqual([shared]);
    expect(Handlebars.Utils.escapeExpression).toBe(shared);
  });

  it("two environments, one rendering inside the other's helper ⇒ each its own syntax", () => {
    const inner = createEnvironment();
    const outer = createEnvironment();
    outer.registerHelper("json", (v: string) => renderTemplate({ env: inner, template: { name: "t.json.hbs", source: '"{{v}}"', syntax: "json" }, context: { v } }));
    const text = renderTemplate({ env: outer, template: { name: "t.md.hbs", source: "{{json v}} {{v}}", syntax: "markdown" }, context: { v: 'say "a_b"' } });
    // The inner JSON escape, then the outer Markdown escape of the helper's text; the plain value escaped for Markdown only.
    expect(text).toBe(String.raw`"say \\"a\_b\\"" say "a\_b"`);
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
