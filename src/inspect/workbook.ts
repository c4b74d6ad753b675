import ExcelJS from "exceljs";
import { BriefkitError } from "../errors.js";
import { formatCellValue, formatDate, formulaOf } from "./cell-text.js";
import { columnLetter, describeSettings } from "./sheet-settings.js";

/**
 * The workbook as plain text, for people and snapshot tests: its properties,
 * then each sheet with its settings, its cells as a grid of one line per row
 * (`|` between cells) and its formulas with their cached results.
 * The text depends only on the workbook's contents.
 */
export async function inspectWorkbook(bytes: Uint8Array, options: { name?: string } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const what = options.name ?? "the file";
    throw new BriefkitError({ code: "invalid_input", message: `${what} is not an Excel workbook (.xlsx) that can be read`, cause: error });
  }
  const sheets = workbook.worksheets;
  const lines = [
    "Workbook",
    ...describeProperties(workbook),
    `sheets: ${sheets.map((sheet) => sheet.name).join(", ")}`,
  ];
  sheets.forEach((sheet, index) => lines.push("", ...describeSheet(sheet, `Sheet ${index + 1} of ${sheets.length}`)));
  return `${lines.join("\n")}\n`;
}

function describeProperties(workbook: ExcelJS.Workbook): string[] {
  const properties: Array<[string, string | Date | undefined]> = [
    ["title", workbook.title],
    ["subject", workbook.subject],
    ["author", workbook.creator],
    ["last modified by", workbook.lastModifiedBy],
    ["created", workbook.created],
    ["modified", workbook.modified],
  ];
  return properties
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([name, value]) => `${name}: ${value instanceof Date ? formatDate(value) : value}`);
}

/** One sheet: a heading, its settings, its grid of cells and its formulas. */
function describeSheet(sheet: ExcelJS.Worksheet, heading: string): string[] {
  const rows: string[] = [];
  const formulas: string[] = [];
  let lastColumn = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged && cell.master !== cell) return;
      const formula = formulaOf(cell);
      // cell.value drops a cached result of 0; cell.result keeps it.
      const text = formatCellValue(formula === null ? cell.value : ((cell.result ?? null) as ExcelJS.CellValue));
      if (formula !== null) formulas.push(`${cell.address} ${formula} ⇒ ${text === "" ? "(no cached result)" : text}`);
      if (text === "") return;
      while (cells.length < column - 1) cells.push("");
      cells[column - 1] = text;
    });
    if (cells.length === 0) return;
    lastColumn = Math.max(lastColumn, cells.length);
    rows.push(`${String(rowNumber).padStart(4)} | ${cells.join(" | ")}`);
  });
  const lines = [`== ${heading}: ${sheet.name} ==`, ...describeSettings(sheet)];
  if (rows.length === 0) return [...lines, "(no cells)"];
  const letters = Array.from({ length: lastColumn }, (_, i) => columnLetter(i + 1));
  lines.push(`${"".padStart(4)} | ${letters.join(" | ")}`, ...rows);
  if (formulas.length > 0) lines.push("formulas:", ...formulas.map((line) => `  ${line}`));
  return lines;
}
