import type ExcelJS from "exceljs";
import type { WorkbookSpec } from "../../compose/compose.js";
import type { Briefing } from "../../model/briefing.js";
import type { Matrix } from "../../model/matrix.js";
import { FONT, HEADER_FILL } from "./cells.js";
import { columnNumber, type ColumnKey } from "./columns.js";
import { MAX_CRITERION_LENGTH, columnLetter, columnRange, dateFormula, exactCriterion, quoteString } from "./formula.js";
import { ENGAGEMENT_TOPICS } from "./list-sheets.js";
import { setupPrinting } from "./print.js";
import { setViews } from "./sheet.js";
import { nameLookup } from "../../model/names.js";

const column = (key: ColumnKey<"engagementTopics">) => columnNumber(ENGAGEMENT_TOPICS, key);
const BORDER = { style: "medium", color: { argb: "FFC00000" } } as const;

/**
 * Writes the trailing-window matrix, then the period's matrix below it, each
 * with row and column totals. Cells are COUNTIFS formulas over the
 * Engagement topics sheet with their results cached; a colour scale shows
 * intensity and window cells that this period added to get a red border.
 */
export function writeMatrixSheet(options: { sheet: ExcelJS.Worksheet; briefing: Briefing; spec: WorkbookSpec }): void {
  const { sheet, briefing, spec } = options;
  const labels = spec.sheets.matrix;
  const names = {
    partner: nameLookup(briefing.partners),
    topic: nameLookup(briefing.topics),
  };
  const source = spec.sheets.engagementTopics.name;
  const block = (title: string, matrix: Matrix, titleRow: number) => writeBlock({ sheet, matrix, titleRow, title, labels, names, source });

  sheet.getCell(2, 1).value = labels.note;
  sheet.getCell(2, 1).font = { ...FONT, italic: true };
  const window = block(labels.windowTitle, briefing.matrix.window, 1);
  const period = block(labels.periodTitle, briefing.matrix.period, window.lastRow + 2);
  // One rule set a range: LibreOffice keeps only one conditional format per range.
  // Priorities are unique on the sheet, 1, 2, 3 as Excel numbers them.
  if (window.cells !== null) {
    sheet.addConditionalFormatting({ ref: window.cells, rules: [markPeriodAdditions(window.cells, period.headerRow - window.headerRow), colourScale(2)] });
  }
  if (period.cells !== null) sheet.addConditionalFormatting({ ref: period.cells, rules: [colourScale(3)] });

  const longest = Math.max(labels.total.length, ...briefing.topics.map((t) => t.name.length));
  const headerHeight = Math.min(150, Math.max(40, longest * 7 + 10));
  sheet.getRow(window.headerRow).height = headerHeight;
  sheet.getRow(period.headerRow).height = headerHeight;
  const widest = Math.max(labels.corner.length, labels.total.length, ...briefing.partners.map((p) => p.name.length));
  sheet.getColumn(1).width = Math.min(40, Math.max(16, widest + 2));
  for (let c = 2; c <= briefing.topics.length + 2; c++) sheet.getColumn(c).width = 7;
  setViews(sheet, [{ state: "frozen", xSplit: 1, ySplit: window.headerRow }]);
  const width = (sheet.getColumn(1).width ?? 16) + 7 * (briefing.topics.length + 1);
  setupPrinting(sheet, { marking: spec.marking, pageNumber: spec.pageNumber, repeatRows: `${window.headerRow}:${window.headerRow}`, width });
}

interface Block {
  headerRow: number;
  lastRow: number;
  /** The cells of counts, as a range like `B4:K9`, or null when the matrix is empty. */
  cells: string | null;
}

function writeBlock(options: {
  sheet: ExcelJS.Worksheet;
  matrix: Matrix;
  titleRow: number;
  title: string;
  labels: WorkbookSpec["sheets"]["matrix"];
  names: { partner: (id: string) => string; topic: (id: string) => string };
  source: string;
}): Block {
  const { sheet, matrix, titleRow, labels, names, source } = options;
  sheet.getCell(titleRow, 1).value = options.title;
  sheet.getCell(titleRow, 1).font = { ...FONT, bold: true, size: 13 };
  const headerRow = titleRow + 2;
  const first = headerRow + 1;
  const last = headerRow + matrix.partners.length;
  const totalColumn = matrix.topics.length + 2;
  writeHeader(sheet, headerRow, [labels.corner, ...matrix.topics.map(names.topic), labels.total]);
  const criteria = spanCriteria(source, matrix);
  matrix.partners.forEach((partner, r) => {
    const row = first + r;
    sheet.getCell(row, 1).value = names.partner(partner);
    sheet.getCell(row, 1).font = { ...FONT, bold: true };
    matrix.topics.forEach((topic, c) => {
      sheet.getCell(row, c + 2).value = countFormula({ criteria, source, partner, topic, result: matrix.counts[r]![c]! });
    });
    sheet.getCell(row, totalColumn).value = sumFormula(`${cellName(row, 2)}:${cellName(row, totalColumn - 1)}`, matrix.rowTotals[r]!, matrix.topics.length > 0);
  });
  const totalRow = writeTotals({ sheet, matrix, first, label: labels.total });
  const empty = matrix.partners.length === 0 || matrix.topics.length === 0;
  const cells = empty ? null : `${cellName(first, 2)}:${cellName(last, totalColumn - 1)}`;
  return { headerRow, lastRow: totalRow, cells };
}

