import { issueEffect, type Issue } from "../../errors.js";
import type { Engagement } from "../../inputs/schemas.js";
import type { Briefing } from "../../model/briefing.js";
import { linkText, type CellValue } from "./cells.js";
import { nameLookup } from "../../model/names.js";
import { mapWithDetails, withDetails } from "../../inputs/detail-store.js";

/**
 * The rows of a sheet, made one at a time as the writer asks for them.
 * The writer reads them once, in order, and keeps none it has written, so a
 * source may fetch what it needs (say, long texts) in batches as it goes,
 * and may be asynchronous.
 */
export type RowSource = Iterable<readonly CellValue[]> | AsyncIterable<readonly CellValue[]>;

/** The rows of each list sheet, in the column order of its keys in the template. */
export interface SheetRows {
  /** One row per engagement of the archive, made as it is read. */
  engagements: RowSource;
  /** One row per engagement × partner × topic in the window or the period, made as it is read. */
  engagementTopics: RowSource;
  upcoming: CellValue[][];
  partners: CellValue[][];
  areas: CellValue[][];
  initiatives: CellValue[][];
  issues: CellValue[][];
}

/** The rows of each list sheet; those of the archive's engagements are made only as they are written. */
export function buildRows(briefing: Briefing, leftOut: { row: string; file: string }): SheetRows {
  const partnerName = nameLookup(briefing.partners);
  const topicName = nameLookup(briefing.topics);
  const names = (ids: readonly string[], name: (id: string) => string) => ids.map(name).join("; ");
  const date = (iso: string | null): CellValue => (iso === null ? null : { date: iso });
  const engagement = (e: Engagement): CellValue[] => [
    e.id, date(e.startDate), date(e.endDate), e.title, e.kind, e.status,
    names(e.partners, partnerName), names(e.topics, topicName), e.location, e.officials.join("; "), e.summary,
    e.sourceUrl === null ? null : { link: e.sourceUrl, text: linkText(e.sourceUrl) },
    ...briefing.extraColumns.map((column) => e.extra[column] ?? ""),
  ];
  const windowCount = (id: string) => briefing.windowCounts.get(id) ?? 0;
  const other = briefing.otherColumns;
  const extra = (columns: readonly string[], item: { extra?: Record<string, string> }) => columns.map((column) => item.extra?.[column] ?? "");
  return {
    engagements: mapRows(withDetails(briefing.engagements), engagement),
    engagementTopics: topicRows(briefing, (e, p, t) => [e.id, date(e.startDate), e.status, partnerName(p), topicName(t), p, t]),
    upcoming: mapWithDetails(briefing.upcoming, (e): CellValue[] => [
      date(e.startDate), date(e.endDate), e.title, e.kind, names(e.partners, partnerName), names(e.topics, topicName), e.location,
    ]),
    partners: briefing.partners.map((p): CellValue[] => [p.id, p.name, p.kind, p.region, windowCount(p.id), ...extra(other.partners, p)]),
    areas: briefing.topics.map((t): CellValue[] => [t.id, t.name, t.category, t.description, ...extra(other.topics, t)]),
    initiatives: briefing.initiatives.map((i): CellValue[] => [
      i.year, i.title, i.objective, names(i.partners, partnerName), names(i.topics, topicName), i.status, ...extra(other.initiatives, i),
    ]),
    issues: briefing.issues.map((i): CellValue[] => [i.severity, leftOutText(i, leftOut), i.file, i.line, i.column, i.value, i.message, i.hint]),
  };
}

/** A row for each item, made when it is read; reading again starts again. */
function mapRows<T>(items: Iterable<T>, row: (item: T) => CellValue[]): Iterable<CellValue[]> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield row(item);
    },
  };
}

/**
 * One row per engagement × partner × topic, with the ids the matrix formulas
 * match; only for engagements that start in the trailing window or the
 * period, the only ones the formulas count. The whole archive would make
 * millions of rows, past Excel's 1,048,576 a sheet.
 */
function topicRows(briefing: Briefing, row: (e: Engagement, partner: string, topic: string) => CellValue[]): Iterable<CellValue[]> {
  const from = briefing.window.from < briefing.period.from ? briefing.window.from : briefing.period.from;
  const to = briefing.window.to > briefing.period.to ? briefing.window.to : briefing.period.to;
  return {
    *[Symbol.iterator]() {
      for (const e of briefing.engagements) {
        if (e.startDate < from || e.startDate > to) continue;
        for (const p of e.partners) for (const t of e.topics) yield row(e, p, t);
      }
    },
  };
}

/** What the Issues sheet says a build left out for an issue: the row, the whole file, or nothing. */
function leftOutText(issue: Issue, words: { row: string; file: string }): string | null {
  const effect = issueEffect(issue);
  return effect === null ? null : words[effect];
}
