import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { composeBriefing } from "../../src/compose/compose.js";
import { toTemplateContext } from "../../src/compose/context.js";
import { readFile } from "node:fs/promises";
import { MAX_TABLE_ROWS, type Block } from "../../src/compose/document.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { loadInputs } from "../../src/inputs/load.js";
import { buildBriefing, type Briefing } from "../../src/model/briefing.js";
import { countsInSpan } from "../../src/model/matrix.js";
import { previousWindow, RECENT_KEPT } from "../../src/model/partner-summary.js";
import { rangePeriod, weekPeriod } from "../../src/model/period.js";
import type { Issue } from "../../src/errors.js";

type Table = Extract<Block, { type: "table" }>;

/** How many rows a template shows of a list: its setting `(first LIST N)`. */
async function setting(templates: string, list: string): Promise<number> {
  const source = await readFile(join(templates, "packet.md.hbs"), "utf8");
  return Number(new RegExp(`\\(first ${list} (\\d+)\\)`).exec(source)![1]);
}

// Three partners and 3,000 engagements over a year: every list of the window runs past what a packet table shows.
describe("an archive whose window holds more engagements than a packet table shows", () => {
  let briefing: Briefing;
  beforeAll(async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "briefkit-caps-")), "inputs");
    await writeGeneratedInputs(dir, { engagements: 3000, partners: 3, topics: 5, seed: 3, from: "2024-06-01", to: "2025-06-30" });
    const { data, issues } = await loadInputs({ dir });
    const period = weekPeriod("2025-W07");
    briefing = buildBriefing({ data, issues, config: { ...DEFAULT_CONFIG, focus: null }, period, asOf: period.to });
  });

  const inWindow = (b: Briefing) => b.engagements.filter((e) => e.startDate >= b.window.from && e.startDate <= b.window.to);

  it("each partner ⇒ its most recent window engagements, newest first, and its count in the window before", () => {
    const context = toTemplateContext(briefing) as { partners: Array<{ id: string; windowCount: number; previousCount: number; recent: Array<{ id: string }> }> };
    const previous = previousWindow(briefing.window);
    for (const partner of context.partners) {
      const counted = briefing.engagements.filter((e) => e.partners.includes(partner.id) && countsInSpan(e, briefing.window.from, briefing.window.to));
      expect(counted.length, partner.id).toBeGreaterThan(RECENT_KEPT);
      expect(partner.recent.map((e) => e.id)).toEqual(counted.reverse().slice(0, RECENT_KEPT).map((e) => e.id));
      expect(partner.windowCount).toBe(counted.length);
      expect(partner.previousCount).toBe(briefing.engagements.filter((e) => e.partners.includes(partner.id) && countsInSpan(e, previous.from, previous.to)).length);
    }
  });

  it("window and upcoming lists ⇒ at most 200 rows, with the count of the rest", () => {
    const context = toTemplateContext(briefing) as Record<string, unknown[] | number>;
    const window = inWindow(briefing);
    expect((context.windowEngagements as unknown[]).length).toBe(MAX_TABLE_ROWS);
    expect(context.windowEngagementsLeftOut).toBe(window.length - MAX_TABLE_ROWS);
    expect((context.upcoming as unknown[]).length).toBe(Math.min(MAX_TABLE_ROWS, briefing.upcoming.length));
    expect(context.upcomingLeftOut).toBe(Math.max(0, briefing.upcoming.length - MAX_TABLE_ROWS));
  });

  it.each(["templates", "templates/es-PE"])("%s ⇒ each table's rows and left-out rows add up to the real count", async (templates) => {
    const packet = composeBriefing(briefing, await loadTemplates(templates)).packet;
    const tables = packet.blocks.filter((b): b is Table => b.type === "table");
    const totals = tables.map((t) => t.rows.length + (t.leftOut ?? 0));
    const window = inWindow(briefing);
    const expected = [
      briefing.upcoming.length,
      ...briefing.partners.map((p) => window.filter((e) => e.partners.includes(p.id) && e.status !== "cancelled").length),
      briefing.topics.length,
      briefing.initiatives.length,
      window.length,
      briefing.upcoming.length,
    ].filter((count) => count > 0);
    expect(totals).toEqual(expected);
  });
});

