import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { toTemplateContext } from "../../src/compose/context.js";
import { createEnvironment, renderTemplate, type TemplateSource } from "../../src/compose/environment.js";
import { registerLocaleHelpers } from "../../src/compose/locale.js";
import { loadTemplates, type Templates } from "../../src/compose/templates.js";
import { DEFAULT_CONFIG, type Locale } from "../../src/config.js";
import { loadInputs } from "../../src/inputs/load.js";
import { buildBriefing } from "../../src/model/briefing.js";
import { weekPeriod } from "../../src/model/period.js";
import { builtInTemplates } from "../../src/options.js";

const EDITIONS: Array<[Locale, string]> = [["es-PE", join(builtInTemplates(), "es-PE")]];

/** What must match between editions of the packet: directive lines, heading levels, and the blocks that repeat or choose. */
function packetOutline(template: string) {
  // Inline partials are word lists (the Spanish names of the kinds), not structure.
  const source = template.replace(/\{\{#\*inline[\s\S]*?\{\{\/inline\}\}/g, "");
  const lines = source.split("\n");
  return {
    directives: lines.filter((line) => line.startsWith(":::")),
    headings: lines.filter((line) => /^#{1,6} /.test(line)).map((line) => line.indexOf(" ")),
    blocks: [...source.matchAll(/\{\{#(each|if|unless) ([^}]*)\}\}/g)].map((m) => `${m[1]} ${m[2]}`),
  };
}

/** The keys of a JSON value, all the way down; arrays by length and the shape of their items. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return { length: value.length, items: value.map(shapeOf) };
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]));
  }
  return typeof value;
}

describe.each(EDITIONS)("templates/%s/ and templates/ stay in step", (locale, dir) => {
  let english: Templates;
  let edition: Templates;
  let render: (template: TemplateSource, as: Locale) => unknown;

  beforeAll(async () => {
    [english, edition] = await Promise.all([loadTemplates(builtInTemplates()), loadTemplates(dir)]);
    const { data, issues } = await loadInputs({ dir: "inputs" });
    const briefing = (as: Locale) =>
      buildBriefing({ data, issues, config: { ...DEFAULT_CONFIG, office: "Office", focus: "peru", locale: as }, period: weekPeriod("2025-W07"), asOf: "2025-02-16" });
    render = (template, as) => {
      const env = createEnvironment();
      registerLocaleHelpers(env, as);
      return JSON.parse(renderTemplate({ env, template, context: toTemplateContext(briefing(as)) }));
    };
  });

  it("same template files ⇒ nothing of the English edition is missing", async () => {
    const files = async (folder: string) => (await readdir(folder, { withFileTypes: true })).filter((f) => f.isFile()).map((f) => f.name).sort();
    expect(await files(dir)).toEqual(await files(builtInTemplates()));
  });

  it("packet ⇒ the same directives, heading levels and blocks, in the same order", () => {
    const theirs = packetOutline(english.packet.source);
    expect(theirs.directives.length).toBeGreaterThan(5);
    expect(packetOutline(edition.packet.source)).toEqual(theirs);
  });

  it("workbook ⇒ the same sheet keys, column keys and number of About rows", () => {
    expect(shapeOf(render(edition.workbook, locale))).toEqual(shapeOf(render(english.workbook, "en-US")));
  });

  it("labels ⇒ the same keys", () => {
    expect(shapeOf(render(edition.labels, locale))).toEqual(shapeOf(render(english.labels, "en-US")));
  });

  it("every sheet name differs from the English one and fits Excel's limits", () => {
    const names = (spec: unknown) => Object.values((spec as { sheets: Record<string, { name: string }> }).sheets).map((s) => s.name);
    const theirs = names(render(english.workbook, "en-US"));
    const ours = names(render(edition.workbook, locale));
    for (const name of ours) {
      expect(name.length, name).toBeLessThanOrEqual(31);
      expect(name, name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(ours.filter((name) => theirs.includes(name))).toEqual([]);
  });
});
