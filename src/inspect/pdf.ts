import { BriefkitError } from "../errors.js";
import { describeBookmarks, describeDest, describeLinks, type PageLink } from "./pdf-navigation.js";
import { openPdfDocument, type Annotation, type PdfDocument, type TextItem } from "./pdf-reader.js";
import { arrangeLines, type PlacedText } from "./text-lines.js";

/**
 * The PDF as plain text, for people and snapshot tests: its properties, its
 * bookmarks with the pages they open, its links with the text they sit on,
 * then the text of each page in reading order under its page number.
 * The text depends only on the file's contents.
 */
export async function inspectPdf(bytes: Uint8Array, options: { name?: string } = {}): Promise<string> {
  const doc = await openPdf(bytes, options.name ?? "the file");
  try {
    const pages: Array<{ lines: string[]; links: PageLink[] }> = [];
    for (let number = 1; number <= doc.numPages; number++) pages.push(await readPage(doc, number));
    const lines = [
      "PDF",
      ...(await describeProperties(doc)),
      `pages: ${doc.numPages}`,
      "",
      "Bookmarks",
      ...(await describeBookmarks(doc)),
      "",
      "Links",
      ...describeLinks(pages.flatMap((page) => page.links)),
    ];
    pages.forEach((page, index) => lines.push("", `== Page ${index + 1} of ${pages.length} ==`, ...page.lines));
    return `${lines.join("\n")}\n`;
  } finally {
    await doc.destroy();
  }
}

async function openPdf(bytes: Uint8Array, name: string): Promise<PdfDocument> {
  try {
    // A copy, because the reader may take over the buffer it is given.
    return await openPdfDocument(new Uint8Array(bytes));
  } catch (error) {
    throw new BriefkitError({ code: "invalid_input", message: `${name} is not a PDF that can be read`, cause: error });
  }
}

async function readPage(doc: PdfDocument, number: number): Promise<{ lines: string[]; links: PageLink[] }> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  const runs = content.items.filter((item): item is TextItem => "str" in item).map(placeRun);
  const links: PageLink[] = [];
  for (const annotation of (await page.getAnnotations()) as Annotation[]) {
    if (annotation.subtype !== "Link") continue;
    const url = annotation.url ?? annotation.unsafeUrl;
    const target = url !== undefined ? `<${url}>` : await describeDest(doc, annotation.dest ?? null);
    links.push({ page: number, target, text: textInside(runs, annotation.rect) });
  }
  return { lines: arrangeLines(runs), links };
}

function placeRun(item: TextItem): PlacedText {
  const [a, b, , , x, y] = item.transform as number[];
  const rotated = Math.abs(b ?? 0) > Math.abs(a ?? 0);
  const size = Math.hypot(a ?? 0, b ?? 0);
  return { text: item.str, x: x ?? 0, y: y ?? 0, width: rotated ? 0 : item.width, size };
}

/** The text whose middle falls inside a link's rectangle. */
function textInside(runs: readonly PlacedText[], rect: readonly number[]): string {
  const [left = 0, bottom = 0, right = 0, top = 0] = rect;
  const inside = runs.filter((run) => {
    const middle = run.x + run.width / 2;
    const height = run.y + run.size * 0.3;
    return middle >= left && middle <= right && height >= bottom && height <= top;
  });
  return arrangeLines(inside).join(" ");
}

const PROPERTIES = [
  ["Title", "title"], ["Author", "author"], ["Subject", "subject"], ["Keywords", "keywords"],
  ["Language", "language"], ["CreationDate", "created"], ["ModDate", "modified"],
] as const;

async function describeProperties(doc: PdfDocument): Promise<string[]> {
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  const lines: string[] = [];
  for (const [key, label] of PROPERTIES) {
    const value = info[key];
    if (typeof value !== "string" || value === "") continue;
    lines.push(`${label}: ${key.endsWith("Date") ? formatPdfDate(value) : value}`);
  }
  return lines;
}

/** `D:20250216000000Z` ⇒ `2025-02-16T00:00:00Z`; anything else is shown as written. */
export function formatPdfDate(value: string): string {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?$/.exec(value);
  if (match === null) return value;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", zone = ""] = match;
  const offset = zone === "Z" || zone === "" ? "Z" : `${zone.slice(0, 3)}:${zone.replace(/'/g, "").slice(3, 5)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}
