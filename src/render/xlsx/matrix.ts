import type ExcelJS from "exceljs";
import type { WorkbookSpec } from "../../compose/compose.js";
import type { Briefing } from "../../model/briefing.js";
import type { Matrix } from "../../model/matrix.js";
import { FONT, setupPrinting } from "./sheet.js";

/** Writes the trailing-window matrix, then the period's matrix below it, each with row and column totals. */
export function writeMatrixSheet(options: { sheet: ExcelJS.Worksheet; briefing: Briefing; spec: WorkbookSpec }): void {
  const { sheet, briefing, spec } = options;
  const labels = spec.sheets.matrix;
  const partnerName = new Map(briefing.partners.map((p) => [p.id, p.name]));
  const topicName = new Map(briefing.topics.map((t) => [t.id, t.name]));

  const block = (title: string, matrix: Matrix, startRow: number): number => {
    sheet.getCell(startRow, 1).value = title;
    sheet.getCell(startRow, 1).font = { ...FONT, bold: true, size: 13 };
    const headerRow = startRow + 1;
    const header = [labels.corner, ...matrix.topics.map((id) => topicName.get(id) ?? id), labels.total];
    header.forEach((text, index) => {
      const cell = sheet.getCell(headerRow, index + 1);
      cell.value = text;
      cell.font = { ...FONT, bold: true };
      cell.alignment = index === 0
        ? { vertical: "bottom", horizontal: "left" }
        : { vertical: "bottom", horizontal: "center", textRotation: 90 };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
    });
    matrix.partners.forEach((id, r) => {
      const row = headerRow + 1 + r;
      sheet.getCell(row, 1).value = partnerName.get(id) ?? id;
      sheet.getCell(row, 1).font = { ...FONT, bold: true };
      matrix.counts[r]!.forEach((count, c) => {
        sheet.getCell(row, c + 2).value = count;
      });
      sheet.getCell(row, matrix.topics.length + 2).value = matrix.rowTotals[r]!;
      sheet.getCell(row, matrix.topics.length + 2).font = { ...FONT, bold: true };
    });
    const totalRow = headerRow + 1 + matrix.partners.length;
    sheet.getCell(totalRow, 1).value = labels.total;
    matrix.columnTotals.forEach((count, c) => {
      sheet.getCell(totalRow, c + 2).value = count;
    });
    sheet.getCell(totalRow, matrix.topics.length + 2).value = matrix.total;
    sheet.getRow(totalRow).font = { ...FONT, bold: true };
    sheet.getRow(headerRow).height = headerHeight;
    return totalRow;
  };

  const longest = Math.max(labels.total.length, ...briefing.topics.map((t) => t.name.length));
  const headerHeight = Math.min(260, Math.max(40, longest * 6));
  const end = block(labels.windowTitle, briefing.matrix.window, 1);
  block(labels.periodTitle, briefing.matrix.period, end + 2);

  sheet.getColumn(1).width = 24;
  for (let c = 2; c <= briefing.topics.length + 2; c++) sheet.getColumn(c).width = 6;
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 2 }];
  setupPrinting(sheet, { marking: spec.marking, repeatRows: "2:2" });
}
