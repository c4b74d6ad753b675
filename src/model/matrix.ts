import type { Engagement } from "../inputs/schemas.js";

/** Engagement counts of partners (rows) against topics (columns) over a span of days. */
export interface Matrix {
  from: string;
  to: string;
  partners: string[];
  topics: string[];
  /** counts[row][column] */
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/**
 * True when an engagement counts in a matrix over [from, to]: it starts in
 * the span and was not cancelled. The workbook's COUNTIFS formulas apply the
 * same rule.
 */
export function countsInSpan(engagement: Engagement, from: string, to: string): boolean {
  return engagement.status !== "cancelled" && engagement.startDate >= from && engagement.startDate <= to;
}

/**
 * Counts, for every partner and topic, the engagements of the span that
 * involve both. An engagement with two partners and three topics adds one to
 * six cells. Totals are the sums of the cells.
 */
export function countMatrix(options: {
  engagements: readonly Engagement[];
  partners: readonly string[];
  topics: readonly string[];
  from: string;
  to: string;
}): Matrix {
  const { partners, topics, from, to } = options;
  const rowOf = new Map(partners.map((id, index) => [id, index]));
  const columnOf = new Map(topics.map((id, index) => [id, index]));
  const counts = partners.map(() => topics.map(() => 0));
  for (const engagement of options.engagements) {
    if (!countsInSpan(engagement, from, to)) continue;
    for (const partner of engagement.partners) {
      const row = rowOf.get(partner);
      if (row === undefined) continue;
      for (const topic of engagement.topics) {
        const column = columnOf.get(topic);
        if (column !== undefined) counts[row]![column]! += 1;
      }
    }
  }
  const rowTotals = counts.map((row) => sum(row));
  const columnTotals = topics.map((_, column) => sum(counts.map((row) => row[column]!)));
  return { from, to, partners: [...partners], topics: [...topics], counts, rowTotals, columnTotals, total: sum(rowTotals) };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
