import ExcelJS from "exceljs";
import { ENGAGEMENT_KINDS, INPUT_FILES, STATUSES } from "../inputs/schemas.js";
import { repackZip } from "../output/zip.js";

/** How many rows of the entry sheet carry drop-downs and date formats. */
export const ENTRY_ROWS = 500;

const WIDTHS: Record<string, number> = {
  id: 12, start_date: 12, end_date: 12, title: 40, partners: 28, topics: 32, kind: 12,
  location: 22, officials: 36, summary: 60, source_url: 36, status: 12,
};

const HELP: Record<string, string> = {
  id: "A short code of your own, unique in the sheet, e.g. E-2025-07.",
  start_date: "The first day, as a date (type 2025-02-14).",
  end_date: "The last day, for engagements of several days; else leave it empty.",
  title: "What happened, in a few words.",
  partners: "Pick a partner from the list, or type several ids or names separated by ;",
  topics: "Pick a topic from the list, or type several ids or names separated by ;",
  kind: "dialogue, visit, meeting, talks, exercise, workshop or other (default other).",
  location: "City and country.",
  officials: "Names and posts, separated by ;",
  summary: "A few sentences for the packet.",
  source_url: "The address (https://…) of the public source, if there is one.",
  status: "completed (default), planned or cancelled.",
};

/**
 * A workbook for typing engagements: the input columns on the first sheet,
 * drop-downs for kind, status, partners and topics (from `lists`), date
 * cells, then a sheet of instructions and the lists themselves. briefkit
 * reads it back as `engagements.xlsx`.
 */
export async function renderInputWorkbook(options: { partners: readonly string[]; topics: readonly string[]; created: Date }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "briefkit";
  workbook.created = options.created;
  workbook.modified = options.created;
  const print = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;
  const entry = workbook.addWorksheet("engagements", { views: [{ state: "frozen", ySplit: 1 }], pageSetup: print });
  const instructions = workbook.addWorksheet("Instructions", { pageSetup: print });
  const lists = workbook.addWorksheet("Lists");

  const columns = INPUT_FILES.engagements.known;
  entry.columns = columns.map((key) => ({ header: key, key, width: WIDTHS[key] ?? 16 }));
  entry.getRow(1).font = { bold: true };
  columns.forEach((key, index) => {
    entry.getCell(1, index + 1).note = HELP[key] ?? key;
  });
  entry.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  writeList(lists, 1, "partners", options.partners);
  writeList(lists, 2, "topics", options.topics);
  writeList(lists, 3, "kind", ENGAGEMENT_KINDS);
  writeList(lists, 4, "status", STATUSES);

  // One validation a column range: exceljs merges per-cell ones after sorting their addresses as text, into ranges that overlap.
  const validations = (entry as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((key, index) => {
    const dv = validationOf(key, options);
    const letter = String.fromCharCode(65 + index);
    if (dv !== null) validations.add(`${letter}2:${letter}${ENTRY_ROWS + 1}`, dv);
    const dates = key === "start_date" || key === "end_date";
    for (let row = 2; row <= ENTRY_ROWS + 1; row++) {
      const cell = entry.getCell(row, index + 1);
      if (dates) cell.numFmt = "yyyy-mm-dd";
      else if (key === "summary" || key === "officials" || key === "title") cell.alignment = { wrapText: true, vertical: "top" };
    }
  });

  writeInstructions(instructions);
  // Re-packed as the briefing workbooks are, with the same fixes (the hidden name of the sheet's filter).
  const bytes = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions);
  return repackZip(new Uint8Array(bytes as ArrayBuffer), { date: options.created.toISOString().slice(0, 10) });
}

/** The drop-down or date check of a column of the entry sheet, if it has one. */
function validationOf(key: string, lists: { partners: readonly string[]; topics: readonly string[] }): ExcelJS.DataValidation | null {
  const prompt = { showInputMessage: true, promptTitle: key, prompt: HELP[key] ?? "" };
  const range = (column: string, count: number) => `Lists!$${column}$2:$${column}$${count + 1}`;
  switch (key) {
    case "start_date":
    case "end_date":
      return {
        type: "date", operator: "between", allowBlank: true, formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true, errorTitle: "Not a date", error: "Type a date, for example 2025-02-14.", ...prompt,
      };
    case "kind":
      return { type: "list", allowBlank: true, formulae: [range("C", ENGAGEMENT_KINDS.length)], showErrorMessage: true, errorTitle: "Not a kind", error: "Pick one of the list.", ...prompt };
    case "status":
      return { type: "list", allowBlank: true, formulae: [range("D", STATUSES.length)], showErrorMessage: true, errorTitle: "Not a status", error: "Pick one of the list.", ...prompt };
    case "partners":
    case "topics": {
      const count = key === "partners" ? lists.partners.length : lists.topics.length;
      // No error alert: several values separated by ";" must stay possible.
      return count === 0 ? null : { type: "list", allowBlank: true, formulae: [range(key === "partners" ? "A" : "B", count)], showErrorMessage: false, ...prompt };
    }
    default:
      return null;
  }
}

function writeList(sheet: ExcelJS.Worksheet, column: number, title: string, values: readonly string[]): void {
  sheet.getCell(1, column).value = title;
  sheet.getCell(1, column).font = { bold: true };
  values.forEach((value, index) => {
    sheet.getCell(index + 2, column).value = value;
  });
  sheet.getColumn(column).width = Math.max(14, ...values.map((v) => v.length + 2));
}

function writeInstructions(sheet: ExcelJS.Worksheet): void {
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 110;
  const lines: Array<[string, string]> = [
    ["How to use this workbook", ""],
    ["", "Type one engagement per row on the first sheet (engagements). Keep the column names in row 1 as they are."],
    ["", "Save the file as engagements.xlsx in the inputs folder. briefkit reads it when there is no engagements.csv there."],
    ["", "Check it with: briefkit validate. Every problem is listed with its row number and a hint."],
    ["", "Partners and topics come from the Lists sheet: partners.csv and cooperation-areas.csv when this file was made."],
    ["", "For several partners or topics in one row, type them separated by ;"],
    ["", "Dates are real dates: type 2025-02-14. Columns you add at the right are kept and shown in the reports."],
    ["Columns", ""],
    ...INPUT_FILES.engagements.known.map((key): [string, string] => [
      key, `${HELP[key] ?? ""}${(INPUT_FILES.engagements.required as readonly string[]).includes(key) ? " (required)" : ""}`,
    ]),
  ];
  lines.forEach(([a, b], index) => {
    const row = sheet.getRow(index + 1);
    row.values = [a, b];
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    if (b === "" || index > 7) row.getCell(1).font = { bold: true };
  });
}
