import type ExcelJS from "exceljs";
import { toUtcDate } from "../../dates.js";

/** A cell value before it is written: dates are ISO strings, links carry their address. */
export type CellValue = string | number | null | { date: string } | { link: string; text: string };

/** The font of every styled cell; without a name LibreOffice falls back to a serif face. */
export const FONT = { name: "Calibri", size: 11 } as const;
export const LINK_FONT = { ...FONT, color: { argb: "FF0563C1" }, underline: true } as const;
export const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } } as const;
export const DATE_FORMAT = "yyyy-mm-dd";

/** Points per line of 11-point text. */
const LINE_HEIGHT = 14.5;
/** Excel's tallest row, in points; a taller text is cut at the bottom of its cell. */
export const MAX_ROW_HEIGHT = 409;

/** The height of a row of this many lines, at most Excel's tallest. */
export function rowHeight(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/**
 * The value exceljs writes. Strings stay strings even when they begin with
 * `=`, `+`, `-` or `@`: only `{ formula }` objects become formulas.
 * Dates are UTC midnights, so no time zone shifts the day.
 */
export function toExcel(value: CellValue, href: string | null): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value !== "object") return value;
  if ("date" in value) return toUtcDate(value.date);
  return href !== null ? { text: value.text, hyperlink: href } : value.link;
}

/** Longest link address Excel opens. */
export const MAX_LINK_LENGTH = 2_079;

/**
 * The address a link is written with: percent-encoded as the URL standard
 * has it (spaces and other characters a link may not hold as they are), or
 * null when it cannot be a link: longer than Excel opens, or not a URL.
 */
export function linkAddress(url: string): string | null {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return null;
  }
  return href.length <= MAX_LINK_LENGTH ? href : null;
}

/** Longest text shown for a link; the link itself keeps the whole address. */
const LINK_TEXT_LENGTH = 28;

/**
 * The text shown for a web address: without `https://` and `www.`, cut to
 * fit a column. Links do not wrap in LibreOffice, so a long one would run
 * off the printed cell.
 */
export function linkText(url: string): string {
  const text = url.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
  return text.length <= LINK_TEXT_LENGTH ? text : `${text.slice(0, LINK_TEXT_LENGTH - 1)}…`;
}

/** Characters a value needs on its widest line. */
export function displayLength(value: CellValue): number {
  if (value === null) return 0;
  if (typeof value === "number") return String(value).length;
  if (typeof value === "string") return value.split("\n").reduce((widest, line) => Math.max(widest, line.length), 0);
  return "date" in value ? 10 : value.text.length;
}

/**
 * Lines a value takes when wrapped at word boundaries in a column of the
 * given width (in characters of the default font's digit width).
 */
export function wrappedLines(value: CellValue, width: number): number {
  const text = typeof value === "string" ? value : value !== null && typeof value === "object" && "text" in value ? value.text : null;
  if (text === null) return 1;
  // Proportional text fits about 1.2 characters in the width of a digit.
  const capacity = Math.max(1, Math.floor(width * 1.2));
  return text.split("\n").reduce((sum, paragraph) => sum + wrapParagraph(paragraph, capacity), 0);
}

function wrapParagraph(paragraph: string, capacity: number): number {
  // Words and the spaces between them take at most the paragraph's length.
  if (paragraph.length <= capacity) return 1;
  let lines = 1;
  let used = 0;
  let start = -1;
  // Words are the runs between white space (what /\s+/ matches), found without splitting: this runs for every wrapped cell.
  for (let i = 0; i <= paragraph.length; i++) {
    const boundary = i === paragraph.length || isSpace(paragraph.charCodeAt(i));
    if (!boundary) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    start = -1;
    const needed = used === 0 ? length : used + 1 + length;
    if (needed <= capacity) {
      used = needed;
      continue;
    }
    if (used > 0) lines += 1;
    lines += Math.floor(Math.max(0, length - 1) / capacity);
    used = length % capacity || capacity;
  }
  return lines;
}

/** The characters JavaScript's `\s` matches. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Longest name Excel accepts for a table column. */
const MAX_HEADER_LENGTH = 255;

/**
 * Headers Excel accepts as a table's columns: unique without regard to case
 * (a second "Title" becomes "Title (2)"), on one line, at most 255
 * characters; an empty header becomes "Column N".
 */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const taken = new Set<string>();
  return headers.map((header, index) => {
    const line = header.replace(/[\t\r\n]+/g, " ").trim().slice(0, MAX_HEADER_LENGTH - 6);
    const base = line === "" ? `Column ${index + 1}` : line;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}
