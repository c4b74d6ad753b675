import { addDays } from "../dates.js";
import type { Engagement } from "../inputs/schemas.js";
import { countsInSpan } from "./matrix.js";

/** The most recent engagements a partner's summary keeps; a packet shows as many of them as its template asks. */
export const RECENT_KEPT = 20;

/** A span of days, both ends included. */
export interface Span {
  from: string;
  to: string;
}

/** What a packet says about one partner over the trailing window. */
export interface PartnerSummary {
  partner: string;
  /** Engagements (not cancelled) that start in the window. */
  windowCount: number;
  /** The same count over the window of the same length just before it. */
  previousCount: number;
  /** Topics of those engagements by count, most first, ties in topic order. */
  topics: Array<{ id: string; count: number }>;
  /** The most recent of those engagements, newest first, at most RECENT_KEPT. */
  recent: Engagement[];
}

/** The window of the same length that ends the day before `window` starts. */
export function previousWindow(window: Span): Span {
  const days = Math.round((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000) + 1;
  return { from: addDays(window.from, -days), to: addDays(window.from, -1) };
}

/**
 * Sums up each partner's engagements over the window, against the window
 * before it. `engagements` must hold at least those starting from
 * `previousWindow(window).from` to `window.to`; others are ignored. Pure.
 */
export function summarizePartners(options: {
  engagements: readonly Engagement[];
  partners: readonly string[];
  topics: readonly string[];
  window: Span;
}): Map<string, PartnerSummary> {
  const { window, topics } = options;
  const previous = previousWindow(window);
  const tallies = new Map(options.partners.map((id) => [id, { previous: 0, topics: new Map<string, number>(), engagements: [] as Engagement[] }]));
  for (const e of options.engagements) {
    const inWindow = countsInSpan(e, window.from, window.to);
    const before = !inWindow && countsInSpan(e, previous.from, previous.to);
    if (!inWindow && !before) continue;
    for (const partner of e.partners) {
      const tally = tallies.get(partner);
      if (tally === undefined) continue;
      if (before) {
        tally.previous += 1;
        continue;
      }
      tally.engagements.push(e);
      for (const topic of e.topics) tally.topics.set(topic, (tally.topics.get(topic) ?? 0) + 1);
    }
  }
  const order = new Map(topics.map((id, index) => [id, index]));
  const summaries = new Map<string, PartnerSummary>();
  for (const [partner, tally] of tallies) {
    summaries.set(partner, {
      partner,
      windowCount: tally.engagements.length,
      previousCount: tally.previous,
      topics: [...tally.topics]
        .filter(([id]) => order.has(id))
        .sort(([a, x], [b, y]) => y - x || order.get(a)! - order.get(b)!)
        .map(([id, count]) => ({ id, count })),
      recent: tally.engagements.sort(newestFirst).slice(0, RECENT_KEPT),
    });
  }
  return summaries;
}

function newestFirst(a: Engagement, b: Engagement): number {
  const byStart = b.startDate > a.startDate ? 1 : b.startDate < a.startDate ? -1 : 0;
  return byStart || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0);
}
