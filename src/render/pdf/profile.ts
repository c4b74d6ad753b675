import { COLOR, heatColor, newPage, pageBottom, pageWidth, TYPE, type Doc } from "./layout.js";
import { tagged, type StructParent } from "./tags.js";

const BAR_HEIGHT = 9;
const ROW = 13;
const LABEL_MAX = 200;

/** One scale for every partner's chart: the count of a full-length bar, and where bars start. */
export interface ProfileScale {
  max: number;
  labelWidth: number;
}

/** The scale of a packet's partner charts: bars start after the longest topic name and `max` fills the width. */
export function profileScale(doc: Doc, options: { topicNames: readonly string[]; max: number }): ProfileScale {
  doc.font("regular").fontSize(TYPE.small);
  const widest = Math.max(0, ...options.topicNames.map((name) => doc.widthOfString(name)));
  return { max: Math.max(1, options.max), labelWidth: Math.min(LABEL_MAX, widest + 10) };
}

/** The length of a bar on a scale, in points; a count beyond the scale's top fills the room. */
export function barLength(doc: Doc, scale: ProfileScale, count: number): number {
  const room = pageWidth(doc) - scale.labelWidth - 30;
  return Math.max(2, (room * Math.min(count, scale.max)) / scale.max);
}

/** The height a profile of `shown` bars takes, for keeping a heading with it. */
export function profileHeight(shown: number): number {
  return shown === 0 ? TYPE.body * 1.6 : shown * ROW + 8;
}

/**
 * Draws a partner's topic profile: one bar per topic it touched, longest
 * first, the first `top` of them when given, with the topic name and
 * count, tagged as a figure whose text is the list itself.
 */
export function drawProfile(doc: Doc, parent: StructParent, options: {
  topics: Array<{ name: string; count: number }>;
  alt: string;
  emptyText: string;
  scale: ProfileScale;
  top?: number;
}): void {
  const { topics } = options;
  if (topics.length === 0) {
    tagged(doc, parent, "P", () => {
      doc.font("italic").fontSize(TYPE.body).fillColor(COLOR.muted).text(options.emptyText, doc.page.margins.left, doc.y);
    });
    doc.fillColor(COLOR.text).moveDown(0.5);
    return;
  }
  const shown = topics.slice(0, options.top ?? topics.length);
  const alt = `${options.alt}: ${shown.map((t) => `${t.name} ${t.count}`).join(", ")}`;
  tagged(doc, parent, "Figure", () => drawBars(doc, shown, options.scale), { alt });
  doc.fillColor(COLOR.text);
  doc.x = doc.page.margins.left;
}

function drawBars(doc: Doc, topics: Array<{ name: string; count: number }>, scale: ProfileScale): void {
  const left = doc.page.margins.left;
  const { labelWidth } = scale;
  if (doc.y + Math.min(topics.length, 4) * ROW > pageBottom(doc)) newPage(doc);
  let y = doc.y;
  for (const topic of topics) {
    if (y + ROW > pageBottom(doc)) {
      newPage(doc);
      y = doc.y;
    }
    doc.font("regular").fontSize(TYPE.small).fillColor(COLOR.text)
      .text(topic.name, left, y + 1, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    const width = barLength(doc, scale, topic.count);
    doc.rect(left + labelWidth, y + 1, width, BAR_HEIGHT).fill(heatColor(topic.count, scale.max));
    doc.font("bold").fontSize(TYPE.small).fillColor(COLOR.text).text(String(topic.count), left + labelWidth + width + 4, y + 1, { lineBreak: false });
    y += ROW;
  }
  doc.y = y + 8;
}
