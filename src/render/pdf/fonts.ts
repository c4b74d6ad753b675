import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The faces the packet uses, all from the Noto Sans package (Latin, Greek, Cyrillic, Vietnamese). */
export type Face = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<Face, string> = {
  regular: "400Regular/NotoSans_400Regular.ttf",
  bold: "700Bold/NotoSans_700Bold.ttf",
  italic: "400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  boldItalic: "700Bold_Italic/NotoSans_700Bold_Italic.ttf",
};

/** Paths of the TrueType files of each face, resolved from the installed package. */
export function fontPaths(): Record<Face, string> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@expo-google-fonts/noto-sans/package.json"));
  return Object.fromEntries(Object.entries(FILES).map(([face, file]) => [face, join(root, file)])) as Record<Face, string>;
}

export function faceOf(style: { bold?: boolean; italic?: boolean }): Face {
  if (style.bold && style.italic) return "boldItalic";
  if (style.bold) return "bold";
  if (style.italic) return "italic";
  return "regular";
}
