import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReports } from "../src/build.js";
import { DEFAULT_CONFIG } from "../src/config.js";
import { inspectReport } from "../src/inspect/report.js";
import { weekPeriod } from "../src/model/period.js";
import { writeReports, type ReportFile } from "../src/output/write.js";
import { runBriefkit } from "./helpers.js";

const run = (args: string[], cwd?: string) => runBriefkit(args, { cwd });

describe("briefkit inspect", () => {
  let dir: string;
  let files: ReportFile[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "briefkit-inspect-"));
    const period = weekPeriod("2025-W07");
    ({ files } = await buildReports({ inputs: "inputs", templates: "templates", config: DEFAULT_CONFIG, period, asOf: period.to, formats: ["xlsx", "pdf"] }));
    await writeReports({ dir, files });
    await writeFile(join(dir, "notes.txt"), "hello");
    await writeFile(join(dir, "broken.pdf"), "not a pdf");
    await writeFile(join(dir, "broken.xlsx"), "not a workbook");
  });

  it.each(["xlsx", "pdf"])("a .%s file ⇒ exit 0 and the library's text on stdout", async (format) => {
    const file = files.find((f) => f.format === format)!;
    const { code, stdout, stderr } = await run(["inspect", join(dir, file.name)]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(await inspectReport(file));
  });

  it("--help ⇒ exit 0 with examples", async () => {
    const { code, stdout } = await run(["inspect", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Examples:\n  briefkit inspect reports/briefing-2025-W07.xlsx");
  });

  it.each([
    [["inspect"], 2, /missing required argument 'file'/],
    [["inspect", "nowhere.pdf"], 2, /briefkit: nowhere\.pdf: no such file/],
    [["inspect", "notes.txt"], 2, /notes\.txt: cannot inspect a \.txt file; expected a \.xlsx or \.pdf file/],
    [["inspect", "."], 2, /briefkit: \.: is a folder, not a file/],
    [["inspect", "broken.pdf"], 1, /broken\.pdf is not a PDF that can be read/],
    [["inspect", "broken.xlsx"], 1, /broken\.xlsx is not an Excel workbook \(\.xlsx\) that can be read/],
  ])("%j ⇒ exit %i, a message and no stack trace", async (args, exit, message) => {
    const { code, stderr, stdout } = await run(args, dir);
    expect(code).toBe(exit);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
