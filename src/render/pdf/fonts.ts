import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The faces the packet uses, all Noto Sans (Latin, Greek, Cyrillic, Vietnamese). */
export type Face = "regular" | "bold" | "italic" | "boldItalic";

/**
 * Which files of the faces: `full` (fonts/full/, as Google Fonts ships them), or `core`,
 * the same faces cut down to CORE_RANGES (fonts/, made by
 * scripts/subset-fonts.sh). The core faces draw the same glyphs at the same
 * places, and load and lay text out several times faster.
 */
export type FontSet = "core" | "full";

const FILES: Record<Face, string> = {
  regular: "NotoSans_400Regular.ttf",
  bold: "NotoSans_700Bold.ttf",
  italic: "NotoSans_400Regular_Italic.ttf",
  boldItalic: "NotoSans_700Bold_Italic.ttf",
};

/**
 * The code points the core faces keep, first and last of each range: Latin
 * letters of Western and Central European languages, punctuation, typographic
 * quotes and dashes, a few symbols. Keep in step with scripts/subset-fonts.sh.
 */
export const CORE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x007e], [0x00a0, 0x017f], [0x0218, 0x021b], [0x02c6, 0x02c7], [0x02d8, 0x02dd], [0x2010, 0x2027],
  [0x2030, 0x203a], [0x2044, 0x2044], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2212, 0x2212], [0xfffd, 0xfffd],
];

// Two folders up from src/render/pdf/ or dist/render/pdf/: the package root.
const FONTS_DIR = fileURLToPath(new URL("../../../fonts/", import.meta.url));

/** Paths of the TrueType files of each face: the full ones unless `core` is asked for. */
export function fontPaths(set: FontSet = "full"): Record<Face, string> {
  const dir = set === "core" ? FONTS_DIR : join(FONTS_DIR, "full");
  return Object.fromEntries(Object.entries(FILES).map(([face, file]) => [face, join(dir, file)])) as Record<Face, string>;
}

/** The core faces when they have a glyph for every character of the texts, else the full ones. */
export function chooseFontSet(texts: Iterable<string>): FontSet {
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // The common case first: plain ASCII needs no range search.
      if (code <= 0x7e) continue;
      if (!inCore(text.codePointAt(i)!)) return "full";
    }
  }
  return "core";
}

function inCore(code: number): boolean {
  return CORE_RANGES.some(([first, last]) => code >= first && code <= last);
}

export function faceOf(style: { bold?: boolean; italic?: boolean }): Face {
  if (style.bold && style.italic) return "boldItalic";
  if (style.bold) return "bold";
  if (style.italic) return "italic";
  return "regular";
}
