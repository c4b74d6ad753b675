import { describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { composeBriefing } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { repackZip } from "../../src/output/zip.js";
import { renderWorkbook } from "../../src/render/xlsx/workbook.js";
import { PERIOD, SPECIAL, config } from "./xlsx-helpers.js";

// The thread runs compiled code, so these tests do too: `npm test` builds dist/ before it runs them.
const COMPILED = "../../dist/render/xlsx/aside.js";
const { renderOnThread, renderWorkbookAside, ASIDE_UP_TO } = (await import(COMPILED)) as typeof import("../../src/render/xlsx/aside.js");

// The zip stamps its entries with the clock: compare them re-packed, as builds write them.
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(repackZip(a, { date: PERIOD.to }), repackZip(b, { date: PERIOD.to })) === 0;

async function briefingOf(inputs: string) {
  const { briefing } = await buildReports({ inputs, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [], allowInvalid: true });
  return { briefing, spec: composeBriefing(briefing, await loadTemplates("templates")).workbook };
}

describe.each([["inputs"], [SPECIAL]])("the workbook of %s rendered on a thread of its own", (inputs) => {
  it("⇒ a thread is started, and it gives the same bytes as this thread", async () => {
    const options = await briefingOf(inputs);
    expect(options.briefing.engagements.length).toBeLessThanOrEqual(ASIDE_UP_TO);
    const thread = renderOnThread(options);
    expect(thread).not.toBeNull();
    const [aside, here] = await Promise.all([thread!, renderWorkbook(options)]);
    expect(Buffer.from(aside).subarray(0, 2).toString()).toBe("PK");
    expect(same(aside, here)).toBe(true);
  });
});

describe("a briefing the thread cannot be handed", () => {
  it("something structured clone cannot copy ⇒ no thread; rendered on this thread instead, the same bytes", async () => {
    const options = await briefingOf("inputs");
    const odd = { ...options, briefing: { ...options.briefing, config: { ...options.briefing.config, extra: () => "not cloneable" } } };
    expect(renderOnThread(odd)).toBeNull();
    const [aside, here] = await Promise.all([renderWorkbookAside(odd), renderWorkbook(options)]);
    expect(same(aside, here)).toBe(true);
  });

  it("more than ASIDE_UP_TO engagements ⇒ no thread", async () => {
    const options = await briefingOf("inputs");
    const many = { ...options, briefing: { ...options.briefing, engagements: Array.from({ length: ASIDE_UP_TO + 1 }, () => options.briefing.engagements[0]!) } };
    expect(renderOnThread(many)).toBeNull();
  });
});
