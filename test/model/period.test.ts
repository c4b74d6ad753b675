import { describe, expect, it } from "vitest";
import { isoWeekOf } from "../../src/dates.js";
import { monthPeriod, rangePeriod, trailingWindow, weekBefore, weekContaining, weekPeriod } from "../../src/model/period.js";

describe("weekPeriod", () => {
  it.each([
    ["2025-W07", "2025-02-10", "2025-02-16"],
    ["2025-W01", "2024-12-30", "2025-01-05"],
    ["2020-W53", "2020-12-28", "2021-01-03"],
    ["2026-w48", "2026-11-23", "2026-11-29"],
  ])("%s ⇒ %s … %s", (week, from, to) => {
    expect(weekPeriod(week)).toMatchObject({ from, to });
  });

  it.each(["2025-W54", "2025-W00", "2025-07", "W07"])("%s ⇒ usage error", (week) => {
    expect(() => weekPeriod(week)).toThrow(/is not an ISO week/);
  });
});

describe("isoWeekOf", () => {
  it.each([
    ["2025-01-01", 2025, 1],
    ["2021-01-03", 2020, 53],
    ["2024-12-30", 2025, 1],
    ["2025-02-16", 2025, 7],
  ])("%s ⇒ %i-W%i", (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });
});

describe("periods", () => {
  it("a range is labelled by its ends", () => {
    expect(rangePeriod("2025-02-10", "2025-02-16")).toEqual({ kind: "range", label: "2025-02-10_2025-02-16", from: "2025-02-10", to: "2025-02-16" });
  });

  it("a range that ends before it starts ⇒ error", () => {
    expect(() => rangePeriod("2025-02-16", "2025-02-10")).toThrow("--to 2025-02-10 is before --from 2025-02-16");
  });

  it("the trailing window of 52 weeks ends with the period", () => {
    expect(trailingWindow(weekPeriod("2025-W07"), 52)).toEqual({ from: "2024-02-19", to: "2025-02-16", weeks: 52 });
  });

  it("the week containing a date", () => {
    expect(weekContaining("2025-02-13").label).toBe("2025-W07");
  });
});

describe("monthPeriod", () => {
  it.each([
    ["2025-02", "2025-02-01", "2025-02-28"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2025-12", "2025-12-01", "2025-12-31"],
    ["2025-9", "2025-09-01", "2025-09-30"],
  ])("%s ⇒ %s … %s", (text, from, to) => {
    expect(monthPeriod(text)).toEqual({ kind: "month", label: from.slice(0, 7), from, to });
  });

  it.each(["2025-13", "2025-00", "Feb 2025", "2025-02-01"])("%s ⇒ usage error", (text) => {
    expect(() => monthPeriod(text)).toThrow(`--month "${text}" is not a month; write it as YYYY-MM, for example 2025-02`);
  });
});

describe("weekBefore", () => {
  it.each([
    ["2025-02-17", "2025-W07"], // a Monday: the week that just ended
    ["2025-02-23", "2025-W07"], // a Sunday: still the week before
    ["2025-01-01", "2024-W52"],
    ["2021-01-06", "2020-W53"],
  ])("%s ⇒ %s", (day, label) => {
    expect(weekBefore(day).label).toBe(label);
  });
});
