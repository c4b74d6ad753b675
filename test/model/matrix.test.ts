import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { loadInputs } from "../../src/inputs/load.js";
import type { Engagement } from "../../src/inputs/schemas.js";
import { buildBriefing } from "../../src/model/briefing.js";
import { countMatrix } from "../../src/model/matrix.js";
import { weekPeriod } from "../../src/model/period.js";

const engagement = (overrides: Partial<Engagement>): Engagement => ({
  id: "E", startDate: "2025-02-11", endDate: null, title: "T", partners: [], topics: [], kind: "talks",
  location: "", officials: [], summary: "", sourceUrl: null, status: "completed", extra: {}, line: 2, ...overrides,
});

describe("countMatrix", () => {
  it("two partners and three topics add one to six cells", () => {
    const m = countMatrix({
      engagements: [engagement({ partners: ["us", "fr"], topics: ["a", "b", "c"] })],
      partners: ["us", "fr"], topics: ["a", "b", "c", "d"], from: "2025-02-10", to: "2025-02-16",
    });
    expect(m.counts).toEqual([[1, 1, 1, 0], [1, 1, 1, 0]]);
    expect(m.rowTotals).toEqual([3, 3]);
    expect(m.columnTotals).toEqual([2, 2, 2, 0]);
    expect(m.total).toBe(6);
  });

  it.each([
    ["before the span", { startDate: "2025-02-09" }, 0],
    ["first day", { startDate: "2025-02-10" }, 1],
    ["last day", { startDate: "2025-02-16" }, 1],
    ["after the span", { startDate: "2025-02-17" }, 0],
    ["cancelled", { status: "cancelled" as const }, 0],
    ["planned", { status: "planned" as const }, 1],
  ])("%s ⇒ %i", (_, overrides, count) => {
    const m = countMatrix({
      engagements: [engagement({ partners: ["us"], topics: ["a"], ...overrides })],
      partners: ["us"], topics: ["a"], from: "2025-02-10", to: "2025-02-16",
    });
    expect(m.total).toBe(count);
  });
});

describe("the sample matrix", () => {
  it("equals counts computed straight from the CSV", async () => {
    const { data } = await loadInputs({ dir: "inputs" });
    const period = weekPeriod("2025-W07");
    const briefing = buildBriefing({ data, issues: [], config: { ...DEFAULT_CONFIG, focus: "peru" }, period, asOf: period.to });
    const rows = parse(readFileSync("inputs/engagements.csv"), { columns: true }) as Array<Record<string, string>>;
    const expected = (from: string, to: string) => {
      const counts = new Map<string, number>();
      for (const row of rows) {
        if (row.status === "cancelled" || row.start_date! < from || row.start_date! > to) continue;
        for (const p of row.partners!.split(";")) for (const t of row.topics!.split(";")) {
          counts.set(`${p}|${t}`, (counts.get(`${p}|${t}`) ?? 0) + 1);
        }
      }
      return counts;
    };
    for (const which of ["period", "window"] as const) {
      const m = briefing.matrix[which];
      const counts = expected(m.from, m.to);
      m.partners.forEach((p, r) => m.topics.forEach((t, c) => {
        expect(m.counts[r]![c], `${which} ${p} × ${t}`).toBe(counts.get(`${p}|${t}`) ?? 0);
      }));
    }
    expect(briefing.matrix.window.partners).toEqual(["united-states", "france"]);
    expect(briefing.matrix.window.total).toBe(25);
    expect(briefing.matrix.period.total).toBe(8);
    expect(briefing.periodEngagements.map((e) => e.id)).toEqual(["E-2025-01"]);
    expect(briefing.upcoming.map((e) => e.id)).toEqual(["E-2025-02", "E-2026-01", "E-2027-01"]);
  });
});
