import type { WorkbookSpec } from "../../compose/compose.js";
import { issueEffect } from "../../errors.js";
import type { Briefing } from "../../model/briefing.js";
import { nameLookup } from "../../model/names.js";
import { withDetails } from "../../inputs/detail-store.js";
import { makeTable, type Lookups, type Table } from "./columns.js";
import { AREAS, ENGAGEMENTS, ENGAGEMENT_TOPICS, INITIATIVES, ISSUES, PARTNERS, UPCOMING, type EngagementTopic, type SheetIssue } from "./list-sheets.js";

/** The tables of the list sheets, in the order of the workbook. */
export interface SheetTables {
  /** One row per engagement of the archive, made as it is read. */
  engagements: Table;
  /** One row per engagement × partner × topic in the window or the period, made as it is read. */
  engagementTopics: Table;
  upcoming: Table;
  partners: Table;
  areas: Table;
  initiatives: Table;
  /** The Issues sheet: the briefing's issues, then those the workbook adds. */
  issues: (added: readonly SheetIssue[]) => Table;
}

/** The tables of the list sheets; their rows are made only as they are written. */
export function buildTables(briefing: Briefing, spec: WorkbookSpec): SheetTables {
  const look = lookups(briefing, spec);
  const common = { spec, briefing, look };
  const issues = briefing.issues.map((i): SheetIssue => ({ ...i, effect: issueEffect(i) }));
  return {
    engagements: makeTable({ ...common, list: ENGAGEMENTS, items: withDetails(briefing.engagements) }),
    engagementTopics: makeTable({ ...common, list: ENGAGEMENT_TOPICS, items: engagementTopics(briefing) }),
    upcoming: makeTable({ ...common, list: UPCOMING, items: withDetails(briefing.upcoming) }),
    partners: makeTable({ ...common, list: PARTNERS, items: briefing.partners }),
    areas: makeTable({ ...common, list: AREAS, items: briefing.topics }),
    initiatives: makeTable({ ...common, list: INITIATIVES, items: briefing.initiatives }),
    issues: (added) => makeTable({ ...common, list: ISSUES, items: [...issues, ...added] }),
  };
}

function lookups(briefing: Briefing, spec: WorkbookSpec): Lookups {
  const partnerName = nameLookup(briefing.partners);
  const topicName = nameLookup(briefing.topics);
  return {
    partnerName,
    topicName,
    partnerNames: (ids) => ids.map(partnerName).join("; "),
    topicNames: (ids) => ids.map(topicName).join("; "),
    windowCount: (id) => briefing.windowCounts.get(id) ?? 0,
    leftOut: spec.sheets.issues.leftOut,
  };
}

/**
 * One item per engagement × partner × topic, for the engagements that start
 * in the trailing window or the period, the only ones the matrix formulas
 * count. The whole archive would make millions of rows, past Excel's
 * 1,048,576 a sheet.
 */
function engagementTopics(briefing: Briefing): Iterable<EngagementTopic> {
  const from = briefing.window.from < briefing.period.from ? briefing.window.from : briefing.period.from;
  const to = briefing.window.to > briefing.period.to ? briefing.window.to : briefing.period.to;
  return {
    *[Symbol.iterator]() {
      for (const engagement of briefing.engagements) {
        if (engagement.startDate < from || engagement.startDate > to) continue;
        for (const partner of engagement.partners) for (const topic of engagement.topics) yield { engagement, partner, topic };
      }
    },
  };
}
