import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { buildReports, type BuildReportsResult as BuildResult } from "../../src/build.js";
import { composeBriefing } from "../../src/compose/compose.js";
import { plainText, type Document } from "../../src/compose/document.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { DEFAULT_CONFIG, type Config } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { flattenOutlines, inspectPdf, type PdfReport } from "./pdf-tools.js";

const MARKING = "UNCLASSIFIED // FOR OFFICIAL USE ONLY";
const config: Config = { ...DEFAULT_CONFIG, title: "Peru defense partnerships", office: "Office of International Defense Affairs", author: "Office of International Defense Affairs", marking: MARKING, focus: "peru" };

async function generated(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "briefkit-gen-")), "inputs");
  await writeGeneratedInputs(dir, { engagements: 300, partners: 40, topics: 25, seed: 7 });
  return dir;
}

describe.each([
  ["the sample inputs", async () => "inputs"],
  ["300 generated engagements over 40 partners and 25 topics", generated],
])("the packet of %s", (_name, inputs) => {
  let result: BuildResult;
  let pdf: PdfReport;
  let packet: Document;

  beforeAll(async () => {
    const period = weekPeriod("2025-W07");
    result = await buildReports({ inputs: await inputs(), templates: "templates", config, period, asOf: period.to, formats: ["pdf"] });
    pdf = inspectPdf(result.files[0]!.bytes);
    packet = composeBriefing(result.briefing, await loadTemplates("templates")).packet;
  });

  it("qpdf --check finds nothing", () => {
    expect(pdf.check.status).toBe(0);
    expect(pdf.check.output).toContain("No syntax or stream encoding errors");
    expect(pdf.check.output).not.toMatch(/WARNING/i);
  });

  it("pdffonts shows every font embedded", () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const row of pdf.fonts) expect(row).toMatch(/NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it("is tagged, with title, author, subject and language", () => {
    expect(pdf.info["Tagged"]).toBe("yes");
    expect(pdf.info["Title"]).toBe("Peru defense partnerships — 2025-W07");
    expect(pdf.info["Author"]).toBe("Office of International Defense Affairs");
    expect(pdf.info["Subject"]).toBe("Defense engagements, Feb 10, 2025 – Feb 16, 2025");
    expect(pdf.catalog["/Lang"]).toBe("u:en-US");
    expect(pdf.catalog["/StructTreeRoot"]).toBeDefined();
  });

  it("has a structure tree: headings, paragraphs, lists, tables with header cells, heat maps as captioned tables, figures with alternative text, contents, links", () => {
    for (const type of ["Document", "H1", "H2", "P", "L", "LI", "LBody", "Table", "TR", "TH", "TD", "Caption", "THead", "TBody", "TFoot", "Figure", "TOC", "TOCI", "Reference", "Link"]) {
      expect(pdf.structure[type], type).toBeGreaterThan(0);
    }
    expect(pdf.structure["Document"]).toBe(1);
    // The heat maps are tables now: every figure left is a partner's profile.
    expect(pdf.figureAlts.every((alt) => alt.startsWith("Engagements per topic in the last 52 weeks, "))).toBe(true);
    expect(pdf.flow.join("\n")).toContain("Engagements per partner (rows) and topic (columns), last 52 weeks, with totals");
    expect(pdf.figureAlts.some((alt) => alt.startsWith("Engagements per topic in the last 52 weeks, United States:"))).toBe(true);
  });

  it("every page holds the marking at the top and bottom, and Page X of Y", () => {
    expect(pdf.pages.length).toBe(Number(pdf.info["Pages"]));
    pdf.pages.forEach((page, index) => {
      expect(pdf.top[index]!.trim(), `page ${index + 1}`).toBe(MARKING);
      expect(pdf.bottom[index]!.trim().split(/\s{2,}/), `page ${index + 1}`).toEqual([MARKING, `Page ${index + 1} of ${pdf.pages.length}`]);
      expect(page).toContain(`Page ${index + 1} of ${pdf.pages.length}`);
    });
  });

  it("the cover has the title, period, data date, marking and office", () => {
    const cover = pdf.pages[0]!;
    for (const text of ["Peru defense partnerships", "Weekly briefing 2025-W07", "Feb 10, 2025 – Feb 16, 2025", "Data as of Feb 16, 2025", "Office of International Defense Affairs"]) {
      expect(cover).toContain(text);
    }
  });

  it("the bookmarks list every section, and every partner under its section", () => {
    const sections = packet.blocks.flatMap((b) => (b.type === "heading" && b.level === 1 ? [plainText(b.content)] : []));
    const titles = pdf.outlines.map((o) => o.title);
    expect(titles).toEqual(["Peru defense partnerships", ...sections]);
    const partners = pdf.outlines.find((o) => o.title === "Partners")!.kids.map((k) => k.title);
    expect(partners).toEqual(result.briefing.partners.filter((p) => p.id !== "peru").map((p) => p.name));
  });

  it("the table of contents gives the page each bookmark goes to, and that page shows the heading", () => {
    const contents = pdf.pages.slice(1, 4).join("\n");
    const listed = flattenOutlines(pdf.outlines).filter((o) => o.title !== "Peru defense partnerships" && o.title !== "Contents");
    expect(listed.length).toBeGreaterThan(5);
    for (const entry of listed) {
      const line = contents.split("\n").find((l) => l.trim().startsWith(`${entry.title} .`));
      expect(line, entry.title).toBeDefined();
      expect(Number(/(\d+)\s*$/.exec(line!)?.[1]), entry.title).toBe(entry.page);
      expect(pdf.pages[entry.page - 1]!.replace(/\s+/g, " ")).toContain(entry.title.replace(/\s+/g, " "));
    }
  });

  it("the source links are link annotations to the sources of what the packet lists; a capped Sources table points to the workbook", async () => {
    const { briefing } = result;
    // How many rows each list shows is a setting of the template: `(first LIST N)`.
    const template = await readFile("templates/packet.md.hbs", "utf8");
    const setting = (list: string) => Number(new RegExp(`\\(first ${list} (\\d+)\\)`).exec(template)![1]);
    const inWindow = briefing.engagements.filter((e) => e.startDate >= briefing.window.from && e.startDate <= briefing.window.to);
    const newest = [...inWindow].reverse().slice(0, setting("windowNewest"));
    const linked = [...newest, ...briefing.upcoming.slice(0, setting("upcoming")), ...briefing.periodEngagements.slice(0, setting("periodEngagements"))];
    const expected = new Set(linked.flatMap((e) => (e.sourceUrl ? [e.sourceUrl] : [])));
    const note = `… and ${inWindow.length - newest.length} more rows: see the workbook.`;
    if (inWindow.length > newest.length) expect(pdf.flow.join("\n")).toContain(note);
    expect(new Set(pdf.uriLinks)).toEqual(expected);
    expect(pdf.linkAnnotations).toBeGreaterThanOrEqual(pdf.uriLinks.length);
  });

  it("the heat map has a legend, and flags the cells this period added to", () => {
    const text = pdf.flow.join("\n");
    expect(text).toContain("Engagements per cell");
    expect(text).toContain("added this period");
  });

  it("each partner section shows its topic profile and engagements", () => {
    const text = pdf.flow.join("\n").replace(/\s+/g, " ");
    for (const partner of result.briefing.partners.filter((p) => p.id !== "peru")) {
      expect(text).toMatch(new RegExp(`${partner.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s.{0,40}\\d+ engagements? in the last 52 weeks`));
    }
  });
});

describe("the packet is deterministic", () => {
  it("the same inputs and as-of date ⇒ the same bytes", async () => {
    const period = weekPeriod("2025-W07");
    const build = async () => (await buildReports({ inputs: "inputs", templates: "templates", config, period, asOf: period.to, formats: ["pdf"] })).files[0]!.bytes;
    expect(Buffer.from(await build()).equals(Buffer.from(await build()))).toBe(true);
  });
});

describe("the template decides the sections", () => {
  it("renaming and reordering sections in packet.md.hbs changes the packet's contents and bookmarks", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-templates-"));
    await cp("templates", dir, { recursive: true });
    const path = join(dir, "packet.md.hbs");
    const source = await readFile(path, "utf8");
    const roadmap = source.slice(source.indexOf("# Roadmap"), source.indexOf("# Sources"));
    await writeFile(path, source.replace(roadmap, "").replace("# Key points", `${roadmap}\n# Puntos clave`).replace("::: toc 2", "::: toc 1"));
    const period = weekPeriod("2025-W07");
    const result = await buildReports({ inputs: "inputs", templates: dir, config, period, asOf: period.to, formats: ["pdf"] });
    const pdf = inspectPdf(result.files[0]!.bytes);
    expect(pdf.outlines.map((o) => o.title).slice(1, 4)).toEqual(["Contents", "Roadmap", "Puntos clave"]);
    expect(pdf.pages[1]).toMatch(/Roadmap[ .]+3\s/);
    expect(pdf.pages[1]).not.toContain("United States .");
  });
});

