/** Pieces of Excel formulas, written so that no user text is read as an operator or a pattern. */

/** Longest criterion COUNTIFS accepts; a longer one gives #VALUE!. */
export const MAX_CRITERION_LENGTH = 255;

/** A sheet name as a formula refers to it: `'Engagement topics'`, with `'` doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A string literal in a formula: `"say ""hi"""`. */
export function quoteString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The COUNTIFS criterion that matches exactly this text. COUNTIFS reads a
 * leading `<`, `>` or `=` as an operator and `*`, `?` as wildcards, so the
 * text is prefixed with `=` and its `~`, `*`, `?` are escaped with `~`.
 */
export function exactCriterion(text: string): string {
  return `=${text.replace(/[~*?]/g, (c) => `~${c}`)}`;
}

/** A date in a formula, as `DATE(2025,2,10)`: a number whatever the locale of the reader. */
export function dateFormula(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `DATE(${y},${m},${d})`;
}

/** The whole column of a sheet as an absolute reference: `'Engagement topics'!$B:$B`. */
export function columnRange(sheet: string, column: number): string {
  const letter = columnLetter(column);
  return `${quoteSheetName(sheet)}!$${letter}:$${letter}`;
}

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
