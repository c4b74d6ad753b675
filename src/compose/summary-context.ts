import type { Engagement } from "../inputs/schemas.js";
import type { PartnerSummary } from "../model/partner-summary.js";
import { standOut } from "../model/standout.js";

/**
 * The fields a partner's section adds to the template context: the count in
 * the window before (`previousCount`), the change against it (`change.direction`
 * "up", "down" or "same", and `change.by`), and `recent`, the window's most
 * recent engagements, newest first (a template shows the first few).
 */
export function partnerSection<V>(summary: PartnerSummary | undefined, view: (e: Engagement) => V) {
  const windowCount = summary?.windowCount ?? 0;
  const previousCount = summary?.previousCount ?? 0;
  const change = windowCount - previousCount;
  return {
    previousCount,
    change: { direction: change > 0 ? "up" : change < 0 ? "down" : "same", by: Math.abs(change) },
    recent: (summary?.recent ?? []).map(view),
  };
}

/** The period's busiest topics when they stand out from the rest (see standOut), with their names; else none. */
export function standoutTopics(busiest: ReadonlyArray<{ id: string; count: number }>, topicName: (id: string) => string) {
  return standOut(busiest).map((t) => ({ name: topicName(t.id), count: t.count }));
}

/** An input column's header written as a label: `source` ⇒ "Source", `press_office` ⇒ "Press office". */
export function extraLabel(header: string): string {
  const words = header.trim().replace(/[_\s]+/g, " ");
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}
