import type { Briefing } from "../model/briefing.js";
import type { Engagement } from "../inputs/schemas.js";
import type { Matrix } from "../model/matrix.js";
import { formatIssue, issueEffect } from "../errors.js";
import { MAX_TABLE_ROWS } from "./document.js";
import { nameLookup } from "../model/names.js";
import { mapWithDetails, readDetails } from "../inputs/detail-store.js";
import { dateTexts } from "./date-text.js";
import { extraLabel, partnerSection, standoutTopics } from "./summary-context.js";

/**
 * The plain-object view of a briefing that templates see: names resolved,
 * dates written out in the locale. Plain objects only, since Handlebars
 * refuses prototype access.
 */
export function toTemplateContext(briefing: Briefing): Record<string, unknown> {
  const { config, period, window } = briefing;
  const { date: formatDate, range: dateRange } = dateTexts(config.locale);
  const partnerName = nameLookup(briefing.partners);
  const topicName = nameLookup(briefing.topics);

  const engagement = (e: Engagement) => ({
    id: e.id,
    title: e.title,
    startDate: e.startDate,
    endDate: e.endDate ?? "",
    dates: dateRange(e.startDate, e.endDate),
    kind: e.kind,
    status: e.status,
    location: e.location,
    partners: e.partners.map(partnerName),
    topics: e.topics.map(topicName),
    officials: [...e.officials],
    summary: e.summary,
    sourceUrl: e.sourceUrl ?? "",
    extra: Object.entries(e.extra).filter(([, value]) => value !== "").map(([name, value]) => ({ name, label: extraLabel(name), value })),
  });
  const windowMatrix = briefing.matrix.window;
  const partnerRow = new Map(windowMatrix.partners.map((id, index) => [id, index]));
  // Templates see the period's engagements, the window's (oldest and newest first) and the upcoming ones, at most the
  // rows a packet table shows; the `…LeftOut` counts say how many more there are. Partners' sections keep their own few.
  const inWindow = briefing.engagements.filter((e) => e.startDate >= window.from && e.startDate <= window.to);
  const windowNewest = inWindow.slice(-MAX_TABLE_ROWS).reverse();
  const recent = [...briefing.partnerSummaries.values()].flatMap((s) => s.recent);
  const inPeriod = briefing.periodEngagements.slice(0, MAX_TABLE_ROWS);
  const issues = briefing.issues.slice(0, MAX_TABLE_ROWS);
  // The long text of the rows shown, read in one pass where an archive holds it in a file.
  readDetails([...inWindow.slice(0, MAX_TABLE_ROWS), ...windowNewest, ...recent, ...inPeriod, ...briefing.upcoming.slice(0, MAX_TABLE_ROWS)]);
  // Each engagement shown is made into a view once, however many lists show it.
  const views = new Map<Engagement, ReturnType<typeof engagement>>();
  const view = (e: Engagement) => {
    let made = views.get(e);
    if (made === undefined) views.set(e, (made = engagement(e)));
    return made;
  };
  const windowViews = inWindow.slice(0, MAX_TABLE_ROWS).map(view);
  const profiles = topicProfiles(briefing);

  const context: Record<string, unknown> = {
    title: config.title,
    office: config.office,
    marking: config.marking,
    author: config.author,
    locale: config.locale,
    asOf: { iso: briefing.asOf, text: formatDate(briefing.asOf) },
    period: { label: period.label, kind: period.kind, from: period.from, to: period.to, text: dateRange(period.from, period.to) },
    window: { weeks: window.weeks, from: window.from, to: window.to, text: dateRange(window.from, window.to) },
    counts: {
      engagements: briefing.engagements.length,
      periodEngagements: briefing.periodEngagements.length,
      upcoming: briefing.upcoming.length,
      partners: briefing.partners.length,
      topics: briefing.topics.length,
      initiatives: briefing.initiatives.length,
      issues: briefing.issues.length,
      errors: briefing.issues.filter((i) => i.severity === "error").length,
      warnings: briefing.issues.filter((i) => i.severity === "warning").length,
    },
    periodEngagements: inPeriod.map(engagement),
    periodEngagementsLeftOut: briefing.periodEngagements.length - inPeriod.length,
    windowEngagements: windowViews,
    windowEngagementsLeftOut: inWindow.length - windowViews.length,
    windowNewest: windowNewest.map(view),
    windowEngagementsTotal: inWindow.length,
    upcoming: briefing.upcoming.slice(0, MAX_TABLE_ROWS).map(engagement),
    upcomingLeftOut: Math.max(0, briefing.upcoming.length - MAX_TABLE_ROWS),
    partners: briefing.partners.map((p) => {
      const row = partnerRow.get(p.id);
      return {
        id: p.id,
        name: p.name,
        kind: p.kind,
        region: p.region,
        focus: p.id === config.focus,
        windowCount: row === undefined ? 0 : (briefing.windowCounts.get(p.id) ?? 0),
        profile: (profiles.get(p.id) ?? []).map((t) => ({ name: topicName(t.id), count: t.count })),
        ...partnerSection(briefing.partnerSummaries.get(p.id), view),
      };
    }),
    topics: briefing.topics.map((t) => ({ id: t.id, name: t.name, category: t.category, description: t.description })),
    initiatives: briefing.initiatives.map((i) => ({
      year: i.year,
      title: i.title,
      objective: i.objective,
      status: i.status,
      partners: i.partners.map(partnerName),
      topics: i.topics.map(topicName),
    })),
    issuesLeftOut: briefing.issues.length - issues.length,
    issues: issues.map((i) => ({
      file: i.file,
      line: i.line ?? "",
      column: i.column ?? "",
      value: i.value ?? "",
      severity: i.severity,
      code: i.code,
      message: i.message,
      hint: i.hint ?? "",
      leftOut: issueEffect(i) ?? "",
      text: formatIssue(i),
    })),
    highlights: {
      activePartners: briefing.highlights.activePartners.map(partnerName),
      newPartners: briefing.highlights.newPartners.map(partnerName),
      activeTopics: briefing.highlights.activeTopics.map(topicName),
      newTopics: briefing.highlights.newTopics.map(topicName),
      busiestTopics: briefing.highlights.busiestTopics.map((t) => ({ name: topicName(t.id), count: t.count })),
      standoutTopics: standoutTopics(briefing.highlights.busiestTopics, topicName),
    },
    matrix: { period: matrixSummary(briefing.matrix.period), window: matrixSummary(windowMatrix) },
  };
  // The whole archive is made into template objects only when a template asks for it.
  let all: unknown[] | undefined;
  Object.defineProperty(context, "engagements", { enumerable: true, get: () => (all ??= mapWithDetails(briefing.engagements, engagement)) });
  return context;
}

