import ExcelJS from "exceljs";
import type { WorkbookSpec } from "../../compose/compose.js";
import { toUtcDate } from "../../dates.js";
import { issueEffect, type Issue } from "../../errors.js";
import type { Engagement } from "../../inputs/schemas.js";
import type { Briefing } from "../../model/briefing.js";
import { writeMatrixSheet } from "./matrix.js";
import { FONT, setupPrinting, writeTable, type CellValue, type ColumnSpec } from "./sheet.js";

/** Draws the workbook of a briefing, with the names and headers the template gave. */
export async function renderWorkbook(options: { briefing: Briefing; spec: WorkbookSpec }): Promise<Uint8Array> {
  const { briefing, spec } = options;
  const { sheets } = spec;
  const marking = spec.marking;
  const workbook = new ExcelJS.Workbook();
  const asOf = toUtcDate(briefing.asOf);
  workbook.creator = briefing.config.author;
  workbook.lastModifiedBy = briefing.config.author;
  workbook.title = spec.title;
  workbook.subject = spec.subject;
  workbook.created = asOf;
  workbook.modified = asOf;

  const partnerName = lookup(briefing.partners);
  const topicName = lookup(briefing.topics);
  const names = (ids: readonly string[], name: (id: string) => string) => ids.map(name).join("; ");

  writeAbout(workbook.addWorksheet(sheets.about.name), spec);
  writeMatrixSheet({ sheet: workbook.addWorksheet(sheets.matrix.name), briefing, spec });

  const table = <K extends string>(sheet: { name: string; columns: Record<K, string> }, keys: readonly K[], wrap: readonly K[], rows: CellValue[][], extra: string[] = []) => {
    const columns: ColumnSpec[] = [
      ...keys.map((key) => ({ header: sheet.columns[key], wrap: wrap.includes(key) })),
      ...extra.map((header) => ({ header, wrap: true })),
    ];
    writeTable({ sheet: workbook.addWorksheet(sheet.name), columns, rows, marking });
  };

  const date = (iso: string | null): CellValue => (iso === null ? null : { date: iso });
  const engagementRow = (e: Engagement): CellValue[] => [
    e.id, date(e.startDate), date(e.endDate), e.title, e.kind, e.status,
    names(e.partners, partnerName), names(e.topics, topicName), e.location, e.officials.join("; "), e.summary,
    e.sourceUrl === null ? null : { link: e.sourceUrl, text: e.sourceUrl },
    ...briefing.extraColumns.map((column) => e.extra[column] ?? ""),
  ];
  table(sheets.engagements, ENGAGEMENT_KEYS, ["title", "partners", "topics", "officials", "summary", "location"], briefing.engagements.map(engagementRow), briefing.extraColumns);

  table(sheets.engagementTopics, ["id", "date", "status", "partner", "topic"], [], briefing.engagements.flatMap((e) =>
    e.partners.flatMap((p) => e.topics.map((t): CellValue[] => [e.id, date(e.startDate), e.status, partnerName(p), topicName(t)])),
  ));
  table(sheets.upcoming, ["start_date", "end_date", "title", "kind", "partners", "topics", "location"], ["title", "topics"], briefing.upcoming.map((e) => [
    date(e.startDate), date(e.endDate), e.title, e.kind, names(e.partners, partnerName), names(e.topics, topicName), e.location,
  ]));
  const windowCount = (id: string) => briefing.engagements.filter((e) =>
    e.status !== "cancelled" && e.partners.includes(id) && e.startDate >= briefing.window.from && e.startDate <= briefing.window.to).length;
  table(sheets.partners, ["id", "name", "kind", "region", "window_count"], [], briefing.partners.map((p) => [p.id, p.name, p.kind, p.region, windowCount(p.id)]));
  table(sheets.areas, ["id", "name", "category", "description"], ["description"], briefing.topics.map((t) => [t.id, t.name, t.category, t.description]));
  table(sheets.initiatives, ["year", "title", "objective", "partners", "topics", "status"], ["title", "objective"], briefing.initiatives.map((i) => [
    i.year, i.title, i.objective, names(i.partners, partnerName), names(i.topics, topicName), i.status,
  ]));
  table(sheets.issues, ["severity", "left_out", "file", "line", "column", "value", "message", "hint"], ["value", "message", "hint"], briefing.issues.map((i) => [
    i.severity, leftOutText(i, sheets.issues.leftOut), i.file, i.line, i.column, i.value, i.message, i.hint,
  ]));

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const ENGAGEMENT_KEYS = ["id", "start_date", "end_date", "title", "kind", "status", "partners", "topics", "location", "officials", "summary", "source_url"] as const;

function writeAbout(sheet: ExcelJS.Worksheet, spec: WorkbookSpec): void {
  spec.about.forEach(([label, value], index) => {
    const row = sheet.addRow([label, value === "" ? null : value]);
    // The title runs on into the empty cell beside it; other rows wrap in place.
    row.alignment = { vertical: "top", wrapText: index > 0 };
    if (index === 0) row.font = { ...FONT, bold: true, size: 16 };
    else row.getCell(1).font = { ...FONT, bold: true };
  });
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 90;
  setupPrinting(sheet, { marking: spec.marking });
  sheet.pageSetup.orientation = "portrait";
}

function leftOutText(issue: Issue, words: { row: string; file: string }): string | null {
  const effect = issueEffect(issue);
  return effect === null ? null : words[effect];
}

function lookup(records: ReadonlyArray<{ id: string; name: string }>): (id: string) => string {
  const names = new Map(records.map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}
