import ExcelJS from "exceljs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { composeBriefing } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { repackZip } from "../../src/output/zip.js";
import { renderWorkbook } from "../../src/render/xlsx/workbook.js";
import { PERIOD, SPECIAL, WINDOW, buildWorkbook, cached, config, findRow, readMatrix, readWorkbook } from "./xlsx-helpers.js";
import { editFile } from "../helpers.js";
import { convertWithLibreOffice } from "./libreoffice.js";

/** Opens each workbook in LibreOffice with recalculation forced and saves it again; returns what it saved. */
async function recalculate(files: Record<string, Uint8Array>): Promise<Record<string, ExcelJS.Workbook>> {
  const saved = await convertWithLibreOffice(files);
  const result: Record<string, ExcelJS.Workbook> = {};
  for (const [name, bytes] of Object.entries(saved)) result[name] = await readWorkbook(bytes);
  return result;
}

/** Templates whose topic sheet has a name a formula must quote: a space and an apostrophe. */
async function renamedTemplates(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-templates-"));
  await cp("templates", dir, { recursive: true });
  await editFile(join(dir, "workbook.json.hbs"), '"name": "Engagement topics"', `"name": "Partner's topics"`);
  return dir;
}

/** The special inputs' workbook as a big archive's is written: by exceljs's streaming writer, re-packed. */
async function streamedWorkbook(inputs: string): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const { briefing } = await buildReports({ inputs, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [], allowInvalid: true });
  const spec = composeBriefing(briefing, await loadTemplates("templates")).workbook;
  const bytes = repackZip(await renderWorkbook({ briefing, spec, streamAbove: 0 }), { date: PERIOD.to });
  return { bytes, workbook: await readWorkbook(bytes) };
}

/** A user's edits: cancel the first row of Engagement topics, add two rows, and spoil every cached count. */
async function editWorkbook(bytes: Uint8Array): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const workbook = await readWorkbook(bytes);
  const topics = workbook.getWorksheet("Engagement topics")!;
  topics.getCell(2, 3).value = "Cancelled";
  topics.addRow(["E99", new Date(Date.UTC(2025, 1, 14)), "completed", "Plain XY", "Topic ?", "xy", "t?"]);
  topics.addRow(["E98", new Date(Date.UTC(2025, 1, 13)), "completed", "Plain XY", "Topic ?", "xy", "t?"]);
  workbook.getWorksheet("Matrix")!.eachRow((row) => row.eachCell((cell) => {
    if (cell.formula) cell.value = { formula: cell.formula, result: 999 };
  }));
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), workbook };
}

