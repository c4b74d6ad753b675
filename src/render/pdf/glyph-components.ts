import type { Doc } from "./layout.js";

interface Subset {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): unknown;
}

interface EmbeddedFont {
  subset: Subset;
  widths: Array<number | undefined>;
  scale: number;
  font: { getGlyph(id: number): { advanceWidth: number } };
}

/**
 * Makes the CIDSet of each embedded font list every glyph of its font
 * program (PDF/A-1, ISO 19005-1 6.3.5).
 *
 * pdfkit builds the CIDSet from the glyphs the text used. A composite glyph
 * ("ú") brings its components (the acute accent) into the subset too, when
 * fontkit encodes it, and those were missing. Encoding each subset once
 * ahead includes the components (encoding again when the font is embedded
 * gives the same program); they are then given their widths, from which
 * pdfkit's CIDSet and widths array are written. Call just before
 * `doc.end()`. Fonts not held as expected are left alone.
 */
export function includeGlyphComponents(doc: Doc): number {
  const families = (doc as { _fontFamilies?: Record<string, unknown> })._fontFamilies ?? {};
  let added = 0;
  for (const font of Object.values(families)) {
    if (!isEmbeddedFont(font)) continue;
    font.subset.encode();
    font.subset.glyphs.forEach((id, cid) => {
      if (font.widths[cid] !== undefined) return;
      font.widths[cid] = font.font.getGlyph(id).advanceWidth * font.scale;
      added++;
    });
  }
  return added;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  const font = value as Partial<EmbeddedFont> | null;
  return (
    typeof font?.subset?.encode === "function" && Array.isArray(font.subset.glyphs) && Array.isArray(font.widths) &&
    typeof font.scale === "number" && typeof font.font?.getGlyph === "function"
  );
}
