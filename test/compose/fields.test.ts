import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironment, renderTemplate } from "../../src/compose/environment.js";
import { FIELD_REFERENCE_PATH, renderFieldReference } from "../../src/compose/field-reference.js";
import { CONTEXT_FIELD, type Field } from "../../src/compose/fields.js";
import { BLOCK_HELPERS, BUILT_IN_HELPERS, HELPERS } from "../../src/compose/helper-specs.js";
import { registerLocaleHelpers } from "../../src/compose/locale.js";
import { sampleContexts } from "./sample-contexts.js";

/** What differs between a real value and its declaration, and the declared paths the value has. */
function compare(value: unknown, field: Field, path: string, seen: Set<string>, problems: string[]): void {
  seen.add(path);
  if (field.type === "object") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return void problems.push(`${path}: declared an object, is ${JSON.stringify(value)}`);
    for (const key of Object.keys(value)) {
      const child = `${path ? `${path}.` : ""}${key}`;
      if (!Object.hasOwn(field.fields, key)) problems.push(`${child}: in the context, not declared in src/compose/fields.ts`);
      else compare((value as Record<string, unknown>)[key], field.fields[key]!, child, seen, problems);
    }
  } else if (field.type === "list") {
    if (!Array.isArray(value)) return void problems.push(`${path}: declared a list, is ${JSON.stringify(value)}`);
    for (const item of value) compare(item, field.items, `${path}[]`, seen, problems);
  } else {
    const ok = typeof value === { text: "string", number: "number", boolean: "boolean" }[field.type] || (field.blank === true && value === "");
    if (!ok) problems.push(`${path}: declared ${field.type}${field.blank ? " or empty" : ""}, is ${JSON.stringify(value)}`);
  }
}

function declaredPaths(field: Field, path: string): string[] {
  if (field.type === "object") return [path, ...Object.entries(field.fields).flatMap(([key, child]) => declaredPaths(child, `${path ? `${path}.` : ""}${key}`))];
  if (field.type === "list") return [path, ...declaredPaths(field.items, `${path}[]`)];
  return [path];
}

describe("src/compose/fields.ts declares the template context", () => {
  let contexts: Array<Record<string, unknown>>;
  beforeAll(async () => {
    contexts = await sampleContexts();
  });

  it("every key of the real context, all the way down, is declared with its type", () => {
    const problems: string[] = [];
    for (const context of contexts) compare(context, CONTEXT_FIELD, "", new Set(), problems);
    expect([...new Set(problems)]).toEqual([]);
  });

  it("every declared field is in a real context (every list has items in one of them)", () => {
    const seen = new Set<string>();
    for (const context of contexts) compare(context, CONTEXT_FIELD, "", seen, []);
    expect(declaredPaths(CONTEXT_FIELD, "").filter((path) => !seen.has(path))).toEqual([]);
  });

  it("no field is named like a helper (Handlebars would call the helper)", () => {
    const helpers = new Set(Object.keys({ ...HELPERS, ...BUILT_IN_HELPERS, ...BLOCK_HELPERS }));
    const names = declaredPaths(CONTEXT_FIELD, "").map((path) => path.split(/\.|\[\]\.?/).at(-1) ?? "");
    expect(names.filter((name) => helpers.has(name))).toEqual([]);
  });
});

describe("src/compose/helper-specs.ts declares the helpers", () => {
  const env = createEnvironment();
  registerLocaleHelpers(env, "en-US");
  const render = (source: string) => renderTemplate({ env, template: { name: "t.md.hbs", source, syntax: "markdown" }, context: { d: "2025-02-14" } });

  it("the helpers registered ⇒ exactly those declared, besides Handlebars' own fallbacks", () => {
    const registered = Object.keys(env.helpers).filter((name) => name !== "helperMissing" && name !== "blockHelperMissing").sort();
    expect(registered).toEqual(Object.keys({ ...HELPERS, ...BUILT_IN_HELPERS, ...BLOCK_HELPERS }).sort());
  });

  it.each(HELPERS.date!.hash!.style!.values!)("date style=%j is one the helper takes", (style) => {
    expect(render(`{{date d style="${style}"}}`)).toMatch(/2025/);
  });

  it("a style not declared ⇒ the helper refuses it too", () => {
    expect(() => render('{{date d style="full"}}')).toThrow(/style "full" is not one of short, medium, long, month/);
  });
});

describe(`${FIELD_REFERENCE_PATH}`, () => {
  it("is what `npm run docs:fields` writes from the declarations", async () => {
    expect(await readFile(FIELD_REFERENCE_PATH, "utf8")).toBe(renderFieldReference());
  });

  it("lists every declared field", () => {
    const reference = renderFieldReference();
    const missing = declaredPaths(CONTEXT_FIELD, "").filter((path) => path !== "" && !path.endsWith("[]") && !reference.includes(`| \`${path}\` |`));
    expect(missing).toEqual([]);
  });
});