describe("the generated packet", () => {
  it("keeps accents, en dashes and curly quotes as text", async () => {
    const period = weekPeriod("2025-W07");
    const result = await buildReports({ inputs: await generated(), templates: "templates", config, period, asOf: period.to, formats: ["pdf"] });
    const text = inspectPdf(result.files[0]!.bytes).pages.join("\n");
    for (const sample of ["Perú", "República Dominicana", "Việt Nam", "“next steps”", "2025–2026", "Česko", "Türkiye"]) expect(text).toContain(sample);
  });
});

describe("a heading too long for a contents line", () => {
  it("⇒ its entry ends in an ellipsis on one line, and the next entry keeps its own line", async () => {
    const templates = join(await mkdtemp(join(tmpdir(), "briefkit-toc-")), "templates");
    await cp("templates", templates, { recursive: true });
    const path = join(templates, "packet.md.hbs");
    const long = "Working session: narcotics trafficking with the European Union, the Organization of American States and the Inter-American Defense Board";
    await writeFile(path, (await readFile(path, "utf8")).replace("# Key points", `# ${long}\n\n# Key points`));
    const period = weekPeriod("2025-W07");
    const result = await buildReports({ inputs: "inputs", templates, config, period, asOf: period.to, formats: ["pdf"] });
    const lines = inspectPdf(result.files[0]!.bytes).pages[1]!.split("\n").map((line) => line.trim());
    const entry = lines.find((line) => line.startsWith("Working session: narcotics trafficking"));
    expect(entry).toMatch(/…\s.*\d+$/);
    expect(lines.some((line) => /^Key points \..*\d+$/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes("Defense Board"))).toBe(false);
  });
});
