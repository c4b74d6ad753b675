import { issueEffect, type Issue } from "../../errors.js";
import type { Engagement } from "../../inputs/schemas.js";
import type { Briefing } from "../../model/briefing.js";
import { countsInSpan } from "../../model/matrix.js";
import { linkText, type CellValue } from "./cells.js";

/** The rows of each list sheet, in the column order of its keys in the template. */
export function buildRows(briefing: Briefing, leftOut: { row: string; file: string }) {
  const partnerName = lookup(briefing.partners);
  const topicName = lookup(briefing.topics);
  const names = (ids: readonly string[], name: (id: string) => string) => ids.map(name).join("; ");
  const date = (iso: string | null): CellValue => (iso === null ? null : { date: iso });
  const engagement = (e: Engagement): CellValue[] => [
    e.id, date(e.startDate), date(e.endDate), e.title, e.kind, e.status,
    names(e.partners, partnerName), names(e.topics, topicName), e.location, e.officials.join("; "), e.summary,
    e.sourceUrl === null ? null : { link: e.sourceUrl, text: linkText(e.sourceUrl) },
    ...briefing.extraColumns.map((column) => e.extra[column] ?? ""),
  ];
  const { from, to } = briefing.window;
  const windowCount = (id: string) => briefing.engagements.filter((e) => e.partners.includes(id) && countsInSpan(e, from, to)).length;
  return {
    engagements: briefing.engagements.map(engagement),
    // One row per engagement × partner × topic, with the ids the matrix formulas match.
    engagementTopics: briefing.engagements.flatMap((e) =>
      e.partners.flatMap((p) => e.topics.map((t): CellValue[] => [e.id, date(e.startDate), e.status, partnerName(p), topicName(t), p, t])),
    ),
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

/** What the Issues sheet says a build left out for an issue: the row, the whole file, or nothing. */
function leftOutText(issue: Issue, words: { row: string; file: string }): string | null {
  const effect = issueEffect(issue);
  return effect === null ? null : words[effect];
}

function lookup(records: ReadonlyArray<{ id: string; name: string }>): (id: string) => string {
  const names = new Map(records.map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}
