/** A run of text placed on a PDF page, in points from the bottom left. */
export interface PlacedText {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  /** Advance along the baseline; unknown (0) for rotated text. */
  width: number;
  /** Font size. */
  size: number;
}

/** Baselines closer than this (in points) are one line. */
const SAME_LINE = 2;
/** A gap wider than this many font sizes separates columns, not words. */
const COLUMN_GAP = 1;
/** A gap wider than this many font sizes is a space between words. */
const WORD_GAP = 0.15;

/**
 * Puts text runs in reading order: lines from the top of the page down, runs
 * within a line from left to right, one space between words and three between
 * columns (table cells, heat-map labels).
 */
export function arrangeLines(runs: readonly PlacedText[]): string[] {
  const visible = runs.filter((run) => run.text.trim() !== "");
  const byHeight = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PlacedText[][] = [];
  for (const run of byHeight) {
    const line = lines.at(-1);
    if (line !== undefined && Math.abs(line[0]!.y - run.y) <= SAME_LINE) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => joinLine(line.sort((a, b) => a.x - b.x)));
}

function joinLine(line: readonly PlacedText[]): string {
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const run of line) {
    const gap = run.x - end;
    const size = Math.max(run.size, 1);
    if (text !== "") {
      if (run.width === 0 || gap > COLUMN_GAP * size) text = `${text.trimEnd()}   `;
      else if (gap > WORD_GAP * size && !text.endsWith(" ") && !run.text.startsWith(" ")) text += " ";
    }
    text += run.text;
    end = run.width === 0 ? Number.NEGATIVE_INFINITY : run.x + run.width;
  }
  return text.trim().replace(/ {4,}/g, "   ");
}
