import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { DEFAULT_CONFIG, parseConfig, type Config } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { runBriefkit } from "../helpers.js";
import { inspectPdf } from "./pdf-tools.js";

const period = weekPeriod("2025-W07");
const build = async (options: { config?: Partial<Config>; pdfa?: Config["pdfa"] }) => {
  const { files } = await buildReports({
    inputs: "inputs", templates: "templates", config: { ...DEFAULT_CONFIG, ...options.config }, period, asOf: period.to, formats: ["pdf"],
    ...(options.pdfa !== undefined ? { pdfa: options.pdfa } : {}),
  });
  return inspectPdf(files[0]!.bytes);
};

describe("PDF/A", () => {
  it.each([
    [{ pdfa: "PDF/A-1b" as const }, "1", "1.4"],
    [{ pdfa: "PDF/A-2b" as const }, "2", "1.7"],
    [{ config: { pdfa: "PDF/A-3b" as const } }, "3", "1.7"],
    [{ config: { pdfa: "PDF/A-3b" as const }, pdfa: "PDF/A-2b" as const }, "2", "1.7"],
  ])("%j ⇒ PDF/A part %s, PDF %s, still tagged and clean", async (options, part, version) => {
    const pdf = await build(options);
    expect(pdf.xmp).toContain(`<pdfaid:part>${part}</pdfaid:part>`);
    expect(pdf.xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(pdf.catalog["/OutputIntents"]).toBeDefined();
    expect(pdf.info["PDF version"]).toBe(version);
    expect(pdf.info["Tagged"]).toBe("yes");
    expect(pdf.check.status).toBe(0);
    for (const row of pdf.fonts) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes/);
  });

  it("a plain packet claims no PDF/A part", async () => {
    const pdf = await build({});
    expect(pdf.xmp).not.toContain("pdfaid");
    expect(pdf.catalog["/OutputIntents"]).toBeUndefined();
  });

  it.each([
    [{ pdfa: "PDF/A-2b" }, "PDF/A-2b"],
    [{ pdfa: null }, null],
    [{}, null],
  ])("config %j ⇒ pdfa %j", (json, expected) => {
    expect(parseConfig(json, "briefkit.config.json").pdfa).toBe(expected);
  });

  it("an unknown PDF/A level in the config is refused", () => {
    expect(() => parseConfig({ pdfa: "PDF/A-4" }, "briefkit.config.json")).toThrow(/briefkit\.config\.json: pdfa/);
  });
});

describe("briefkit build --pdfa", () => {
  const run = (args: string[]) => runBriefkit(["build", "--week", "2025-W07", "--format", "pdf", ...args]);

  it("--pdfa PDF/A-2b ⇒ a PDF/A-2b packet", async () => {
    const out = await mkdtemp(join(tmpdir(), "briefkit-pdfa-"));
    const result = await run(["--out", out, "--pdfa", "PDF/A-2b"]);
    expect(result.code).toBe(0);
    const pdf = inspectPdf(readFileSync(join(out, "briefing-2025-W07.pdf")));
    expect(pdf.xmp).toContain("<pdfaid:part>2</pdfaid:part>");
  });

  it("--pdfa PDF/A-9 ⇒ exit 2 naming the allowed levels", async () => {
    const result = await run(["--out", tmpdir(), "--pdfa", "PDF/A-9"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Allowed choices are PDF/A-1b, PDF/A-2b, PDF/A-3b");
  });
});