function writeHeader(sheet: ExcelJS.Worksheet, row: number, header: readonly string[]): void {
  header.forEach((text, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.value = text;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = index === 0
      ? { vertical: "bottom", horizontal: "left", wrapText: true }
      : { vertical: "bottom", horizontal: "center", textRotation: 90, wrapText: true };
  });
}

/** Writes the row of column totals below the partner rows; returns its row number. */
function writeTotals(options: { sheet: ExcelJS.Worksheet; matrix: Matrix; first: number; label: string }): number {
  const { sheet, matrix, first, label } = options;
  const last = first + matrix.partners.length - 1;
  const totalRow = last + 1;
  const totalColumn = matrix.topics.length + 2;
  sheet.getCell(totalRow, 1).value = label;
  matrix.columnTotals.forEach((count, c) => {
    sheet.getCell(totalRow, c + 2).value = sumFormula(`${cellName(first, c + 2)}:${cellName(last, c + 2)}`, count, matrix.partners.length > 0);
  });
  sheet.getCell(totalRow, totalColumn).value = sumFormula(`${cellName(first, totalColumn)}:${cellName(last, totalColumn)}`, matrix.total, matrix.partners.length > 0);
  sheet.getRow(totalRow).font = { ...FONT, bold: true };
  for (let c = 2; c <= totalColumn; c++) {
    sheet.getCell(totalRow, c).border = { top: { style: "thin" } };
    sheet.getCell(totalRow, c).alignment = { horizontal: "center" };
    for (let row = first; row <= last; row++) sheet.getCell(row, c).alignment = { horizontal: "center" };
  }
  return totalRow;
}

/** The date and status criteria of a span, shared by every cell of a matrix. */
function spanCriteria(source: string, matrix: Matrix): string {
  const date = columnRange(source, column("date"));
  const status = columnRange(source, column("status"));
  return `${date},">="&${dateFormula(matrix.from)},${date},"<="&${dateFormula(matrix.to)},${status},"<>cancelled"`;
}

/**
 * The count of one cell. The rule is the model's countsInSpan: start date
 * in the span, status not cancelled; partner and topic are matched by id.
 */
function countFormula(options: { criteria: string; source: string; partner: string; topic: string; result: number }): ExcelJS.CellValue {
  const partner = exactCriterion(options.partner);
  const topic = exactCriterion(options.topic);
  // COUNTIFS refuses longer criteria; such an id gets its count as a plain number.
  if (partner.length > MAX_CRITERION_LENGTH || topic.length > MAX_CRITERION_LENGTH) return options.result;
  const partners = columnRange(options.source, column("partner_id"));
  const topics = columnRange(options.source, column("topic_id"));
  const formula = `COUNTIFS(${partners},${quoteString(partner)},${topics},${quoteString(topic)},${options.criteria})`;
  return { formula, result: options.result };
}

function sumFormula(range: string, result: number, nonEmpty: boolean): ExcelJS.CellValue {
  return nonEmpty ? { formula: `SUM(${range})`, result } : result;
}

/** Shades cells from white at zero to blue at the largest count. */
function colourScale(priority: number): ExcelJS.ConditionalFormattingRule {
  return {
    type: "colorScale",
    priority,
    cfvo: [{ type: "num", value: 0 }, { type: "max" }],
    color: [{ argb: "FFFFFFFF" }, { argb: "FF6FA8DC" }],
  };
}

/** Window cells whose period cell below is above zero get a red border and bold text, live as the counts change. */
function markPeriodAdditions(cells: string, offset: number): ExcelJS.ConditionalFormattingRule {
  const match = /^([A-Z]+)(\d+):/.exec(cells)!;
  return {
    type: "expression",
    priority: 1,
    formulae: [`${match[1]}${Number(match[2]) + offset}>0`],
    style: { font: { bold: true, color: { argb: "FFC00000" } }, border: { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER } },
  };
}

function cellName(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
