import { issueEffect, type Issue } from "../../errors.js";
import type { Engagement } from "../../inputs/schemas.js";
import type { Briefing } from "../../model/briefing.js";
import { linkText, type CellValue } from "./cells.js";
import { nameLookup } from "../../model/names.js";
import { mapWithDetails } from "../../inputs/detail-store.js";

/** The rows of each list sheet, in the column order of its keys in the template. */
export function buildRows(briefing: Briefing, leftOut: { row: string; file: string }) {
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
  return {
    engagements: mapWithDetails(briefing.engagements, engagement),
    engagementTopics: topicRows(briefing, (e, p, t) => [e.id, date(e.startDate), e.status, partnerName(p), topicName(t), p, t]),
    upcoming: briefing.upcoming.map((e): CellValue[] => [
      date(e.startDate), date(e.endDate), e.title, e.kind, names(e.partners, partnerName), names(e.topics, topicName), e.location,
    ]),
    partners: briefing.partners.map((p): CellValue[] => [p.id, p.name, p.kind, p.region, windowCount(p.id)]),
    areas: briefing.topics.map((t): CellValue[] => [t.id, t.name, t.category, t.description]),
    initiatives: briefing.initiatives.map((i): CellValue[] => [
      i.year, i.title, i.objective, names(i.partners, partnerName), names(i.topics, topicName), i.status,
    ]),
    issues: briefing.issues.map((i): CellValue[] => [i.severity, leftOutText(i, leftOut), i.file, i.line, i.column, i.value, i.message, i.hint]),
  };
}

/**
 * One row per engagement × partner × topic, with the ids the matrix formulas
 * match; only for engagements that start in the trailing window or the
 * period, the only ones the formulas count. The whole archive would make
 * millions of rows, past Excel's 1,048,576 a sheet.
 */
function topicRows(briefing: Briefing, row: (e: Engagement, partner: string, topic: string) => CellValue[]): CellValue[][] {
  const from = briefing.window.from < briefing.period.from ? briefing.window.from : briefing.period.from;
  const to = briefing.window.to > briefing.period.to ? briefing.window.to : briefing.period.to;
  const rows: CellValue[][] = [];
  for (const e of briefing.engagements) {
    if (e.startDate < from || e.startDate > to) continue;
    for (const p of e.partners) for (const t of e.topics) rows.push(row(e, p, t));
  }
  return rows;
}

/** What the Issues sheet says a build left out for an issue: the row, the whole file, or nothing. */
function leftOutText(issue: Issue, words: { row: string; file: string }): string | null {
  const effect = issueEffect(issue);
  return effect === null ? null : words[effect];
}
