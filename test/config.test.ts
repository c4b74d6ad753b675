import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { configJsonSchema, DEFAULT_CONFIG, inLocale, loadConfig, parseConfig } from "../src/config.js";

describe("the published JSON Schema", () => {
  it("schema/briefkit.config.schema.json is the one generated from the zod schema (run `npm run schema` after changing it)", async () => {
    const committed = await readFile("schema/briefkit.config.schema.json", "utf8");
    expect(committed).toBe(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

  it("names every key, refuses others, and lists the locales", () => {
    const schema = configJsonSchema() as { properties: Record<string, { enum?: string[] }>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual([
      "$schema", "title", "office", "marking", "author", "locale", "timeZone", "focus", "dateOrder", "windowWeeks", "formats", "inputs", "templates", "out", "pdfa",
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.locale?.enum).toEqual(["en-US", "es-PE"]);
  });
});

describe("parseConfig", () => {
  it("{} ⇒ the defaults", () => {
    expect(parseConfig({}, "briefkit.config.json")).toEqual(DEFAULT_CONFIG);
  });

  it("folders are read relative to the config file; $schema is accepted and dropped", () => {
    const config = parseConfig({ $schema: "./briefkit.config.schema.json", inputs: "data", out: "/tmp/reports", timeZone: "America/Lima" }, "lima/briefkit.config.json");
    expect(config).toMatchObject({ inputs: "lima/data", out: "/tmp/reports", templates: null, timeZone: "America/Lima" });
    expect(config).not.toHaveProperty("$schema");
  });

  it.each([
    [{ titel: "x" }, 'cfg.json: unknown key "titel" (did you mean "title"?)'],
    [{ timeZone: "Lima" }, "timeZone: must be an IANA time zone name, such as America/Lima or UTC"],
    [{ locale: "fr-FR" }, "locale: Invalid option"],
    [{ windowWeeks: 0 }, "windowWeeks:"],
    [{ formats: [] }, "formats:"],
  ])("%j ⇒ %s", (json, message) => {
    expect(() => parseConfig(json, "cfg.json")).toThrow(message);
  });
});

describe("the marking", () => {
  it.each([
    ["200 characters", "U".repeat(200)],
    ["180 characters, 20 of them &", "R&D ".repeat(20) + "U".repeat(100)],
  ])("%s ⇒ accepted", (_, marking) => {
    expect(parseConfig({ marking }, "cfg.json").marking).toBe(marking);
  });

  it("a marking longer than every sheet's header and footer hold ⇒ refused, saying why and how long it may be", () => {
    expect(() => parseConfig({ marking: "UNCLASSIFIED // FOR OFFICIAL USE ONLY & ".repeat(8).slice(0, 300) }, "cfg.json")).toThrowErrorMatchingInlineSnapshot(
      `[BriefkitError: cfg.json: marking: 307 characters (an & counts as two), more than the 200 a marking may have: the workbook prints it in the header and footer of every sheet, where Excel allows 255 characters with the page number]`,
    );
    expect(() => parseConfig({ marking: "U".repeat(201) }, "cfg.json")).toThrow("marking: 201 characters, more than the 200");
  });
});

describe("loadConfig", () => {
  it.each([
    [false, "the defaults"],
    [true, "an error"],
  ])("a missing file, named explicitly: %s ⇒ %s", async (explicit) => {
    const load = loadConfig({ path: "no-such.config.json", explicit });
    if (explicit) await expect(load).rejects.toThrow("no-such.config.json: cannot read the config file");
    else expect(await load).toEqual(DEFAULT_CONFIG);
  });

  it("the project's own config is valid", async () => {
    expect((await loadConfig({ path: "briefkit.config.json", explicit: true })).focus).toBe("peru");
  });
});

describe("title, office and marking per locale", () => {
  const texts = {
    title: { "en-US": "Peru defense partnerships", "es-PE": "Asociaciones de defensa del Perú" },
    office: "Office of International Defense Affairs",
    marking: { "es-PE": "NO CLASIFICADO" },
  };

  it.each([
    ["en-US", "Peru defense partnerships", "Office of International Defense Affairs", "NO CLASIFICADO"],
    ["es-PE", "Asociaciones de defensa del Perú", "Office of International Defense Affairs", "NO CLASIFICADO"],
  ] as const)("config locale %s ⇒ its texts, else the en-US ones, else the one given", (locale, title, office, marking) => {
    const config = parseConfig({ ...texts, locale }, "briefkit.config.json");
    expect([config.title, config.office, config.marking]).toEqual([title, office, marking]);
  });

  it("--locale over the config's ⇒ the texts of that locale", () => {
    const config = parseConfig({ ...texts, locale: "en-US" }, "briefkit.config.json");
    const spanish = inLocale(config, "es-PE");
    expect([spanish.title, spanish.locale]).toEqual(["Asociaciones de defensa del Perú", "es-PE"]);
    expect(inLocale(spanish, "en-US").title).toBe("Peru defense partnerships");
  });

  it("a config without texts per locale ⇒ inLocale changes only the locale", () => {
    const config = parseConfig({ title: "T" }, "briefkit.config.json");
    expect(inLocale(config, "es-PE")).toEqual({ ...config, locale: "es-PE" });
  });

  it("an unknown locale key ⇒ an error naming it", () => {
    expect(() => parseConfig({ title: { "fr-FR": "Partenariats" } }, "briefkit.config.json")).toThrow(/title/);
  });
});
