import { mapWithDetails, plainEngagement } from "../inputs/detail-store.js";
import type { Engagement } from "../inputs/schemas.js";
import type { Briefing } from "./briefing.js";

/**
 * The briefing with plain engagements, long text included, each copied
 * once: what structured cloning hands another thread whole. (An engagement
 * whose long text is read on demand would arrive without it.)
 */
export function copyableBriefing(briefing: Briefing): Briefing {
  // Both threads of a build are handed the same copy.
  let copy = copies.get(briefing);
  if (copy === undefined) copies.set(briefing, (copy = copyOf(briefing)));
  return copy;
}

const copies = new WeakMap<Briefing, Briefing>();

function copyOf(briefing: Briefing): Briefing {
  const plain = new Map(mapWithDetails(briefing.engagements, (e) => [e, plainEngagement(e)] as const));
  const swap = (list: readonly Engagement[]) => list.map((e) => plain.get(e) ?? plainEngagement(e));
  return { ...briefing, engagements: swap(briefing.engagements), periodEngagements: swap(briefing.periodEngagements), upcoming: swap(briefing.upcoming) };
}
