import { beforeAll, describe, expect, it } from "vitest";
import { composeBriefing } from "../../src/compose/compose.js";
import { plainText, type Block } from "../../src/compose/document.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { DEFAULT_CONFIG, type Locale } from "../../src/config.js";
import { loadInputs, type LoadResult } from "../../src/inputs/load.js";
import { buildBriefing } from "../../src/model/briefing.js";
import { monthPeriod, rangePeriod, weekPeriod, type Period } from "../../src/model/period.js";

let inputs: LoadResult;
beforeAll(async () => {
  inputs = await loadInputs({ dir: "inputs" });
});

async function cover(locale: Locale, period: Period): Promise<{ lines: string[]; title: string }> {
  const briefing = buildBriefing({ ...inputs, config: { ...DEFAULT_CONFIG, title: "T", locale, focus: "peru" }, period, asOf: period.to });
  const { packet, labels } = composeBriefing(briefing, await loadTemplates(locale === "es-PE" ? "templates/es-PE" : "templates"));
  const block = packet.blocks.find((b): b is Extract<Block, { type: "cover" }> => b.type === "cover")!;
  const lines = block.children.flatMap((b) => (b.type === "heading" || b.type === "paragraph" ? [plainText(b.content).replace(/\u00a0/g, " ")] : []));
  return { lines: lines.slice(1, 3), title: labels.title };
}

describe("the cover names the period by its kind, in the templates' words", () => {
  it.each([
    ["en-US", weekPeriod("2025-W07"), ["Weekly briefing 2025-W07", "Feb 10, 2025 – Feb 16, 2025"], "T — 2025-W07"],
    ["en-US", monthPeriod("2025-04"), ["Monthly briefing April 2025", "Apr 1, 2025 – Apr 30, 2025"], "T — April 2025"],
    ["en-US", rangePeriod("2025-04-01", "2025-04-30"), ["Briefing Apr 1, 2025 – Apr 30, 2025", "UNCLASSIFIED"], "T — Apr 1, 2025 – Apr 30, 2025"],
    ["es-PE", weekPeriod("2025-W07"), ["Informe semanal 2025-W07", "10 feb. 2025 – 16 feb. 2025"], "T — 2025-W07"],
    ["es-PE", monthPeriod("2025-04"), ["Informe mensual de abril de 2025", "1 abr. 2025 – 30 abr. 2025"], "T — abril de 2025"],
    ["es-PE", rangePeriod("2025-04-01", "2025-04-30"), ["Informe del 1 abr. 2025 – 30 abr. 2025", "UNCLASSIFIED"], "T — 1 abr. 2025 – 30 abr. 2025"],
  ] as const)("%s, %o ⇒ %j, file title %s", async (locale, period, lines, title) => {
    expect(await cover(locale, period)).toEqual({ lines, title });
  });
});

describe("labels", () => {
  it("a heat map's caption, drawn on a page, keeps its dates whole; the file's title and subject use plain spaces", async () => {
    const period = rangePeriod("2025-04-01", "2025-04-30");
    const briefing = buildBriefing({ ...inputs, config: { ...DEFAULT_CONFIG, title: "T" }, period, asOf: period.to });
    const { labels } = composeBriefing(briefing, await loadTemplates("templates"));
    expect(labels.matrixPeriodCaption).toContain("Apr\u00a01,\u00a02025\u00a0– Apr\u00a030,\u00a02025");
    expect(`${labels.title}${labels.subject}`).not.toMatch(/\u00a0/);
    expect(labels.subject).toContain("Apr 1, 2025 – Apr 30, 2025");
  });
});
