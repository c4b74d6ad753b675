import type { Inline } from "../../compose/document.js";
import { faceOf } from "./fonts.js";
import { COLOR, newPage, pageBottom, TYPE, type Doc } from "./layout.js";
import { drawLink, openElement, type StructParent } from "./tags.js";

/** Where a line may break: spaces, but not the no-break spaces that hold a date or a name together. */
export const BREAKABLE = /[^\S\u00a0\u202f\u2007]+/;

/**
 * Breaks text into the lines it takes at a width in the current font: at
 * spaces where it can, inside a word (a long address) where it must, and at
 * every line break of the text.
 */
export function wrapLines(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(BREAKABLE).filter((w) => w !== "")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      line = word;
      while (doc.widthOfString(line) > width && line.length > 1) {
        const cut = fittingPrefix(doc, line, width);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

function fittingPrefix(doc: Doc, text: string, width: number): number {
  let cut = 1;
  while (cut < text.length && doc.widthOfString(text.slice(0, cut + 1)) <= width) cut++;
  return cut;
}

interface Segment {
  run: Inline;
  text: string;
  width: number;
}

interface Line {
  segments: Segment[];
  width: number;
}

/**
 * Lays styled runs out in lines at a width: words move whole to the next
 * line, a word longer than the line is cut, and "\n" breaks the line. Each
 * line keeps its runs apart so they can be drawn in their own fonts.
 */
export function layoutRuns(doc: Doc, runs: readonly Inline[], options: { width: number; size: number }): Line[] {
  const lines: Line[] = [];
  let line: Line = { segments: [], width: 0 };
  let space: Segment | null = null;
  const measure = (run: Inline, text: string) => doc.font(faceOf(run)).fontSize(options.size).widthOfString(text);
  const push = (segment: Segment) => {
    const last = line.segments[line.segments.length - 1];
    if (last && last.run === segment.run) {
      last.text += segment.text;
      last.width += segment.width;
    } else {
      line.segments.push({ ...segment });
    }
    line.width += segment.width;
  };
  const breakLine = () => {
    lines.push(line);
    line = { segments: [], width: 0 };
    space = null;
  };
  for (const run of runs) {
    for (const token of run.text.split(/(\n|[^\S\n\u00a0\u202f\u2007]+)/)) {
      if (token === "") continue;
      if (token === "\n") {
        breakLine();
        continue;
      }
      if (/^[^\S\u00a0\u202f\u2007]+$/.test(token)) {
        if (line.segments.length > 0) space = { run, text: " ", width: measure(run, " ") };
        continue;
      }
      let word = token;
      let width = measure(run, word);
      const pending = space as Segment | null;
      if (line.segments.length > 0 && line.width + (pending?.width ?? 0) + width > options.width) breakLine();
      while (width > options.width && word.length > 1) {
        if (line.segments.length > 0) breakLine();
        doc.font(faceOf(run)).fontSize(options.size);
        const cut = fittingPrefix(doc, word, options.width);
        push({ run, text: word.slice(0, cut), width: measure(run, word.slice(0, cut)) });
        breakLine();
        word = word.slice(cut);
        width = measure(run, word);
      }
      if (space !== null && line.segments.length > 0) push(space);
      push({ run, text: word, width });
      space = null;
    }
  }
  if (line.segments.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Draws a run of styled text as one wrapped paragraph, tagged as `type`
 * (P by default), with links as live link annotations under Link elements,
 * each described by the whole text of its link.
 * Lines that do not fit go on to the next page.
 */
export function drawRuns(doc: Doc, options: {
  parent: StructParent;
  runs: readonly Inline[];
  size?: number;
  x?: number;
  align?: "left" | "center";
  type?: string;
}): void {
  const x = options.x ?? doc.page.margins.left;
  const size = options.size ?? TYPE.body;
  const width = doc.page.width - doc.page.margins.right - x;
  const visible = options.runs.filter((run) => run.text !== "");
  if (visible.length === 0) return;
  const lines = layoutRuns(doc, visible, { width, size });
  doc.font("regular").fontSize(size);
  const lineHeight = doc.currentLineHeight(true) + TYPE.lineGap;
  const element = openElement(doc, options.parent, options.type ?? "P");
  let y = doc.y;
  for (const line of lines) {
    if (y + lineHeight > pageBottom(doc)) {
      newPage(doc);
      y = doc.y;
    }
    let left = x + (options.align === "center" ? (width - line.width) / 2 : 0);
    for (const segment of line.segments) {
      const at = left;
      const { link } = segment.run;
      if (link === undefined) element.add(() => drawSegment(doc, { segment, x: at, y, size }));
      else drawLink(doc, element, { url: link, contents: segment.run.text.trim() || link }, (annotate) => {
        drawSegment(doc, { segment, x: at, y, size });
        annotate({ x: at, y, width: doc.widthOfString(segment.text), height: doc.currentLineHeight() });
      });
      left += segment.width;
    }
    y += lineHeight;
  }
  element.end();
  doc.fillColor(COLOR.text);
  doc.x = doc.page.margins.left;
  doc.y = y;
}

function drawSegment(doc: Doc, options: { segment: Segment; x: number; y: number; size: number }): void {
  const { run, text } = options.segment;
  doc
    .font(faceOf(run))
    .fontSize(options.size)
    .fillColor(run.link ? COLOR.link : COLOR.text)
    .text(text, options.x, options.y, { lineBreak: false, underline: run.link !== undefined });
}
