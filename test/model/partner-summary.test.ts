import { describe, expect, it } from "vitest";
import type { Engagement } from "../../src/inputs/schemas.js";
import { previousWindow, RECENT_KEPT, summarizePartners } from "../../src/model/partner-summary.js";

const engagement = (overrides: Partial<Engagement>): Engagement => ({
  id: "E", startDate: "2025-02-11", endDate: null, title: "T", partners: ["us"], topics: ["a"], kind: "talks",
  location: "", officials: [], summary: "", sourceUrl: null, status: "completed", extra: {}, line: 2, ...overrides,
});

const window = { from: "2024-02-19", to: "2025-02-16" };

describe("previousWindow", () => {
  it.each([
    [{ from: "2024-02-19", to: "2025-02-16" }, { from: "2023-02-20", to: "2024-02-18" }],
    [{ from: "2025-02-10", to: "2025-02-16" }, { from: "2025-02-03", to: "2025-02-09" }],
    [{ from: "2025-03-01", to: "2025-03-01" }, { from: "2025-02-28", to: "2025-02-28" }],
  ])("%o ⇒ %o, as long and just before", (span, expected) => {
    expect(previousWindow(span)).toEqual(expected);
  });
});

describe("summarizePartners", () => {
  it("counts the window and the window before, leaving out cancelled ones and days outside both", () => {
    const summaries = summarizePartners({
      engagements: [
        engagement({ id: "1", startDate: "2025-02-16" }),
        engagement({ id: "2", startDate: "2024-02-19", partners: ["us", "fr"] }),
        engagement({ id: "3", startDate: "2024-02-18" }),
        engagement({ id: "4", startDate: "2023-02-20", partners: ["fr"] }),
        engagement({ id: "5", startDate: "2023-02-19" }),
        engagement({ id: "6", startDate: "2025-01-01", status: "cancelled" }),
        engagement({ id: "7", startDate: "2025-02-17", status: "planned" }),
      ],
      partners: ["us", "fr", "de"],
      topics: ["a"],
      window,
    });
    expect([...summaries.values()].map((s) => [s.partner, s.windowCount, s.previousCount])).toEqual([["us", 2, 1], ["fr", 1, 1], ["de", 0, 0]]);
  });

  it("topics by count, most first, ties in topic order; unknown topics left out", () => {
    const summaries = summarizePartners({
      engagements: [
        engagement({ id: "1", topics: ["b", "c"] }),
        engagement({ id: "2", topics: ["c", "x"] }),
        engagement({ id: "3", topics: ["a"] }),
      ],
      partners: ["us"],
      topics: ["a", "b", "c"],
      window,
    });
    expect(summaries.get("us")!.topics).toEqual([{ id: "c", count: 2 }, { id: "a", count: 1 }, { id: "b", count: 1 }]);
  });

  it(`the most recent ${RECENT_KEPT} of the window, newest first, ties by id, whatever the input order`, () => {
    const days = Array.from({ length: RECENT_KEPT + 5 }, (_, i) => `2025-01-${String(1 + Math.floor(i / 2)).padStart(2, "0")}`);
    const engagements = days.map((day, i) => engagement({ id: `E${String(i).padStart(2, "0")}`, startDate: day })).reverse();
    const recent = summarizePartners({ engagements, partners: ["us"], topics: ["a"], window }).get("us")!.recent;
    const expected = [...engagements].sort((a, b) => (a.startDate === b.startDate ? b.id.localeCompare(a.id) : b.startDate.localeCompare(a.startDate)));
    expect(recent.map((e) => e.id)).toEqual(expected.slice(0, RECENT_KEPT).map((e) => e.id));
  });
});
