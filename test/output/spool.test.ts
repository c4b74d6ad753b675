import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { buildReports } from "../../src/build.js";
import type { BuildProgress } from "../../src/progress.js";
import { composeBriefing } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { spoolWorkbook } from "../../src/output/spool.js";
import { repackZip, repackZipFile } from "../../src/output/zip.js";
import { renderWorkbook, renderWorkbookFile } from "../../src/render/xlsx/workbook.js";
import { PERIOD, config } from "../render/xlsx-helpers.js";

const text = (s: string) => new TextEncoder().encode(s);

async function repackBothWays(zip: Uint8Array) {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-zip-"));
  await writeFile(join(dir, "in.zip"), zip);
  await repackZipFile(join(dir, "in.zip"), join(dir, "out.zip"), { date: "2025-02-16" });
  return { memory: repackZip(zip, { date: "2025-02-16" }), file: new Uint8Array(readFileSync(join(dir, "out.zip"))) };
}

describe("repackZipFile", () => {
  it.each([
    ["folders, stored and compressed entries out of order", zipSync({ "xl/": {}, "xl/b.xml": [text("b".repeat(500)), { level: 0 }], "[Content_Types].xml": text("t"), "a.xml": [text("a"), { level: 9 }] })],
    // Random bytes do not compress: the entry is copied in more than one part.
    ["an entry of 3 MB", zipSync({ "big.bin": [new Uint8Array(randomBytes(3 << 20)), { level: 1 }], "small.xml": text("s") })],
  ])("%s ⇒ the same bytes as repackZip", async (_, zip) => {
    const { memory, file } = await repackBothWays(zip);
    expect(Buffer.compare(file, memory)).toBe(0);
  });

  it("a sheet of more than 8 MB ⇒ fixed as it streams through, the same bytes as repackZip, the workbook part last", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="str"><v>Engagement ${i} in Perú, with a title long enough to fill the sheet</v></c><c r="B${i + 2}"><v>${i}</v></c></row>`);
    const sheet = `<worksheet><sheetData>${rows.join("")}</sheetData><autoFilter ref="A1:B60001"/></worksheet>`;
    expect(sheet.length).toBeGreaterThan(8 << 20);
    const zip = zipSync({
      "xl/workbook.xml": text('<workbook><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets><calcPr/></workbook>'),
      "xl/_rels/workbook.xml.rels": text('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": [text(sheet), { level: 1 }],
      "[Content_Types].xml": text("t"),
    });
    const { memory, file } = await repackBothWays(zip);
    expect(Buffer.compare(file, memory)).toBe(0);
    const files = unzipSync(file);
    expect(Object.keys(files)).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/workbook.xml"]);
    const fixed = new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]);
    expect(fixed).toBe(sheet.replace(/ t="str"><v>([^<]*)<\/v>/g, ' t="inlineStr"><is><t>$1</t></is>'));
    expect(new TextDecoder().decode(files["xl/workbook.xml"])).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'Big\'!$A$1:$B$60001</definedName>');
  });

  it("a file that is not a zip ⇒ says so", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-zip-"));
    await writeFile(join(dir, "in.zip"), "not a workbook");
    await expect(repackZipFile(join(dir, "in.zip"), join(dir, "out.zip"), { date: "2025-02-16" })).rejects.toThrow(/not a zip file/);
  });
});

describe("spoolWorkbook", () => {
  it.each([
    ["streamed", 0],
    ["made in memory", Number.MAX_SAFE_INTEGER],
  ])("a workbook %s into a file ⇒ the same bytes as rendered in memory and re-packed, no scratch file left", async (_, streamAbove) => {
    const { briefing } = await buildReports({ inputs: "inputs", templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [] });
    const spec = composeBriefing(briefing, await loadTemplates("templates")).workbook;
    const report = await spoolWorkbook({ name: "briefing.xlsx", asOf: PERIOD.to, render: (path) => renderWorkbookFile({ briefing, spec, streamAbove, path }) });
    const expected = repackZip(await renderWorkbook({ briefing, spec, streamAbove }), { date: PERIOD.to });
    expect(Buffer.compare(report.bytes, expected)).toBe(0);
    expect(readFileSync(report.path).length).toBe(expected.length);
    expect(existsSync(report.scratch("rendered.xlsx"))).toBe(false);
  });

  it("dispose ⇒ the temporary folder is gone", async () => {
    const report = await spoolWorkbook({ name: "b.xlsx", asOf: "2025-02-16", render: async (path) => writeFileSync(path, zipSync({ "a.xml": new Uint8Array([1]) })) });
    expect(report.path).toMatch(/briefkit-report-/);
    expect(existsSync(report.path)).toBe(true);
    report.dispose();
    expect(existsSync(dirname(report.path))).toBe(false);
  });

  it("a render that fails ⇒ its error, and no temporary folder left", async () => {
    let folder = "";
    const failing = spoolWorkbook({
      name: "b.xlsx",
      asOf: "2025-02-16",
      render: async (path) => {
        folder = dirname(path);
        writeFileSync(path, "half a workbook");
        throw new Error("stopped");
      },
    });
    await expect(failing).rejects.toThrow("stopped");
    expect(folder).toMatch(/briefkit-report-/);
    expect(existsSync(folder)).toBe(false);
  });
});

describe("buildReports on a big archive", () => {
  it("more engagements than the workbook holds in memory ⇒ the workbook is spooled to a file, a workbook all the same, removed by dispose", async () => {
    const inputs = await mkdtemp(join(tmpdir(), "briefkit-spool-"));
    await writeGeneratedInputs(inputs, { engagements: 5_001, partners: 10, topics: 8, seed: 5 });
    const told: BuildProgress[] = [];
    const result = await buildReports({ inputs, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: ["xlsx", "pdf"], onProgress: (p) => told.push(p) });
    const { files } = result;
    expect(files[0]!.path).toMatch(/briefkit-report-.*briefing-2025-W07\.xlsx$/);
    expect(Buffer.from(files[0]!.bytes.subarray(0, 4)).toString("latin1")).toBe("PK\u0003\u0004");
    // Reading the engagements file, then the workbook's share of engagement rows written, every 32 rows, then the packet.
    const reading = told.findIndex((p) => p.step !== "reading");
    expect(told[reading - 1]).toEqual({ step: "reading", file: "engagements.csv", done: 1 });
    const rendering = told.slice(reading);
    const packet = rendering.findIndex((p) => p.step === "packet");
    const shares = rendering.slice(1, packet).map((p) => (p.step === "workbook" ? p.done : NaN));
    expect(rendering[0]).toEqual({ step: "workbook", done: null });
    expect(shares).toEqual(Array.from({ length: Math.floor(5_001 / 32) }, (_, i) => ((i + 1) * 32) / 5_001));
    // The packet's share of blocks drawn, now and then: rising, never past 1.
    expect(rendering[packet]).toEqual({ step: "packet", done: null });
    const drawn = rendering.slice(packet + 1).map((p) => (p.step === "packet" ? p.done : NaN));
    expect(drawn).toEqual([...drawn].sort((a, b) => a! - b!));
    expect(drawn.every((done) => done! > 0 && done! <= 1)).toBe(true);
    result.dispose();
    expect(existsSync(dirname(files[0]!.path!))).toBe(false);
  });
});
