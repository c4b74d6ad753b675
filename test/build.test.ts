import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReports, loadBuildInputs, loadSettings, type BuildReportsResult as BuildResult } from "../src/build.js";
import { DEFAULT_CONFIG, type Config } from "../src/config.js";
import { weekPeriod } from "../src/model/period.js";
import { writeReports } from "../src/output/write.js";

const config: Config = { ...DEFAULT_CONFIG, title: "Peru defense partnerships", marking: "UNCLASSIFIED // FOR OFFICIAL USE ONLY", focus: "peru" };

function pdfText(bytes: Uint8Array): string[] {
  const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes }).toString("utf8");
  return text.split("\f").filter((page) => page.trim() !== "");
}

describe("building the sample packet", () => {
  let result: BuildResult;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const period = weekPeriod("2025-W07");
    result = await buildReports({ inputs: "inputs", templates: "templates", config, period, asOf: period.to, formats: ["xlsx", "pdf"] });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.files[0]!.bytes) as unknown as ArrayBuffer);
  });

  it("names the files after the period", () => {
    expect(result.files.map((f) => f.name)).toEqual(["briefing-2025-W07.xlsx", "briefing-2025-W07.pdf"]);
  });

  it("the workbook has the sheets of the template", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "About", "Matrix", "Engagements", "Engagement topics", "Upcoming", "Partners", "Cooperation areas", "Initiatives", "Issues",
    ]);
  });

  it("the Engagements sheet has one row per engagement with real dates and the extra column", () => {
    const sheet = workbook.getWorksheet("Engagements")!;
    expect(sheet.rowCount).toBe(1 + 8);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["ID", "Start date", "End date", "Title", "Kind", "Status", "Partners", "Topics", "Location", "Officials", "Summary", "Source link", "source"]);
    const row = sheet.getRow(5);
    expect(row.getCell(1).value).toBe("E-2024-02");
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2024, 8, 19)));
    expect(row.getCell(10).value).toContain("Víctor Manuel Aguilar Barreda");
    expect(row.getCell(13).value).toBe("The Rio Times (19 Sept. 2024)");
  });

  it("the Matrix sheet holds the trailing and period matrices", () => {
    const sheet = workbook.getWorksheet("Matrix")!;
    expect(sheet.getCell("A1").value).toBe("Partners × topics, trailing 52 weeks (Feb 19, 2024 – Feb 16, 2025)");
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    const cyber = header.indexOf("Cybersecurity") + 1;
    expect(sheet.getRow(4).getCell(1).value).toBe("United States");
    expect(sheet.getRow(4).getCell(cyber).result).toBe(2);
    expect(sheet.getRow(4).getCell(header.length).result).toBe(22);
    expect(sheet.getRow(6).getCell(header.length).result).toBe(25);
    expect(sheet.getRow(8).getCell(1).value).toBe("Partners × topics, this period (Feb 10, 2025 – Feb 16, 2025)");
  });

  it("the packet shows the cover, the period's engagement and the matrix on pages with marking and numbers", () => {
    const pages = pdfText(result.files[1]!.bytes);
    const all = pages.join("\n");
    expect(all).toContain("Peru defense partnerships");
    expect(all).toContain("Weekly briefing 2025-W07");
    expect(all).toContain("U.S.–Peru strategic staff talks");
    expect(all).toContain("Lima, Perú");
    expect(all).toContain("Partners and topics, last 52 weeks");
    expect(all).toContain("Civil-Military Emergency");
    pages.forEach((page, index) => {
      expect(page).toContain("UNCLASSIFIED // FOR OFFICIAL USE ONLY");
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it("embeds every font", () => {
    const fonts = execFileSync("pdffonts", ["-"], { input: result.files[1]!.bytes }).toString();
    const rows = fonts.split("\n").slice(2).filter((line) => line.trim() !== "");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it("writes both files and nothing else", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-out-"));
    await writeFile(join(dir, "briefing-2025-W07.pdf"), "old");
    const paths = await writeReports({ dir, files: result.files });
    expect(paths).toEqual([join(dir, "briefing-2025-W07.xlsx"), join(dir, "briefing-2025-W07.pdf")]);
    expect((await readdir(dir)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
  });
});

describe("building from inputs read once", () => {
  it("inputs loaded beforehand ⇒ the same files as reading the folder, and the folder is not read again", async () => {
    const period = weekPeriod("2025-W07");
    const options = { templates: "templates", config, period, asOf: period.to, formats: ["xlsx", "pdf"] as const };
    const fromFolder = await buildReports({ ...options, formats: [...options.formats], inputs: "inputs" });
    const loaded = await loadBuildInputs(await loadSettings({ config, inputs: "inputs" }));
    const fromLoaded = await buildReports({ ...options, formats: [...options.formats], inputs: "no-such-folder", loaded });
    expect(fromLoaded.files).toEqual(fromFolder.files);
    expect(fromLoaded.issues).toEqual(fromFolder.issues);
  });
});
