import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toTemplateContext } from "../../src/compose/context.js";
import { parseDocument, plainText } from "../../src/compose/document.js";
import { createEnvironment, renderTemplate } from "../../src/compose/environment.js";
import { registerLocaleHelpers } from "../../src/compose/locale.js";
import { DEFAULT_CONFIG, type Locale } from "../../src/config.js";
import { loadInputs } from "../../src/inputs/load.js";
import { buildBriefing } from "../../src/model/briefing.js";
import { weekPeriod } from "../../src/model/period.js";
import { resolveSettings } from "../../src/options.js";

const FIXTURE = "test/fixtures/locale-templates";

/** The text a reader sees: values are escaped for Markdown, so read the document back. */
function textOf(markdown: string): string[] {
  return parseDocument(markdown, "t").blocks.map((block) => ("content" in block ? plainText(block.content) : block.type));
}

function renderWith(locale: string, source: string, context: object = {}): string {
  const env = createEnvironment();
  registerLocaleHelpers(env, locale);
  return textOf(renderTemplate({ env, template: { name: "t.md.hbs", source, syntax: "markdown" }, context })).join("\n");
}

describe("locale helpers", () => {
  it.each([
    ["es-PE", '{{date d}} · {{date d style="long"}} · {{date d style="short"}} · {{date d style="month"}}', "14 feb. 2025 · 14 de febrero de 2025 · 14/2/2025 · febrero de 2025"],
    ["en-US", '{{date d}} · {{date d style="long"}} · {{date d style="short"}} · {{date d style="month"}}', "Feb 14, 2025 · February 14, 2025 · 2/14/2025 · February 2025"],
    ["es-PE", "{{number 12345.5}} · {{number 0}} · {{number blank}}", "12,345.5 · 0 · "],
    ["en-US", "{{date blank}}|{{date text}}", "|soon"],
    ["es-PE", '{{plural 1 "actividad" "actividades"}} · {{plural 12345 "actividad" "actividades"}}', "1 actividad · 12,345 actividades"],
    ["en-US", '{{plural 0 "engagement" "engagements"}} · {{plural 1000 "engagement" "engagements"}}', "0 engagements · 1,000 engagements"],
  ])("%s: %s ⇒ %s", (locale, source, expected) => {
    expect(renderWith(locale, source, { d: "2025-02-14", blank: "", text: "soon" })).toBe(expected);
  });

  it("a date is the UTC calendar day whatever the process time zone", () => {
    expect(renderWith("es-PE", "{{date d}}", { d: "2025-01-01" })).toBe("1 ene. 2025");
  });

  it("an unknown style ⇒ error naming the template", () => {
    expect(() => renderWith("es-PE", '{{date d style="full"}}', { d: "2025-02-14" })).toThrow(/t\.md\.hbs.*style "full"/s);
  });
});

describe("a Spanish edition is a templates folder", () => {
  async function renderPacket(locale: Locale): Promise<string[]> {
    const settings = resolveSettings({ choices: { templates: FIXTURE, locale }, config: DEFAULT_CONFIG, base: ".", exists: existsSync });
    const { data, issues } = await loadInputs({ dir: "inputs" });
    const config = { ...settings.config, focus: "peru" };
    const briefing = buildBriefing({ data, issues, config, period: weekPeriod("2025-W07"), asOf: "2025-02-14" });
    const template = { name: join(settings.templates, "packet.md.hbs"), source: await readFile(join(settings.templates, "packet.md.hbs"), "utf8"), syntax: "markdown" as const };
    const env = createEnvironment();
    registerLocaleHelpers(env, config.locale);
    return textOf(renderTemplate({ env, template, context: toTemplateContext(briefing) }));
  }

  it("--locale es-PE ⇒ templates/es-PE/, with Spanish dates and numbers", async () => {
    expect(await renderPacket("es-PE")).toEqual([
      "Informe 2025-W07",
      // The context's dates hold together with no-break spaces; the helpers' dates are as the locale writes them.
      "Datos al 14 de febrero de 2025 (14\u00a0feb.\u00a02025): 1 actividad.",
      "Periodo: del 10 feb. 2025 al 16 feb. 2025. Ventana: febrero de 2024. Total de ejemplo: 12,345.5.",
    ]);
  });

  it("en-US, with no templates/en-US/ ⇒ the folder itself", async () => {
    expect(await renderPacket("en-US")).toEqual(["Briefing 2025-W07", "Data as of Feb\u00a014,\u00a02025: 1 engagement."]);
  });
});
