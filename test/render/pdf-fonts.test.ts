import { readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { inspectPdf } from "./pdf-tools.js";
import { chooseFontSet, CORE_RANGES, fontPaths, type Face } from "../../src/render/pdf/fonts.js";

const FACES: Face[] = ["regular", "bold", "italic", "boldItalic"];

/** The fontkit font pdfkit opened for a file: its character set and layout. */
interface OpenFont {
  characterSet: number[];
  layout(text: string): { glyphs: Array<{ id: number; name: string }>; positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }> };
}

function openFont(path: string): OpenFont {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(path);
  return (doc as unknown as { _font: { font: OpenFont } })._font.font;
}

/** Every file under a folder, as text. */
function readAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"));
}

const inCore = (code: number) => CORE_RANGES.some(([first, last]) => code >= first && code <= last);

describe("chooseFontSet", () => {
  it.each([
    ["Plain ASCII, (1) [2] {3} ~", "core"],
    ["Reunión bilateral — «Perú» “cita” ‘otra’ … • × · €", "core"],
    ["Ñandú, Ångström, Œuvre, Łódź, Şırnak, Český, Göteborg, Dvořák", "core"],
    ["Министерство обороны", "full"],
    ["Ελλάδα", "full"],
    ["Hà Nội", "full"],
    ["emoji 🙂", "full"],
  ])("%s ⇒ %s", (text, set) => {
    expect(chooseFontSet(["plain", text])).toBe(set);
  });

  it("no text ⇒ core", () => {
    expect(chooseFontSet([])).toBe("core");
  });
});

describe("the core faces", () => {
  it.each(FACES)("%s ⇒ a glyph for every character of the full face within the core ranges, and nothing else", (face) => {
    const full = openFont(fontPaths("full")[face]).characterSet.filter((code) => inCore(code) && code !== 0xffff).sort((a, b) => a - b);
    const core = openFont(fontPaths("core")[face]).characterSet.filter((code) => code !== 0xffff).sort((a, b) => a - b);
    expect(core).toEqual(full);
  });

  it("the templates and the sample inputs ⇒ drawn with the core faces, each character with a glyph of its own", () => {
    const texts = [...readAll("templates"), ...readAll("inputs")];
    expect(chooseFontSet(texts)).toBe("core");
    const regular = new Set(openFont(fontPaths("core").regular).characterSet);
    const drawn = new Set([...texts.join("")].map((c) => c.codePointAt(0)!).filter((code) => code >= 0x20));
    const missing = [...drawn].filter((code) => !regular.has(code)).map((code) => String.fromCodePoint(code));
    expect(missing).toEqual([]);
    for (const needed of "áéíóúÁÉÍÓÚñÑüÜ¿¡“”‘’«»–—…•×·€") expect(regular.has(needed.codePointAt(0)!), needed).toBe(true);
  });

  it.each(FACES)("%s ⇒ the same glyphs at the same places as the full face: kerning, ligatures, accents", (face) => {
    const core = openFont(fontPaths("core")[face]);
    const full = openFont(fontPaths("full")[face]);
    const texts = ["AVATAR To Wa Ty Yo “Perú”", "office fluffy ffi ffl", "Reunión señalización Ñ ü ç Ç ő ž ș", "— 1/2 3⁄4 … ‰ ™ −5", "L’été « déjà » Œ æ ß"];
    for (const text of texts) {
      const a = core.layout(text);
      const b = full.layout(text);
      expect(a.glyphs.map((g) => g.name), text).toEqual(b.glyphs.map((g) => g.name));
      expect(a.positions, text).toEqual(b.positions);
    }
  });
});

describe("a packet with a name beyond the core faces", () => {
  it.each([["Перу"], ["Ελλάδα"], ["Việt Nam"]])("Perú renamed %s ⇒ the name is drawn, with the full faces", async (name) => {
    const inputs = join(await mkdtemp(join(tmpdir(), "briefkit-fonts-")), "inputs");
    await cp("inputs", inputs, { recursive: true });
    const partners = await readFile(join(inputs, "partners.csv"), "utf8");
    await writeFile(join(inputs, "partners.csv"), partners.replace("peru,Perú,", `peru,${name},`));
    const period = weekPeriod("2025-W07");
    const result = await buildReports({ inputs, templates: "templates", config: DEFAULT_CONFIG, period, asOf: period.to, formats: ["pdf"] });
    expect(inspectPdf(result.files[0]!.bytes).flow.join("\n")).toContain(name);
  });
});
