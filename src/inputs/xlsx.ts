import { readFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import type { Issue } from "../errors.js";
import { normalizeHeader, type CsvRow, type CsvTable } from "./csv.js";

/** What reading an input file gives: a table in the shape CSV files give, or the reasons there is none. */
export interface ParsedTable {
  table: CsvTable | null;
  issues: Issue[];
}

/**
 * Reads an `.xlsx` input file, or returns null when there is none. The
 * entry has no bytes: the sheet is already a table.
 */
export async function readXlsxInput(path: string): Promise<{ path: string; bytes: null; sheet: ParsedTable } | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return { path, bytes: null, sheet: await parseXlsx(bytes, path) };
}

/**
 * Turns the first worksheet of a workbook into the table `parseCsv` gives
 * for a CSV file: headers folded into keys, cells as text, and each row's
 * line number the sheet's row number. Dates become `YYYY-MM-DD`, formulas
 * their cached result, links in `source_url` their address. Empty rows are
 * skipped. Never throws on a bad file.
 */
export async function parseXlsx(bytes: Uint8Array, file: string): Promise<ParsedTable> {
  // Loaded only when a workbook stands in for a CSV file: it is slow to load.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail(file, "file_binary", "the file is not an Excel workbook (.xlsx)", 'open it in Excel and "Save As" → "Excel Workbook (.xlsx)", or save it as CSV UTF-8');
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible") ?? workbook.worksheets[0];
  const rows: Array<{ line: number; values: string[] }> = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value, false);
    });
    if (values.some((v) => v !== undefined && v.trim() !== "")) rows.push({ line: row.number, values: Array.from(values, (v) => v ?? "") });
  });
  const header = rows.shift();
  if (header === undefined) return fail(file, "file_empty", "the first sheet is empty", "put the column names in its first row");
  return toTable(sheet!, header, rows, file);
}

function toTable(sheet: ExcelJS.Worksheet, header: { line: number; values: string[] }, rows: Array<{ line: number; values: string[] }>, file: string): ParsedTable {
  while (header.values.length > 0 && header.values.at(-1)!.trim() === "") header.values.pop();
  const columns = header.values.map(normalizeHeader);
  const labels: Record<string, string> = {};
  const issues: Issue[] = [];
  columns.forEach((key, index) => {
    const label = header.values[index] ?? key;
    if (key === "" || labels[key] !== undefined) {
      issues.push({
        file, line: header.line, column: label, value: label, severity: "error", code: "column_duplicate",
        message: key === "" ? `column ${index + 1} has no name` : `column "${label}" appears twice`,
        hint: "give every column a distinct name",
      });
    }
    labels[key] = label;
  });
  const linkColumn = columns.indexOf("source_url") + 1;
  for (const { line, values } of rows) {
    const stray = values.findIndex((v, index) => index >= columns.length && v.trim() !== "");
    if (stray >= 0) {
      issues.push({
        file, line, column: null, value: values[stray] ?? null, severity: "error", code: "field_count",
        message: `column ${columnLetter(stray + 1)} has a value but no header`,
        hint: "give the column a name in the first row, or move the value into a named column",
      });
    }
  }
  const table: CsvRow[] = rows.map(({ line, values }) => {
    const cells: Record<string, string> = {};
    columns.forEach((key, index) => {
      cells[key] = index + 1 === linkColumn ? cellText(sheet.getRow(line).getCell(linkColumn).value, true) : (values[index] ?? "");
    });
    return { line, cells };
  });
  return { table: { columns, labels, rows: table, delimiter: "," }, issues };
}

/** The text of a cell value as a person typed it. */
export function cellText(value: ExcelJS.CellValue, preferLink: boolean): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoOf(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return preferLink ? value.hyperlink : cellText(value.text as ExcelJS.CellValue, false);
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, preferLink);
  if ("error" in value) return String(value.error);
  return "";
}

function columnLetter(n: number): string {
  let letters = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

// Excel dates carry no time zone; exceljs gives them as UTC instants.
function isoOf(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
}

function fail(file: string, code: Issue["code"], message: string, hint: string): ParsedTable {
  return { table: null, issues: [{ file, line: null, column: null, value: null, severity: "error", code, message, hint }] };
}
