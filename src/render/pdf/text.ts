import type { Inline } from "../../compose/document.js";
import { faceOf } from "./fonts.js";
import { COLOR, TYPE, type Doc } from "./layout.js";
import { openElement, tagged, type StructParent } from "./tags.js";

/**
 * Breaks text into the lines it takes at a width in the current font: at
 * spaces where it can, inside a word (a long address) where it must, and at
 * every line break of the text.
 */
export function wrapLines(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
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

/**
 * Draws a run of styled text as one wrapped paragraph, tagged as `type`
 * (P by default), with links as live link annotations under Link elements.
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
  const element = openElement(doc, options.parent, options.type ?? "P");
  doc.x = x;
  visible.forEach((run, index) => {
    const draw = () => {
      doc
        .font(faceOf(run))
        .fontSize(size)
        .fillColor(run.link ? COLOR.link : COLOR.text)
        .text(run.text, index === 0 ? x : undefined, index === 0 ? doc.y : undefined, {
          width,
          align: options.align ?? "left",
          lineGap: TYPE.lineGap,
          continued: index < visible.length - 1,
          link: run.link ?? null,
          underline: run.link !== undefined,
        } as PDFKit.Mixins.TextOptions);
    };
    if (run.link === undefined) element.add(draw);
    else tagged(doc, element, "Link", draw);
  });
  element.end();
  doc.fillColor(COLOR.text);
  doc.x = doc.page.margins.left;
}