/**
 * A partner's topics over the trailing window: how many engagements (not
 * cancelled) touched each, most first, ties in topic order.
 */
export function topicProfile(briefing: Briefing, partner: string): Array<{ id: string; count: number }> {
  return topicProfiles(briefing).get(partner) ?? [];
}

const profileCache = new WeakMap<Briefing, Map<string, Array<{ id: string; count: number }>>>();

/** Every partner's topic profile, from one pass over the engagements; kept per briefing. */
export function topicProfiles(briefing: Briefing): Map<string, Array<{ id: string; count: number }>> {
  const cached = profileCache.get(briefing);
  if (cached !== undefined) return cached;
  const { from, to } = briefing.window;
  const counts = new Map<string, Map<string, number>>();
  for (const e of briefing.engagements) {
    if (e.status === "cancelled" || e.startDate < from || e.startDate > to) continue;
    for (const partner of e.partners) {
      let topics = counts.get(partner);
      if (topics === undefined) counts.set(partner, (topics = new Map()));
      for (const topic of e.topics) topics.set(topic, (topics.get(topic) ?? 0) + 1);
    }
  }
  const profiles = new Map<string, Array<{ id: string; count: number }>>();
  for (const [partner, topicCounts] of counts) {
    profiles.set(partner, briefing.topics
      .map((t, index) => ({ id: t.id, count: topicCounts.get(t.id) ?? 0, index }))
      .filter((t) => t.count > 0)
      .sort((a, b) => b.count - a.count || a.index - b.index)
      .map(({ id, count }) => ({ id, count })));
  }
  profileCache.set(briefing, profiles);
  return profiles;
}

function matrixSummary(matrix: Matrix) {
  return { total: matrix.total, empty: matrix.total === 0 };
}

