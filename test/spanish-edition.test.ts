import ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReports, type BuildReportsResult as BuildResult } from "../src/build.js";
import { DEFAULT_CONFIG, type Config } from "../src/config.js";
import { planScaffold } from "../src/init/scaffold.js";
import { weekPeriod } from "../src/model/period.js";
import { builtInTemplates, resolveSettings } from "../src/options.js";
import { flattenOutlines, inspectPdf, type PdfReport } from "./render/pdf-tools.js";

const sample: Config = {
  ...DEFAULT_CONFIG,
  title: "Peru defense partnerships",
  office: "Office of International Defense Affairs",
  marking: "UNCLASSIFIED // FOR OFFICIAL USE ONLY",
  focus: "peru",
};

/** Builds the sample week the way `build --locale` does: the templates folder is picked by the settings. */
async function buildSample(locale: "en-US" | "es-PE", templates = builtInTemplates()): Promise<{ result: BuildResult; workbook: ExcelJS.Workbook; pdf: PdfReport }> {
  const settings = resolveSettings({ choices: { locale, templates }, config: sample, base: ".", exists: existsSync });
  const period = weekPeriod("2025-W07");
  const result = await buildReports({ inputs: "inputs", templates: settings.templates, config: settings.config, period, asOf: period.to, formats: ["xlsx", "pdf"] });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(result.files[0]!.bytes) as unknown as ArrayBuffer);
  return { result, workbook, pdf: inspectPdf(result.files[1]!.bytes) };
}

/** The text of a PDF with line breaks and runs of spaces as single spaces. */
function flat(pdf: PdfReport): string {
  return pdf.flow.join(" ").replace(/\s+/g, " ");
}

