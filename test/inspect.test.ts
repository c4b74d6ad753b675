import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReports } from "../src/build.js";
import { loadConfig } from "../src/config.js";
import { inspectReport } from "../src/inspect/report.js";
import { matchReportSnapshots } from "../src/inspect/vitest.js";
import { weekPeriod } from "../src/model/period.js";
import type { ReportFile } from "../src/output/write.js";
import { editFile } from "./helpers.js";

/** The sample week, as `npm start` builds it. */
async function buildSample(templates = "templates"): Promise<ReportFile[]> {
  const config = await loadConfig({ path: "briefkit.config.json", explicit: true });
  const period = weekPeriod("2025-W07");
  const { files } = await buildReports({ inputs: "inputs", templates, config, period, asOf: period.to, formats: ["xlsx", "pdf"] });
  return files;
}

/** A copy of the templates with one word changed in one of them. */
async function editedTemplates(file: string, from: string, to: string): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "briefkit-templates-")), "templates");
  await cp("templates", dir, { recursive: true });
  await editFile(join(dir, file), from, to);
  return dir;
}

async function inspectAll(files: readonly ReportFile[]): Promise<{ xlsx: string; pdf: string }> {
  const text = async (format: string) => inspectReport(files.find((file) => file.format === format)!);
  return { xlsx: await text("xlsx"), pdf: await text("pdf") };
}

/** The lines that differ between two texts of the same length, as [before, after]. */
function changedLines(before: string, after: string): Array<[string, string]> {
  const [a, b] = [before.split("\n"), after.split("\n")];
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i): Array<[string, string]> => (line === b[i] ? [] : [[line, b[i]!]]));
}

/** Every line that held the old word changed to hold the new one, and no other line changed. */
function expectOnlyWordChanged(before: string, after: string, from: string, to: string): void {
  const changed = changedLines(before, after);
  expect(changed.length).toBeGreaterThan(0);
  expect(changed.length).toBe(before.split("\n").filter((line) => line.includes(from)).length);
  for (const [old, now] of changed) {
    expect(old).toContain(from);
    expect(now).toContain(to);
    expect(now).not.toContain(from);
  }
}

describe("golden text of the sample week", () => {
  let files: ReportFile[];
  let sample: { xlsx: string; pdf: string };

  beforeAll(async () => {
    files = await buildSample();
    sample = await inspectAll(files);
  });

  // Regenerate after an intended change with `npm run test:update`, then review the diff in git.
  it("the workbook and the packet match test/golden/*.txt", async () => {
    await matchReportSnapshots(files, "golden");
  });

  it("the text names no folder, temporary path or time of day", () => {
    for (const text of [sample.xlsx, sample.pdf]) {
      expect(text).not.toContain(process.cwd());
      expect(text).not.toContain(tmpdir());
      expect(text).not.toMatch(/T(?!00:00:00Z)\d{2}:\d{2}:\d{2}/);
    }
  });

  it("one word changed in the packet template ⇒ exactly the packet lines with that word change", async () => {
    const edited = await inspectAll(await buildSample(await editedTemplates("packet.md.hbs", "# Key points", "# Key findings")));
    expectOnlyWordChanged(sample.pdf, edited.pdf, "Key points", "Key findings");
    expect(edited.xlsx).toBe(sample.xlsx);
  });

  it("one word changed in the workbook template ⇒ exactly the workbook lines with that word change", async () => {
    const edited = await inspectAll(await buildSample(await editedTemplates("workbook.json.hbs", '"officials": "Officials"', '"officials": "Officers"')));
    expectOnlyWordChanged(sample.xlsx, edited.xlsx, "| Officials |", "| Officers |");
    expect(edited.pdf).toBe(sample.pdf);
  });
});
