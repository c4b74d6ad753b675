import PDFDocument from "pdfkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildReports } from "../../src/build.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { inspectPdf } from "./pdf-tools.js";

interface Drawn {
  width: number;
  height: number;
  x: number;
  fill?: string;
}

/** Builds the sample week's packet and records every rectangle it draws, with the colour it is filled with. */
async function drawSamplePacket(): Promise<{ rects: Drawn[]; flow: string }> {
  const rects: Drawn[] = [];
  const proto = PDFDocument.prototype as unknown as { rect: (...a: number[]) => unknown; fill: (color?: unknown) => unknown };
  const rect = proto.rect;
  const fill = proto.fill;
  vi.spyOn(proto, "rect").mockImplementation(function (this: unknown, x: number, y: number, width: number, height: number) {
    rects.push({ x, width, height });
    return rect.call(this, x, y, width, height);
  });
  vi.spyOn(proto, "fill").mockImplementation(function (this: unknown, color?: unknown) {
    const last = rects.at(-1);
    if (last !== undefined && last.fill === undefined && typeof color === "string") last.fill = color;
    return fill.call(this, color);
  });
  const period = weekPeriod("2025-W07");
  const result = await buildReports({ inputs: "inputs", templates: "templates", config: { ...DEFAULT_CONFIG, focus: "peru" }, period, asOf: period.to, formats: ["pdf"] });
  vi.restoreAllMocks();
  return { rects, flow: inspectPdf(result.files[0]!.bytes).flow.join("\n") };
}

afterEach(() => vi.restoreAllMocks());

describe("one scale for every chart and map of the packet", () => {
  it("partners' bars: one length and colour per count, starting at one place, France's 1 half the United States' 2", async () => {
    const { rects } = await drawSamplePacket();
    // The bars are the rectangles 9 points high; in the sample the United States' top topics count 2, France's 1.
    const bars = rects.filter((r) => r.height === 9);
    expect(bars.length).toBe(8);
    expect(new Set(bars.map((b) => b.x)).size).toBe(1);
    const byLength = [...new Set(bars.map((b) => b.width))].sort((a, b) => a - b);
    expect(byLength).toHaveLength(2);
    expect(byLength[1]! / byLength[0]!).toBeCloseTo(2, 5);
    expect(new Set(bars.filter((b) => b.width === byLength[0]).map((b) => b.fill)).size).toBe(1);
  });

  it("both heat maps: the same legend, though the period's largest cell (1) is below the window's (2)", async () => {
    const { flow } = await drawSamplePacket();
    const legends = flow.split("\n").filter((line) => line.startsWith("Engagements per cell"));
    expect(legends).toHaveLength(2);
    // With a scale per map the period's legend would stop at 1.
    const swatches = (text: string) => text.replace(/added this period/, "").replace(/\s+/g, " ").trim();
    expect(swatches(legends[1]!)).toBe(swatches(legends[0]!));
  });

  it("both heat maps: a count of 1 has one shade in both", async () => {
    const { rects } = await drawSamplePacket();
    const swatch = (r: Drawn) => r.width === 16 && r.height === 11;
    // Each legend's swatches follow its map's cells; a map's first shaded swatch after white is the shade of 1.
    // The window's legend ends with the swatch of the corner mark (orange), which is no shade.
    const legendShades = rects.filter((r) => swatch(r) && r.fill !== undefined && r.fill !== "#e07b00").map((r) => r.fill);
    expect(legendShades).toHaveLength(6);
    expect(legendShades.slice(0, 3)).toEqual(legendShades.slice(3));
  });
});