describe("the Spanish edition of the sample week (--locale es-PE)", () => {
  let es: Awaited<ReturnType<typeof buildSample>>;
  let en: Awaited<ReturnType<typeof buildSample>>;

  beforeAll(async () => {
    [es, en] = await Promise.all([buildSample("es-PE"), buildSample("en-US")]);
  });

  it("sheets ⇒ Spanish names, in the English order", () => {
    expect(es.workbook.worksheets.map((s) => s.name)).toEqual([
      "Acerca de", "Matriz", "Actividades", "Temas por actividad", "Próximas actividades", "Socios", "Áreas de cooperación", "Iniciativas", "Problemas de los datos",
    ]);
  });

  it("headers, titles and About rows ⇒ Spanish words and Spanish dates", () => {
    const header = (name: string) => (es.workbook.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(header("Actividades").slice(0, 6)).toEqual(["ID", "Fecha de inicio", "Fecha de término", "Título", "Tipo", "Estado"]);
    expect(header("Socios")).toEqual(["ID", "Nombre", "Tipo", "Región", "Actividades, últimas 52 semanas"]);
    const matrix = es.workbook.getWorksheet("Matriz")!;
    expect(matrix.getCell("A1").value).toBe("Socios × temas, últimas 52 semanas (19 feb. 2024 – 16 feb. 2025)");
    expect(matrix.getCell("A8").value).toBe("Socios × temas, este periodo (10 feb. 2025 – 16 feb. 2025)");
    const about = es.workbook.getWorksheet("Acerca de")!;
    const rows = new Map((about.getSheetValues() as unknown[][]).filter(Boolean).map((row) => [row[1], row[2]]));
    expect(rows.get("Datos al")).toBe("16 feb. 2025");
    expect(rows.get("Periodo")).toBe("2025-W07 (10 feb. 2025 – 16 feb. 2025)");
    expect(es.workbook.title).toBe("Peru defense partnerships — 2025-W07");
  });

  it("printed sheets ⇒ “Página &P de &N” in the footer", () => {
    for (const sheet of es.workbook.worksheets) expect(sheet.headerFooter.oddFooter).toMatch(/&RPágina &P de &N$/);
    for (const sheet of en.workbook.worksheets) expect(sheet.headerFooter.oddFooter).toMatch(/&RPage &P of &N$/);
  });

  it("dates in cells ⇒ dd/mm/yyyy, still real dates", () => {
    const cell = es.workbook.getWorksheet("Actividades")!.getCell("B2");
    expect(cell.value).toEqual(new Date(Date.UTC(2023, 7, 15)));
    expect(cell.numFmt).toBe("dd/mm/yyyy");
    expect(en.workbook.getWorksheet("Engagements")!.getCell("B2").numFmt).toBe("yyyy-mm-dd");
  });

  it("matrix formulas ⇒ the English ones over the renamed sheet, with the same results", () => {
    const formulas = (sheet: ExcelJS.Worksheet) => {
      const found: Array<{ address: string; formula: string; result: unknown }> = [];
      sheet.eachRow((row) => row.eachCell((cell) => {
        if (cell.formula) found.push({ address: cell.address, formula: cell.formula, result: cell.result });
      }));
      return found;
    };
    const english = formulas(en.workbook.getWorksheet("Matrix")!);
    expect(english.length).toBeGreaterThan(50);
    expect(formulas(es.workbook.getWorksheet("Matriz")!)).toEqual(
      english.map((f) => ({ ...f, formula: f.formula.replaceAll("'Engagement topics'!", "'Temas por actividad'!") })),
    );
  });

  it("the data stays as typed", () => {
    const row = es.workbook.getWorksheet("Actividades")!.getRow(2);
    const enRow = en.workbook.getWorksheet("Engagements")!.getRow(2);
    expect(row.values).toEqual(enRow.values);
  });

  it("packet ⇒ Spanish headings, bookmarks, dates, kinds and “Página X de Y” on every page", () => {
    const text = flat(es.pdf);
    for (const words of ["Informe semanal 2025-W07", "Datos al 16 feb. 2025", "Puntos clave", "Actividades del periodo", "Próximas actividades", "Socios y temas, últimas 52 semanas", "Áreas de cooperación", "Hoja de ruta", "Fuentes", "Anexo: problemas de los datos", "11 feb. 2025 – 13 feb. 2025 · conversaciones · Lima, Perú", "8 mar. 2027 – 12 mar. 2027"]) {
      expect(text).toContain(words);
    }
    const outline = flattenOutlines(es.pdf.outlines).map((o) => o.title);
    expect(outline).toEqual(expect.arrayContaining(["Contenido", "Puntos clave", "Socios", "Anexo: problemas de los datos"]));
    es.pdf.bottom.forEach((page, index) => expect(page).toContain(`Página ${index + 1} de ${es.pdf.bottom.length}`));
    expect(es.pdf.info["Subject"]).toBe("Actividades de defensa, 10 feb. 2025 – 16 feb. 2025");
    expect(text).toContain("Actividades por socio (filas) y tema (columnas), últimas 52 semanas, con totales");
    expect(es.pdf.figureAlts[0]).toMatch(/^Actividades por tema/);
  });

  it("no heading of the English packet is left, besides the data's own", () => {
    const titles = (pdf: PdfReport) => flattenOutlines(pdf.outlines).map((o) => o.title);
    const english = titles(en.pdf).filter((title) => !titles(es.pdf).includes(title));
    expect(english).toEqual(expect.arrayContaining(["Contents", "Key points", "Cooperation areas", "Annex: data issues"]));
    // A heading stands on a line of its own ("Partners" may well be inside a word of the data).
    const lines = new Set(es.pdf.flow.join("\n").split("\n").map((line) => line.trim()));
    for (const title of english) expect(lines.has(title), title).toBe(false);
    const text = flat(es.pdf);
    for (const words of ["Page 1 of", "Weekly briefing", "Data as of", "Engagements per", "talks ·"]) expect(text).not.toContain(words);
  });

  it("language tag ⇒ es-PE for the Spanish templates, en-US for the English ones", () => {
    expect(es.pdf.catalog["/Lang"]).toBe("u:es-PE");
    expect(en.pdf.catalog["/Lang"]).toBe("u:en-US");
  });
});

describe("es-PE asked for, with a templates folder that has no es-PE/", () => {
  it("⇒ the English words keep an English language tag, with es-PE dates", async () => {
    const englishOnly = await mkdtemp(join(tmpdir(), "briefkit-en-"));
    for (const name of ["packet.md.hbs", "workbook.json.hbs", "labels.json.hbs"]) await copyFile(join(builtInTemplates(), name), join(englishOnly, name));
    const { pdf } = await buildSample("es-PE", englishOnly);
    expect(pdf.catalog["/Lang"]).toBe("u:en-US");
    expect(flat(pdf)).toContain("Data as of 16 feb. 2025");
  });
});

describe("briefkit init", () => {
  it("⇒ the new folder holds the Spanish edition too", async () => {
    const files = await planScaffold({ templates: builtInTemplates(), today: "2025-02-16", timeZone: "UTC" });
    const spanish = files.find((f) => f.path === "templates/es-PE/packet.md.hbs");
    expect(spanish?.content).toContain("# Puntos clave");
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["templates/es-PE/workbook.json.hbs", "templates/es-PE/labels.json.hbs"]));
  });
});
