import fc from "fast-check";
import Handlebars from "handlebars";
import { beforeAll, describe, expect, it } from "vitest";
import { checkTemplates } from "../../src/compose/check-templates.js";
import { createEnvironment, renderTemplate, type TemplateSource } from "../../src/compose/environment.js";
import { CONTEXT_FIELD, type Field } from "../../src/compose/fields.js";
import { registerLocaleHelpers } from "../../src/compose/locale.js";
import { loadTemplates, type Templates } from "../../src/compose/templates.js";
import { sampleContexts } from "./sample-contexts.js";

type Which = "packet" | "workbook" | "labels";

/** A place inside a block of a shipped template, and the keys `this` has there when the samples render it. */
interface Point {
  which: Which;
  offset: number;
  line: number;
  keys: ReadonlySet<string>;
}

/** The start of every statement inside every block (and inline partial) of a template. */
function placesInBlocks(source: string): Array<{ offset: number; line: number }> {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const places = new Map<number, number>();
  const visit = (node: hbs.AST.Node, inBlock: boolean) => {
    if (inBlock) places.set(lineStarts[node.loc.start.line - 1]! + node.loc.start.column, node.loc.start.line);
    const block = node as hbs.AST.BlockStatement;
    for (const program of [block.program, block.inverse]) for (const child of program?.body ?? []) visit(child, true);
  };
  for (const node of Handlebars.parse(source).body) visit(node, false);
  return [...places].map(([offset, line]) => ({ offset, line }));
}

const insert = (source: string, offset: number, text: string) => source.slice(0, offset) + text + source.slice(offset);

/** Renders each template with a probe at each place, and keeps the places some sample reaches, with the keys of `this` there. */
function reachedPoints(templates: Templates, locale: string, contexts: readonly object[]): Point[] {
  const points: Point[] = [];
  for (const which of ["packet", "workbook", "labels"] as const) {
    const template = templates[which];
    const places = placesInBlocks(template.source);
    const keys = places.map(() => null as Set<string> | null);
    let probed = template.source;
    for (const [index, place] of [...places.entries()].sort((a, b) => b[1].offset - a[1].offset)) probed = insert(probed, place.offset, `{{__probe ${index}}}`);
    const env = createEnvironment(templates.partials);
    registerLocaleHelpers(env, locale);
    env.registerHelper("__probe", function (this: unknown, index: number) {
      const seen = (keys[index] ??= new Set());
      if (this !== null && typeof this === "object" && !Array.isArray(this)) for (const key of Object.keys(this)) seen.add(key);
      return "";
    });
    for (const context of contexts) renderTemplate({ env, template: { ...template, source: probed }, context });
    places.forEach((place, index) => {
      const reached = keys[index];
      if (reached) points.push({ which, ...place, keys: reached });
    });
  }
  return points;
}

function fieldNames(field: Field): string[] {
  if (field.type === "object") return Object.entries(field.fields).flatMap(([name, child]) => [name, ...fieldNames(child)]);
  return field.type === "list" ? fieldNames(field.items) : [];
}

/** Ways to use a name that are right for a field of any type. */
const FORMS: ReadonlyArray<(name: string) => string> = [
  (name) => `{{#if ${name}}}·{{/if}}`,
  (name) => `{{#unless ${name}}}·{{/unless}}`,
  (name) => `{{#if (not ${name})}}·{{/if}}`,
  (name) => `{{eq ${name} "x"}}`,
  (name) => `{{#if (or 0 ${name})}}·{{/if}}`,
  (name) => `{{#if (lookup . "${name}")}}·{{/if}}`,
];

const RESERVED = new Set(["this", "else", "true", "false", "null", "undefined", "as"]);

function nameArbitrary(known: readonly string[]): fc.Arbitrary<string> {
  const typo = fc.tuple(fc.constantFrom(...known), fc.nat(), fc.constantFrom("drop", "double", "swap", "upper")).map(([name, at, how]) => {
    const i = at % name.length;
    if (how === "drop") return name.slice(0, i) + name.slice(i + 1);
    if (how === "double") return name.slice(0, i) + name[i] + name.slice(i);
    if (how === "upper") return name.slice(0, i) + name[i]!.toUpperCase() + name.slice(i + 1);
    return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : `${name}s`;
  });
  return fc
    .oneof(
      fc.constantFrom(...known),
      typo,
      fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/),
      fc.constantFrom("constructor", "__proto__", "toString", "hasOwnProperty", "length", "valueOf"),
    )
    .filter((name) => name.length > 0 && !RESERVED.has(name) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
}

describe.each([
  ["templates", "en-US"],
  ["templates/es-PE", "es-PE"],
])("a random name inside a block of %s", (dir, locale) => {
  let templates: Templates;
  let points: Point[];
  let contexts: object[];
  let env: ReturnType<typeof createEnvironment>;
  beforeAll(async () => {
    templates = await loadTemplates(dir);
    contexts = await sampleContexts();
    points = reachedPoints(templates, locale, contexts);
    env = createEnvironment(templates.partials);
    registerLocaleHelpers(env, locale);
  });

  it("the samples reach places inside the blocks of every template that has blocks", () => {
    expect(new Set(points.map((p) => p.which))).toEqual(new Set(["packet", "workbook", "labels"]));
    expect(points.length).toBeGreaterThan(150);
  });

  it("⇒ a problem at its line naming it, unless it is a field there, which then renders", () => {
    const known = [...new Set([...fieldNames(CONTEXT_FIELD), ...points.flatMap((p) => [...p.keys])])];
    const tried = { fields: 0, others: 0 };
    // Half the names are a key of `this` at the place (a field there), half any name at all.
    const chosen = fc.oneof(nameArbitrary(known), fc.nat().map((own) => ({ own })));
    fc.assert(
      fc.property(fc.nat(), chosen, fc.constantFrom(...FORMS), (pick, choice, form) => {
        const point = points[pick % points.length]!;
        const own = [...point.keys].sort();
        const name = typeof choice === "string" ? choice : (own[choice.own % Math.max(1, own.length)] ?? "title");
        const template: TemplateSource = { ...templates[point.which], source: insert(templates[point.which].source, point.offset, form(name)) };
        const issues = checkTemplates({ templates: { ...templates, [point.which]: template }, cwd: process.cwd() });
        if (point.keys.has(name)) {
          tried.fields += 1;
          expect(issues).toEqual([]);
          // Compiled as renderTemplate compiles it, once for the three samples.
          const render = env.compile(template.source, { strict: true, preventIndent: true });
          for (const context of contexts) render(context);
        } else {
          tried.others += 1;
          expect(issues.map((i) => [i.file, i.line, i.value])).toContainEqual([templates[point.which].name, point.line, name]);
        }
      }),
      { numRuns: 150 },
    );
    expect(tried.fields).toBeGreaterThan(20);
    expect(tried.others).toBeGreaterThan(20);
  });
});
