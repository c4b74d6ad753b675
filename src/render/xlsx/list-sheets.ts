/**
 * The list sheets of the workbook, each declared once: column by column,
 * its key (the template gives the header), layout and value. A new column is
 * a line here and a header in each workbook template.
 */
import type { Issue, IssueEffect } from "../../errors.js";
import type { Engagement, Initiative, Partner, Topic } from "../../inputs/schemas.js";
import { linkText } from "./cells.js";
import { dateCell, type ListSheet } from "./columns.js";

/** A line of the Issues sheet: an input issue, or one the workbook found (too many links). */
export type SheetIssue = Omit<Issue, "code"> & { effect: IssueEffect };

/** A row of the Engagement topics sheet: an engagement with one of its partners and one of its topics. */
export interface EngagementTopic {
  engagement: Engagement;
  partner: string;
  topic: string;
}

/** One row per engagement of the archive; the widths are chosen so a printed page stays legible. */
export const ENGAGEMENTS: ListSheet<"engagements", Engagement> = {
  sheet: "engagements",
  tableName: "EngagementsTable",
  freezeColumns: 1,
  columns: [
    { key: "id", layout: { maxWidth: 12 }, value: (e) => e.id },
    { key: "start_date", value: (e) => dateCell(e.startDate) },
    { key: "end_date", value: (e) => dateCell(e.endDate) },
    { key: "title", layout: { wrap: true, maxWidth: 20 }, value: (e) => e.title },
    { key: "kind", layout: { maxWidth: 10 }, value: (e) => e.kind },
    { key: "status", layout: { maxWidth: 10 }, value: (e) => e.status },
    { key: "partners", layout: { wrap: true, maxWidth: 12 }, value: (e, look) => look.partnerNames(e.partners) },
    { key: "topics", layout: { wrap: true, maxWidth: 20 }, value: (e, look) => look.topicNames(e.topics) },
    { key: "location", layout: { wrap: true, maxWidth: 12 }, value: (e) => e.location },
    { key: "officials", layout: { wrap: true, maxWidth: 20 }, value: (e) => e.officials.join("; ") },
    { key: "summary", layout: { wrap: true, maxWidth: 34 }, value: (e) => e.summary },
    { key: "source_url", layout: { maxWidth: 24 }, value: (e) => (e.sourceUrl === null ? null : { link: e.sourceUrl, text: linkText(e.sourceUrl) }) },
  ],
  extra: { columns: (briefing) => briefing.extraColumns, of: (e) => e.extra },
};

/** One row per engagement × partner × topic: the matrix formulas count over its columns, found by key. */
export const ENGAGEMENT_TOPICS: ListSheet<"engagementTopics", EngagementTopic> = {
  sheet: "engagementTopics",
  tableName: "EngagementTopicsTable",
  columns: [
    { key: "id", value: (row) => row.engagement.id },
    { key: "date", value: (row) => dateCell(row.engagement.startDate) },
    { key: "status", value: (row) => row.engagement.status },
    { key: "partner", value: (row, look) => look.partnerName(row.partner) },
    { key: "topic", value: (row, look) => look.topicName(row.topic) },
    { key: "partner_id", value: (row) => row.partner },
    { key: "topic_id", value: (row) => row.topic },
  ],
};

export const UPCOMING: ListSheet<"upcoming", Engagement> = {
  sheet: "upcoming",
  tableName: "UpcomingTable",
  columns: [
    { key: "start_date", value: (e) => dateCell(e.startDate) },
    { key: "end_date", value: (e) => dateCell(e.endDate) },
    { key: "title", layout: { wrap: true }, value: (e) => e.title },
    { key: "kind", value: (e) => e.kind },
    { key: "partners", value: (e, look) => look.partnerNames(e.partners) },
    { key: "topics", layout: { wrap: true }, value: (e, look) => look.topicNames(e.topics) },
    { key: "location", value: (e) => e.location },
  ],
};

export const PARTNERS: ListSheet<"partners", Partner> = {
  sheet: "partners",
  tableName: "PartnersTable",
  columns: [
    { key: "id", value: (p) => p.id },
    { key: "name", value: (p) => p.name },
    { key: "kind", value: (p) => p.kind },
    { key: "region", value: (p) => p.region },
    { key: "window_count", value: (p, look) => look.windowCount(p.id) },
  ],
  extra: { columns: (briefing) => briefing.otherColumns.partners, of: (p) => p.extra },
};

export const AREAS: ListSheet<"areas", Topic> = {
  sheet: "areas",
  tableName: "CooperationAreasTable",
  columns: [
    { key: "id", value: (t) => t.id },
    { key: "name", value: (t) => t.name },
    { key: "category", value: (t) => t.category },
    { key: "description", layout: { wrap: true, maxWidth: 60 }, value: (t) => t.description },
  ],
  extra: { columns: (briefing) => briefing.otherColumns.topics, of: (t) => t.extra },
};

export const INITIATIVES: ListSheet<"initiatives", Initiative> = {
  sheet: "initiatives",
  tableName: "InitiativesTable",
  columns: [
    { key: "year", value: (i) => i.year },
    { key: "title", layout: { wrap: true }, value: (i) => i.title },
    { key: "objective", layout: { wrap: true }, value: (i) => i.objective },
    { key: "partners", value: (i, look) => look.partnerNames(i.partners) },
    { key: "topics", value: (i, look) => look.topicNames(i.topics) },
    { key: "status", value: (i) => i.status },
  ],
  extra: { columns: (briefing) => briefing.otherColumns.initiatives, of: (i) => i.extra },
};

export const ISSUES: ListSheet<"issues", SheetIssue> = {
  sheet: "issues",
  tableName: "IssuesTable",
  columns: [
    { key: "severity", value: (i) => i.severity },
    { key: "left_out", value: (i, look) => (i.effect === null ? null : look.leftOut[i.effect]) },
    { key: "file", value: (i) => i.file },
    { key: "line", value: (i) => i.line },
    { key: "column", value: (i) => i.column },
    { key: "value", layout: { wrap: true }, value: (i) => i.value },
    { key: "message", layout: { wrap: true }, value: (i) => i.message },
    { key: "hint", layout: { wrap: true }, value: (i) => i.hint },
  ],
};
