import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildReports } from "../../src/build.js";
import { DEFAULT_CONFIG, type Config } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";

export const SPECIAL = "test/fixtures/xlsx-special";
export const PERIOD = weekPeriod("2025-W07");
/** The trailing 52 weeks that end with 2025-W07. */
export const WINDOW = { from: "2024-02-19", to: "2025-02-16" };
export const config: Config = { ...DEFAULT_CONFIG, title: "Test & briefing", marking: "UNCLASSIFIED // TEST", author: "Test office", focus: "peru" };

/** Builds the workbook of an inputs folder for 2025-W07, keeping the valid rows. */
export async function buildWorkbook(inputs: string, templates = "templates"): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const result = await buildReports({ inputs, templates, config, period: PERIOD, asOf: PERIOD.to, formats: ["xlsx"], allowInvalid: true });
  const bytes = result.files[0]!.bytes;
  return { bytes, workbook: await readWorkbook(bytes) };
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true });

/**
 * Counts per partner name and topic name, read straight from the CSV files:
 * engagements that start in [from, to] and are not cancelled; references by
 * id or name. Rows with a date that does not exist are left out, as the build
 * skips them.
 */
export function countFromCsv(inputs: string, span: { from: string; to: string }): Map<string, number> {
  const resolve = (file: string) => {
    const rows = readCsv(join(inputs, file));
    const byKey = new Map<string, Row>();
    for (const row of rows) for (const key of [row.id!, row.name!]) byKey.set(key.toLowerCase(), row);
    return (ref: string) => byKey.get(ref.trim().toLowerCase())!;
  };
  const partner = resolve("partners.csv");
  const topic = resolve("cooperation-areas.csv");
  const counts = new Map<string, number>();
  for (const e of readCsv(join(inputs, "engagements.csv"))) {
    const date = e.start_date!;
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) continue;
    if ((e.status ?? "").toLowerCase() === "cancelled" || date < span.from || date > span.to) continue;
    for (const p of e.partners!.split(";")) {
      for (const t of e.topics!.split(";")) {
        const key = `${partner(p).name} | ${topic(t).name}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** One matrix block of the Matrix sheet: its header row, partner rows and cells. */
export function readMatrix(sheet: ExcelJS.Worksheet, headerRow: number) {
  const header = sheet.getRow(headerRow);
  const topics: string[] = [];
  for (let c = 2; String(header.getCell(c).value) !== "Total"; c++) topics.push(String(header.getCell(c).value));
  const partners: string[] = [];
  for (let r = headerRow + 1; sheet.getCell(r, 1).value !== "Total"; r++) partners.push(String(sheet.getCell(r, 1).value));
  const cell = (p: number, t: number) => sheet.getCell(headerRow + 1 + p, t + 2);
  return { topics, partners, cell, totalRow: headerRow + 1 + partners.length, totalColumn: topics.length + 2 };
}

/** The row number of a cell in column A with this text. */
export function findRow(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (String(sheet.getCell(r, 1).value).startsWith(text)) return r;
  throw new Error(`no row starts with ${text}`);
}

/**
 * The cached result of a formula cell. exceljs reads a cached 0 back as no
 * result; the test of the raw XML shows that every formula has one.
 */
export function cached(value: unknown): number {
  const result = (value as ExcelJS.CellFormulaValue).result;
  if (result !== undefined && typeof result !== "number") throw new Error(`not a number: ${JSON.stringify(result)}`);
  return result ?? 0;
}