// The same archive over a quarter, and more issues than a table shows: the period's list and the annex are capped too.
describe("a period with more engagements, and inputs with more issues, than a packet table shows", () => {
  let briefing: Briefing;
  const issues: Issue[] = Array.from({ length: MAX_TABLE_ROWS + 37 }, (_, index) => ({
    file: "engagements.csv",
    line: index + 2,
    column: "summary",
    value: "=HYPERLINK(1)",
    severity: "warning",
    code: "markup_suspect",
    message: `the summary on line ${index + 2} starts like a formula`,
    hint: null,
  }));
  beforeAll(async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "briefkit-caps-")), "inputs");
    await writeGeneratedInputs(dir, { engagements: 3000, partners: 3, topics: 5, seed: 3, from: "2024-06-01", to: "2025-06-30" });
    const { data } = await loadInputs({ dir });
    const period = rangePeriod("2025-01-01", "2025-03-31");
    briefing = buildBriefing({ data, issues, config: { ...DEFAULT_CONFIG, focus: null }, period, asOf: period.to });
  });

  const text = (blocks: Block[]) => blocks.map((b) => ("content" in b ? b.content.map((i) => i.text).join("") : "items" in b ? b.items.map((item) => item.map((i) => i.text).join("")).join("\n") : "")).join("\n");

  it("the period's engagements and the issues ⇒ the first 200 of each, in order, and the count of the rest", () => {
    const context = toTemplateContext(briefing) as { periodEngagements: Array<{ id: string }>; periodEngagementsLeftOut: number; issues: Array<{ line: number }>; issuesLeftOut: number };
    expect(briefing.periodEngagements.length).toBeGreaterThan(MAX_TABLE_ROWS);
    expect(context.periodEngagements.map((e) => e.id)).toEqual(briefing.periodEngagements.slice(0, MAX_TABLE_ROWS).map((e) => e.id));
    expect(context.periodEngagementsLeftOut).toBe(briefing.periodEngagements.length - MAX_TABLE_ROWS);
    expect(context.issues.map((i) => i.line)).toEqual(issues.slice(0, MAX_TABLE_ROWS).map((i) => i.line));
    expect(context.issuesLeftOut).toBe(37);
  });

  it.each([
    ["templates", "more engagements", /first (\d+) of the period's ([\d,]+) engagements; the workbook's Engagements sheet lists them all/, /… and ([\d,]+) more issues: the workbook's Issues sheet lists them all\./],
    ["templates/es-PE", "actividades más", /primeras (\d+) de las ([\d.,\s\u00a0\u202f]+) actividades del periodo; la hoja «Actividades» del libro de Excel las enumera todas/, /… y ([\d.,\s\u00a0\u202f]+) problemas más: la hoja «Problemas de los datos» del libro de Excel los enumera todos\./],
  ])("%s ⇒ the first few engagement sections, then a section that points to the workbook; the first few issues, then a pointer", async (templates, more, shown, issuesMore) => {
    const { blocks } = composeBriefing(briefing, await loadTemplates(templates)).packet;
    const sections = await setting(templates, "periodEngagements");
    const listed = await setting(templates, "issues");
    const count = (text: string) => Number(text.replace(/\D/g, ""));
    const headings = blocks.filter((b): b is Extract<Block, { type: "heading" }> => b.type === "heading");
    const first = headings.findIndex((h) => h.level === 2 && text([h]) === briefing.periodEngagements[0]!.title);
    const inPeriod = headings.slice(first, first + sections + 1);
    expect(sections).toBeLessThan(briefing.periodEngagements.length);
    expect(inPeriod.slice(0, sections).map((h) => text([h]))).toEqual(briefing.periodEngagements.slice(0, sections).map((e) => e.title));
    expect(text([inPeriod[sections]!])).toBe(`${briefing.periodEngagements.length - sections} ${more}`);
    const pointer = shown.exec(text(blocks))!;
    expect(count(pointer[1]!)).toBe(sections);
    expect(count(pointer[2]!)).toBe(briefing.periodEngagements.length);
    const lists = blocks.filter((b): b is Extract<Block, { type: "list" }> => b.type === "list");
    expect(lists.at(-1)!.items).toHaveLength(listed);
    expect(count(issuesMore.exec(text(blocks))![1]!)).toBe(issues.length - listed);
  });
});