/** Counts from the rows of the Engagement topics sheet, by partner id and topic id, the way the model counts. */
function countRows(workbook: ExcelJS.Workbook, span: { from: string; to: string }): Map<string, number> {
  const counts = new Map<string, number>();
  workbook.getWorksheet("Engagement topics")!.eachRow((row, r) => {
    const date = row.getCell(2).value;
    if (r === 1 || !(date instanceof Date)) return;
    const iso = date.toISOString().slice(0, 10);
    if (String(row.getCell(3).value).toLowerCase() === "cancelled" || iso < span.from || iso > span.to) return;
    const key = `${String(row.getCell(6).value).toLowerCase()} | ${String(row.getCell(7).value).toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

function idsByName(workbook: ExcelJS.Workbook, sheet: string): Map<string, string> {
  const ids = new Map<string, string>();
  workbook.getWorksheet(sheet)!.eachRow((row, r) => {
    if (r > 1) ids.set(String(row.getCell(2).value), String(row.getCell(1).value).toLowerCase());
  });
  return ids;
}

const blocks = [
  ["trailing window", WINDOW, () => 3],
  ["period", PERIOD, (sheet: ExcelJS.Worksheet) => findRow(sheet, "Partners × topics, this period") + 2],
] as const;

describe("the workbook recalculated by LibreOffice", () => {
  const built: Record<string, ExcelJS.Workbook> = {};
  let recalculated: Record<string, ExcelJS.Workbook>;
  let edited: ExcelJS.Workbook;

  beforeAll(async () => {
    const sample = await buildWorkbook("inputs");
    const special = await buildWorkbook(SPECIAL);
    const templates = await renamedTemplates();
    const renamed = await buildWorkbook(SPECIAL, templates);
    await rm(templates, { recursive: true, force: true });
    const change = await editWorkbook(special.bytes);
    const streamed = await streamedWorkbook(SPECIAL);
    built.streamed = streamed.workbook;
    built.sample = sample.workbook;
    built.special = special.workbook;
    built.renamed = renamed.workbook;
    edited = change.workbook;
    recalculated = await recalculate({ sample: sample.bytes, special: special.bytes, edited: change.bytes, renamed: renamed.bytes, streamed: streamed.bytes });
  }, 330_000);

  it.each(["sample", "special", "renamed", "streamed"])("%s ⇒ every recalculated matrix cell equals its cached result", (name) => {
    const mine = built[name]!.getWorksheet("Matrix")!;
    const theirs = recalculated[name]!.getWorksheet("Matrix")!;
    let formulas = 0;
    mine.eachRow((row) => row.eachCell((cell) => {
      if (!cell.formula) return;
      formulas += 1;
      const other = theirs.getCell(cell.address);
      expect(other.formula, cell.address).toBeTruthy();
      expect(cached(other.value), cell.address).toBe(cached(cell.value));
    }));
    expect(formulas).toBeGreaterThan(10);
  });

  it("a topic sheet named with an apostrophe ⇒ formulas quote it", () => {
    expect(built.renamed!.getWorksheet("Matrix")!.getCell("B4").formula).toContain("'Partner''s topics'!$F:$F");
  });

  it.each(blocks)("edited Engagement topics ⇒ the %s matrix counts the edited rows", (_, span, headerRow) => {
    const sheet = recalculated.edited!.getWorksheet("Matrix")!;
    const matrix = readMatrix(sheet, headerRow(sheet));
    const partnerIds = idsByName(edited, "Partners");
    const topicIds = idsByName(edited, "Cooperation areas");
    const expected = countRows(edited, span);
    matrix.partners.forEach((partner, p) => matrix.topics.forEach((topic, t) => {
      const key = `${partnerIds.get(partner)} | ${topicIds.get(topic)}`;
      expect(cached(matrix.cell(p, t).value), key).toBe(expected.get(key) ?? 0);
    }));
    const total = [...expected].filter(([key]) => !key.startsWith("peru |")).reduce((sum, [, n]) => sum + n, 0);
    expect(cached(sheet.getCell(matrix.totalRow, matrix.totalColumn).value)).toBe(total);
  });

  it("the edits changed the counts, so the comparison above can fail", () => {
    const before = readMatrix(built.special!.getWorksheet("Matrix")!, 3);
    const after = readMatrix(recalculated.edited!.getWorksheet("Matrix")!, 3);
    const total = (m: typeof before) => cached(m.cell(0, 0).worksheet.getCell(m.totalRow, m.totalColumn).value);
    expect(total(after)).not.toBe(total(before));
  });

  it.each(["sample", "special", "edited", "renamed", "streamed"])("%s ⇒ no cell of any sheet shows an error", (name) => {
    for (const sheet of recalculated[name]!.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        const value = cell.value as { error?: string; result?: { error?: string } } | null;
        expect(value?.error ?? value?.result?.error, `${sheet.name}!${cell.address}`).toBeUndefined();
        expect(String(cell.text), `${sheet.name}!${cell.address}`).not.toMatch(/^(#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)|Err:\d+)$/);
      }));
    }
  });
});

describe("the streamed workbook as LibreOffice reads it", () => {
  it("⇒ the same sheets, and the same rows on each, as the workbook made in memory", async () => {
    const [made, streamed] = await Promise.all([buildWorkbook(SPECIAL), streamedWorkbook(SPECIAL)]);
    const opened = await recalculate({ made: made.bytes, streamed: streamed.bytes });
    const text = (workbook: ExcelJS.Workbook) => workbook.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues().map((row) => JSON.stringify(row ?? null))]);
    expect(opened.streamed!.worksheets.map((sheet) => sheet.name)).toEqual(made.workbook.worksheets.map((sheet) => sheet.name));
    expect(text(opened.streamed!)).toEqual(text(opened.made!));
    expect(opened.streamed!.getWorksheet("Engagements")!.rowCount).toBe(made.workbook.getWorksheet("Engagements")!.rowCount);
    expect(made.workbook.getWorksheet("Engagements")!.rowCount).toBeGreaterThan(5);
  }, 330_000);
});
