import type { Issue } from "../errors.js";

/**
 * Folds a header name as people type it into a key:
 * `Start Date`, `start-date` and `START_DATE` all become `start_date`.
 */
export function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-_]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** A column's letter as spreadsheets show it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The columns to read, by index: a nameless column is kept only when some
 * row has a value in it; then it is an error, since the value would have no
 * column to go to.
 */
export function keptColumns(names: readonly string[], records: ReadonlyArray<{ values: string[] }>): number[] {
  return names
    .map((name, index) => ({ name, index }))
    .filter(({ name, index }) => name.trim() !== "" || records.some((r) => (r.values[index] ?? "").trim() !== ""))
    .map(({ index }) => index);
}

/** Issues of a header row: columns without a name that hold values, and two names that fold to one. */
export function checkHeader(options: { file: string; line: number; names: readonly string[]; kept: readonly number[] }): Issue[] {
  const { file, line, names } = options;
  const seen = new Map<string, string>();
  const issues: Issue[] = [];
  options.kept.forEach((index) => {
    const label = names[index] ?? "";
    const key = normalizeHeader(label);
    const base = { file, line, value: label, severity: "error" as const, code: "column_duplicate" as const };
    if (key === "") {
      issues.push({ ...base, column: `column ${columnLetter(index)}`, message: "this column has values but no name in the header row", hint: "type a name for it in the first row, or delete the column" });
    } else if (seen.has(key)) {
      issues.push({ ...base, column: label.trim(), message: `the columns "${seen.get(key)}" and "${label.trim()}" have the same name`, hint: "give every column its own name; spaces, dashes, underscores and capitals do not count" });
    } else seen.set(key, label.trim());
  });
  return issues;
}

