import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { buildReports } from "../../src/build.js";
import { DEFAULT_CONFIG, type Config, type Locale } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { inspectPdf, type PdfReport } from "./pdf-tools.js";

const config: Config = { ...DEFAULT_CONFIG, title: "Peru defense partnerships", focus: "peru" };
const period = weekPeriod("2025-W07");

async function packetOf(options: { engagements: number; locale?: Locale }): Promise<PdfReport> {
  const dir = join(await mkdtemp(join(tmpdir(), "briefkit-brief-")), "inputs");
  // The same partners, topics and span of years; only the number of engagements grows.
  await writeGeneratedInputs(dir, { engagements: options.engagements, partners: 40, topics: 25, seed: 11, from: "2019-01-01", to: "2025-06-30", longSummaries: true });
  const templates = options.locale === "es-PE" ? "templates/es-PE" : "templates";
  const result = await buildReports({ inputs: dir, templates, config: { ...config, locale: options.locale ?? "en-US" }, period, asOf: period.to, formats: ["pdf"] });
  return inspectPdf(result.files[0]!.bytes);
}

const MONTHS = {
  "en-US": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
  "es-PE": "ene|feb|mar|abr|may|jun|jul|ago|set|sept|oct|nov|dic",
};

/** The pieces of dates that were cut across lines: a month without its day and year beside it, or a range's second date cut from its dash. */
function brokenDates(pages: readonly string[], locale: Locale): string[] {
  const months = MONTHS[locale];
  const whole = locale === "en-US" ? new RegExp(`\\b(${months}) \\d{1,2}, \\d{4}\\b`, "g") : new RegExp(`\\b\\d{1,2} (${months})\\. \\d{4}\\b`, "g");
  const month = locale === "en-US" ? new RegExp(`\\b(${months}) \\d`, "g") : new RegExp(`\\b(${months})\\.`, "g");
  const broken: string[] = [];
  for (const line of pages.join("\n").replace(/\u00a0/g, " ").split("\n")) {
    const partial = (line.match(month) ?? []).length - (line.match(whole) ?? []).length;
    if (partial !== 0) broken.push(line);
    // A range breaks after its dash: no cell starts with the dash.
    if (new RegExp(`(^|\\s{2,})– (\\d{1,2} )?(${months})\\b`).test(line)) broken.push(line);
  }
  return broken;
}

describe("the packet's length follows the period and the partners, not the archive", () => {
  let small: PdfReport;
  let large: PdfReport;
  beforeAll(async () => {
    small = await packetOf({ engagements: 2_000 });
    large = await packetOf({ engagements: 20_000 });
  }, 240_000);

  it("2,000 and 20,000 engagements over the same years, 40 partners and 25 topics ⇒ about as many pages, at most 40", () => {
    expect(small.pages.length).toBeLessThanOrEqual(40);
    expect(large.pages.length).toBeLessThanOrEqual(40);
    expect(Math.abs(large.pages.length - small.pages.length)).toBeLessThanOrEqual(4);
  });

  it("every partner has its section, with a pointer to the workbook for the rest of its engagements", () => {
    const text = large.flow.join("\n").replace(/\s+/g, " ");
    expect(large.outlines.find((o) => o.title === "Partners")!.kids).toHaveLength(39);
    expect((text.match(/more rows: see the workbook/g) ?? []).length).toBeGreaterThanOrEqual(39);
  });

  it("each partner's heading shares its page with its summary line, chart and table", () => {
    const partners = large.outlines.find((o) => o.title === "Partners")!.kids;
    for (const partner of partners) {
      const page = large.flow[partner.page - 1]!.replace(/\u00a0/g, " ");
      const at = page.indexOf(`${partner.title}\n`);
      expect(at, partner.title).toBeGreaterThanOrEqual(0);
      const section = page.slice(at);
      expect(section, partner.title).toMatch(/engagements? in the last 52 weeks/);
      expect(section, partner.title).toMatch(/Dates\s+Engagement\s+Kind\s+Topics/);
      expect(large.figureAlts.some((alt) => alt.includes(partner.title)), partner.title).toBe(true);
    }
  });

  it("no date is cut across lines, and a range breaks only after its dash (text extracted with pdftotext)", () => {
    expect(brokenDates(small.pages, "en-US")).toEqual([]);
    expect(brokenDates(large.pages, "en-US")).toEqual([]);
    // The check finds dates: the packet is full of them.
    expect((large.pages.join("\n").replace(/\u00a0/g, " ").match(/\b(Jan|Feb) \d{1,2}, 2025\b/g) ?? []).length).toBeGreaterThan(100);
  });
});

describe("dates in the sample packet", () => {
  it.each(["en-US", "es-PE"] as const)("%s ⇒ no date cut across lines", async (locale) => {
    const templates = locale === "es-PE" ? "templates/es-PE" : "templates";
    const result = await buildReports({ inputs: "inputs", templates, config: { ...config, locale }, period, asOf: period.to, formats: ["pdf"] });
    const pdf = inspectPdf(result.files[0]!.bytes);
    expect(brokenDates(pdf.pages, locale)).toEqual([]);
    // The upcoming table's ranges are each written whole, or broken after the dash.
    const upcoming = locale === "en-US" ? /Oct 6, 2025 –\s+.*\n\s*Oct 10, 2025|Oct 6, 2025 – Oct 10, 2025/ : /6 oct\. 2025 –\s+.*\n\s*10 oct\. 2025|6 oct\. 2025 – 10 oct\. 2025/;
    expect(pdf.pages.join("\n").replace(/\u00a0/g, " ")).toMatch(upcoming);
  });
});
