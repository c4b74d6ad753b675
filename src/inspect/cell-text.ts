import type ExcelJS from "exceljs";

/** What a cell shows, as one line of text: formulas give their cached result, dates their ISO form. */
export function formatCellValue(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number" || typeof value === "boolean") return formatScalar(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return escapeText(value.richText.map((run) => run.text).join(""));
  if ("hyperlink" in value) {
    const text = formatCellValue(value.text as ExcelJS.CellValue);
    return text === value.hyperlink ? `<${value.hyperlink}>` : `${text} <${value.hyperlink}>`;
  }
  if ("formula" in value || "sharedFormula" in value) return formatCellValue(value.result ?? null);
  return escapeText(JSON.stringify(value));
}

/** The formula of a cell, with its leading `=`, or null when it holds a plain value. */
export function formulaOf(cell: ExcelJS.Cell): string | null {
  const formula = cell.formula;
  return typeof formula === "string" && formula !== "" ? `=${formula}` : null;
}

/** `2025-02-16` for a midnight in UTC, else `2025-02-16T09:30:00Z`. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "(invalid date)";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

function formatScalar(value: number | boolean): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

// One cell, one line, and `|` stays a column separator.
function escapeText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "\\n").replace(/\t/g, "\\t").replace(/\|/g, "\\|");
}
