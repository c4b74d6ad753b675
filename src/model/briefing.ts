import type { Config } from "../config.js";
import type { Issue } from "../errors.js";
import type { InputData, OtherColumns } from "../inputs/load.js";
import type { Engagement, Initiative, Partner, Topic } from "../inputs/schemas.js";
import { countMatrix, countsInSpan, type Matrix } from "./matrix.js";
import { summarizePartners, type PartnerSummary } from "./partner-summary.js";
import { trailingWindow, type Period } from "./period.js";

/** Everything a packet or workbook shows, computed from the inputs; no wording. */
export interface Briefing {
  config: Config;
  asOf: string;
  period: Period;
  window: { from: string; to: string; weeks: number };
  partners: Partner[];
  topics: Topic[];
  /** All engagements, by start date then id. */
  engagements: Engagement[];
  /** Engagements that start in the period, in date order. */
  periodEngagements: Engagement[];
  /** Planned engagements that start after the period, in date order. */
  upcoming: Engagement[];
  matrix: { period: Matrix; window: Matrix };
  initiatives: Initiative[];
  issues: Issue[];
  extraColumns: string[];
  /** Headers of the other lists' columns that the schema does not know, shown on their sheets. */
  otherColumns: OtherColumns;
  highlights: Highlights;
  /** Engagements per partner id that count in the trailing window (see countsInSpan). */
  windowCounts: Map<string, number>;
  /** Each matrix row partner's window against the window before it (see summarizePartners). */
  partnerSummaries: Map<string, PartnerSummary>;
}

export interface Highlights {
  /** Partners (ids, focus excluded) with engagements in the period. */
  activePartners: string[];
  /** Of those, the ones with no engagement earlier in the trailing window. */
  newPartners: string[];
  activeTopics: string[];
  newTopics: string[];
  /** Topics of the period by count, most first, ties by topic order. */
  busiestTopics: Array<{ id: string; count: number }>;
}

/** Builds the briefing for a period from validated inputs. Pure. */
export function buildBriefing(options: {
  data: InputData;
  issues: readonly Issue[];
  config: Config;
  period: Period;
  asOf: string;
}): Briefing {
  const { data, config, period } = options;
  const window = trailingWindow(period, config.windowWeeks);
  const engagements = [...data.engagements].sort(byDate);
  const rows = data.partners.map((p) => p.id).filter((id) => id !== config.focus);
  const columns = data.topics.map((t) => t.id);
  const matrixOf = (from: string, to: string) => countMatrix({ engagements, partners: rows, topics: columns, from, to });
  const periodEngagements = engagements.filter((e) => e.startDate >= period.from && e.startDate <= period.to);
  const upcoming = engagements.filter((e) => e.status === "planned" && e.startDate > period.to);
  return {
    config,
    asOf: options.asOf,
    period,
    window,
    partners: data.partners,
    topics: data.topics,
    engagements,
    periodEngagements,
    upcoming,
    matrix: { period: matrixOf(period.from, period.to), window: matrixOf(window.from, window.to) },
    initiatives: [...data.initiatives].sort((a, b) => a.year - b.year || a.line - b.line),
    issues: [...options.issues],
    extraColumns: data.extraColumns,
    otherColumns: data.otherColumns ?? { partners: [], topics: [], initiatives: [] },
    highlights: computeHighlights({ engagements, period, window, rows, columns }),
    windowCounts: countPartners(engagements, window),
    partnerSummaries: summarizePartners({ engagements, partners: rows, topics: columns, window }),
  };
}

function computeHighlights(options: {
  engagements: readonly Engagement[];
  period: Period;
  window: { from: string };
  rows: readonly string[];
  columns: readonly string[];
}): Highlights {
  const { engagements, period, window, rows, columns } = options;
  const inPeriod = engagements.filter((e) => countsInSpan(e, period.from, period.to));
  const before = engagements.filter((e) => e.startDate < period.from && countsInSpan(e, window.from, period.to));
  const seen = (pick: (e: Engagement) => string[], list: readonly Engagement[]) => new Set(list.flatMap(pick));
  const activePartners = rows.filter((id) => seen((e) => e.partners, inPeriod).has(id));
  const activeTopics = columns.filter((id) => seen((e) => e.topics, inPeriod).has(id));
  const earlierPartners = seen((e) => e.partners, before);
  const earlierTopics = seen((e) => e.topics, before);
  const topicCounts = columns
    .map((id) => ({ id, count: inPeriod.filter((e) => e.topics.includes(id)).length }))
    .filter((t) => t.count > 0);
  const busiestTopics = topicCounts
    .map((t, index) => ({ ...t, index }))
    .sort((a, b) => b.count - a.count || a.index - b.index)
    .map(({ id, count }) => ({ id, count }));
  return {
    activePartners,
    newPartners: activePartners.filter((id) => !earlierPartners.has(id)),
    activeTopics,
    newTopics: activeTopics.filter((id) => !earlierTopics.has(id)),
    busiestTopics,
  };
}

function byDate(a: Engagement, b: Engagement): number {
  return a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function countPartners(engagements: readonly Engagement[], window: { from: string; to: string }): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of engagements) {
    if (countsInSpan(e, window.from, window.to)) for (const p of e.partners) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}
