import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../src/config.js";
import { builtInTemplates, localizedTemplates, parseFormats, parseLocale, resolvePeriods, resolveSettings, todayIn } from "../src/options.js";

describe("resolvePeriods", () => {
  const today = "2025-02-17";
  const labels = (flags: object) => resolvePeriods({ ...flags, today }).map(({ period, asOf }) => `${period.label}@${asOf}`);

  it.each([
    [{}, ["2025-W08@2025-02-17"]],
    [{ lastWeek: true }, ["2025-W07@2025-02-16"]],
    [{ lastWeek: true, asOf: "2025-03-05" }, ["2025-W09@2025-03-05"]],
    [{ week: ["2025-W06", "2025-W07"] }, ["2025-W06@2025-02-09", "2025-W07@2025-02-16"]],
    [{ week: ["2025-W07", "2025-w07"] }, ["2025-W07@2025-02-16"]],
    [{ month: ["2025-01", "2025-02"] }, ["2025-01@2025-01-31", "2025-02@2025-02-28"]],
    [{ week: ["2025-W07"], month: ["2025-02"], asOf: "2025-03-01" }, ["2025-W07@2025-03-01", "2025-02@2025-03-01"]],
    [{ from: "2025-02-01", to: "2025-02-10", lastWeek: true }, ["2025-02-01_2025-02-10@2025-02-10", "2025-W07@2025-02-16"]],
  ])("%j ⇒ %j", (flags, expected) => {
    expect(labels(flags)).toEqual(expected);
  });

  it.each([
    [{ to: "2025-02-01" }, "--to needs --from as well"],
    [{ week: ["2025-W07", "2025-W99"] }, '--week "2025-W99" is not an ISO week'],
    [{ lastWeek: true, asOf: "last monday" }, '--as-of "last monday" is not a date'],
  ])("%j ⇒ %s", (flags, message) => {
    expect(() => resolvePeriods({ ...flags, today })).toThrow(message);
  });
});

describe("todayIn", () => {
  const now = new Date("2025-02-17T03:00:00Z");
  it.each([
    ["UTC", "2025-02-17"],
    ["America/Lima", "2025-02-16"],
    ["Europe/Paris", "2025-02-17"],
  ])("03:00 UTC in %s ⇒ %s", (zone, day) => {
    expect(todayIn(zone, now)).toBe(day);
  });
});

describe("resolveSettings: choices > config > defaults", () => {
  const config = parseConfig({ inputs: "data", out: "/srv/reports", formats: ["pdf"], locale: "es-PE", templates: "tpl" }, "office/briefkit.config.json");
  const none = () => false;

  it.each([
    ["defaults", {}, DEFAULT_CONFIG, ".", { inputs: "inputs", out: "reports", formats: ["xlsx", "pdf"], locale: "en-US", templates: builtInTemplates() }],
    ["defaults beside a config in another folder", {}, DEFAULT_CONFIG, "lima", { inputs: "lima/inputs", out: "lima/reports", formats: ["xlsx", "pdf"], locale: "en-US", templates: builtInTemplates() }],
    ["config", {}, config, "office", { inputs: "office/data", out: "/srv/reports", formats: ["pdf"], locale: "es-PE", templates: "office/tpl" }],
    [
      "choices",
      { inputs: "in", out: "out", formats: ["xlsx"], locale: "en-US", templates: "t" },
      config,
      "office",
      { inputs: "in", out: "out", formats: ["xlsx"], locale: "en-US", templates: "t" },
    ],
  ] as const)("%s", (_name, choices, cfg, base, expected) => {
    const settings = resolveSettings({ choices, config: cfg, base, exists: none });
    expect({ ...settings, locale: settings.config.locale, config: undefined, localeFallback: undefined }).toEqual({ ...expected, config: undefined });
  });

  it.each([
    [".", "templates"],
    ["/home/analyst", "/home/analyst/templates"],
  ])("templates/ beside the config (in %s) is used when it exists and nothing names another folder", (base, expected) => {
    const settings = resolveSettings({ choices: {}, config: DEFAULT_CONFIG, base, exists: (p) => p === expected });
    expect(settings.templates).toBe(expected);
  });

  it("a PDF/A level chosen ⇒ the config's is overridden; null ⇒ plain PDF", () => {
    const pdfa = parseConfig({ pdfa: "PDF/A-2b" }, "briefkit.config.json");
    expect(resolveSettings({ choices: {}, config: pdfa, base: ".", exists: none }).config.pdfa).toBe("PDF/A-2b");
    expect(resolveSettings({ choices: { pdfa: "PDF/A-1b" }, config: pdfa, base: ".", exists: none }).config.pdfa).toBe("PDF/A-1b");
    expect(resolveSettings({ choices: { pdfa: null }, config: pdfa, base: ".", exists: none }).config.pdfa).toBeNull();
  });
});

describe("parseLocale and parseFormats", () => {
  it("a wrong --locale ⇒ usage error naming the known ones", () => {
    expect(() => parseLocale("fr")).toThrow('--locale "fr" is not a known locale; use en-US or es-PE');
  });

  it.each([
    ["en-us", "en-US"],
    [" es-pe ", "es-PE"],
  ])("--locale %j ⇒ %s", (text, locale) => {
    expect(parseLocale(text)).toBe(locale);
  });

  it.each([
    ["xlsx", ["xlsx"]],
    ["PDF, xlsx, pdf", ["pdf", "xlsx"]],
  ])("--format %j ⇒ %j", (text, formats) => {
    expect(parseFormats(text)).toEqual(formats);
  });

  it("--format docx ⇒ usage error", () => {
    expect(() => parseFormats("docx")).toThrow('--format "docx" is not a list of formats; use xlsx, pdf or xlsx,pdf');
  });
});

describe("localeFallback", () => {
  it.each([
    ["en-US", [], false],
    ["es-PE", ["t/es-PE"], false],
    ["es-PE", [], true],
  ] as const)("locale %s, folders %j ⇒ %s", (locale, folders, fallback) => {
    const settings = resolveSettings({ choices: { locale, templates: "t" }, config: DEFAULT_CONFIG, base: ".", exists: (p) => (folders as readonly string[]).includes(p) });
    expect(settings.localeFallback).toBe(fallback);
  });
});

describe("localizedTemplates", () => {
  it.each([
    [["tpl/es-PE"], "es-PE", "tpl/es-PE"],
    [[], "es-PE", "tpl"],
    [["tpl/es-PE"], "en-US", "tpl"],
  ])("folders %j, locale %s ⇒ %s", (folders, locale, expected) => {
    expect(localizedTemplates("tpl", locale, (p) => folders.includes(p))).toBe(expected);
  });
});
