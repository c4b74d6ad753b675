import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, buildReports, loadBuildInputs, loadSettings, type BuildEvent, type BuildReportsResult as BuildResult } from "../src/build.js";
import { DEFAULT_CONFIG, type Config } from "../src/config.js";
import { BriefkitError } from "../src/errors.js";
import { weekContaining, weekPeriod } from "../src/model/period.js";
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

describe("build: settings, inputs read once, every period written", () => {
  const W07 = { period: weekPeriod("2025-W07") };

  it("a config in another folder ⇒ the inputs, templates and reports folders beside it", async () => {
    const root = await mkdtemp(join(tmpdir(), "briefkit-build-"));
    const lima = join(root, "lima");
    await mkdir(lima);
    await cp("inputs", join(lima, "inputs"), { recursive: true });
    await cp("templates", join(lima, "templates"), { recursive: true });
    const packet = join(lima, "templates/packet.md.hbs");
    await writeFile(packet, `${await readFile(packet, "utf8")}\nThe Lima office's own closing line.\n`);
    await writeFile(join(lima, "briefkit.config.json"), JSON.stringify({ title: "Lima briefing", formats: ["pdf"] }));
    const outcome = await build({ cwd: root, config: "lima/briefkit.config.json", periods: [W07] });
    expect(outcome.settings).toMatchObject({ configPath: "lima/briefkit.config.json", inputs: "lima/inputs", templates: "lima/templates", out: "lima/reports", formats: ["pdf"] });
    expect(outcome.reports.map((r) => r.files)).toEqual([["lima/reports/briefing-2025-W07.pdf"]]);
    const text = pdfText(await readFile(join(lima, "reports/briefing-2025-W07.pdf"))).join("\n");
    expect(text).toContain("Lima briefing");
    expect(text).toContain("The Lima office's own closing line.");
  });

  it("nothing but an inputs folder ⇒ the defaults: the week containing today, both formats, into reports/", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-build-"));
    await cp("inputs", join(dir, "inputs"), { recursive: true });
    // 2025-02-12T12:00:00Z, a Wednesday of 2025-W07.
    const outcome = await build({ cwd: dir, env: { SOURCE_DATE_EPOCH: "1739361600" } });
    expect(outcome.reports.map(({ period, asOf, files }) => [period.label, asOf, files])).toEqual([
      ["2025-W07", "2025-02-12", ["reports/briefing-2025-W07.xlsx", "reports/briefing-2025-W07.pdf"]],
    ]);
    expect((await readdir(join(dir, "reports"))).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
  });

  it("periods as a function of today ⇒ today in the config's time zone; the inputs read once for all of them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-build-"));
    await cp("inputs", join(dir, "inputs"), { recursive: true });
    await writeFile(join(dir, "briefkit.config.json"), JSON.stringify({ timeZone: "America/Lima", formats: ["xlsx"] }));
    const events: BuildEvent["type"][] = [];
    let today = "";
    // Monday 2025-02-17 at 03:00 UTC is still Sunday the 16th in Lima.
    const outcome = await build({
      cwd: dir,
      now: new Date("2025-02-17T03:00:00Z"),
      env: {},
      periods: (day) => {
        today = day;
        return [{ period: weekContaining(day) }, { period: weekPeriod("2025-W06"), asOf: "2025-02-16" }];
      },
      onEvent: (event) => void (event.type === "progress" || events.push(event.type)),
    });
    expect(today).toBe("2025-02-16");
    expect(outcome.reports.map((r) => `${r.period.label}@${r.asOf}`)).toEqual(["2025-W07@2025-02-16", "2025-W06@2025-02-16"]);
    expect(events).toEqual(["settings", "reading", "read", "period", "writing", "written", "period", "writing", "written"]);
  });

  it.each([
    ["invalid inputs", async (dir: string) => {
      await writeFile(join(dir, "inputs/partners.csv"), "id,name\n");
      return {};
    }, { code: "invalid_input", option: "allowInvalid", message: expect.stringContaining("Fix them, or set allowInvalid to build without the rows that have errors") }],
    ["no inputs folder", async () => ({ inputs: "nowhere" }), { code: "usage", option: "inputs", message: "inputs folder nowhere: no such folder" }],
    ["a templates folder that is a file", async () => ({ templates: "inputs/partners.csv" }), { code: "usage", option: "templates", message: "templates folder inputs/partners.csv: this is a file; give the folder that holds it" }],
  ])("%s ⇒ a BriefkitError naming the option, not a flag; nothing written", async (_, setup, expected) => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-build-"));
    await cp("inputs", join(dir, "inputs"), { recursive: true });
    const error = await build({ cwd: dir, periods: [W07], ...(await setup(dir)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect(error).toMatchObject(expected);
    expect((error as Error).message).not.toMatch(/--/);
    expect(existsSync(join(dir, "reports"))).toBe(false);
  });

  it("aborted while the inputs are read ⇒ the signal's reason at once, not after the read", async () => {
    const controller = new AbortController();
    const stop = new Error("stopped");
    const events: string[] = [];
    const building = build({ config: null, periods: [W07], signal: controller.signal, onEvent: (event) => {
      events.push(event.type);
      if (event.type === "reading") controller.abort(stop);
    } });
    await expect(building).rejects.toBe(stop);
    expect(events).toEqual(["settings", "reading"]);
  });

  it("aborted once the first period is under way ⇒ the signal's reason, and nothing written", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-build-"));
    await cp("inputs", join(dir, "inputs"), { recursive: true });
    const controller = new AbortController();
    const stop = new Error("stopped");
    const building = build({ cwd: dir, periods: [W07], signal: controller.signal, onEvent: (event) => event.type === "period" && controller.abort(stop) });
    await expect(building).rejects.toBe(stop);
    expect(existsSync(join(dir, "reports"))).toBe(false);
  });
});

describe("buildReports with only what it needs", () => {
  it("a locale and no templates folder ⇒ the built-in templates of that locale", async () => {
    const { files } = await buildReports({ inputs: "inputs", config: { ...DEFAULT_CONFIG, locale: "es-PE" }, period: weekPeriod("2025-W07"), formats: ["xlsx"] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files[0]!.bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.name).toBe("Acerca de");
  });

  it("no config, formats or as-of date ⇒ the defaults: both formats, as of the period's last day", async () => {
    const { files, briefing } = await buildReports({ inputs: "inputs", period: weekPeriod("2025-W07") });
    expect(files.map((f) => f.name)).toEqual(["briefing-2025-W07.xlsx", "briefing-2025-W07.pdf"]);
    expect(briefing.asOf).toBe("2025-02-16");
  });
});
