import type { Issue } from "../errors.js";
import { IdTable } from "./id-table.js";
import { suggest, type Checked } from "./validate.js";

/** Drops rows whose id an earlier row of the file already has, with an issue naming both lines. */
export function unique<T extends { id: string }>(read: { rows: Array<Checked<T>>; rejected: readonly Rejected[] }, file: string, issues: Issue[]): Array<Checked<T>> {
  // Rows with errors of their own take part too, so that a duplicate id is
  // reported together with the row's other errors, not after they are fixed.
  const all = [
    ...read.rows.map((row) => ({ line: row.line, id: row.value.id, row })),
    ...read.rejected.map((row) => ({ line: row.line, id: (row.cells.id ?? "").trim(), row: null })),
  ].sort((a, b) => a.line - b.line);
  const isFirst = firstOfEachId(file, issues);
  const kept: Array<Checked<T>> = [];
  for (const { line, id, row } of all) {
    if (id !== "" && isFirst(line, id) && row !== null) kept.push(row);
  }
  return kept;
}

/**
 * A function asked, row by row in line order, whether a row's id is the
 * first of its kind in the file (ids match without regard to case); when it
 * is not, it pushes an issue naming both lines. A row without an id is first.
 */
export function firstOfEachId(file: string, issues: Issue[]): (line: number, id: string) => boolean {
  const seen = new IdTable();
  return (line, id) => {
    if (id === "") return true;
    const first = seen.firstLine(id, line);
    if (first === undefined) return true;
    issues.push(duplicateIssue(file, line, id, first));
    return false;
  };
}

/** The issue for a row whose id an earlier row of the file has. */
function duplicateIssue(file: string, line: number, id: string, first: number): Issue {
  return {
    file, line, column: "id", value: id, severity: "error", code: "id_duplicate",
    message: `the id "${id}" is already used on line ${first}`,
    hint: "give each row its own id; if both rows are the same engagement, delete one",
  };
}

/** A row left out for errors of its own, with its raw cells. */
export type Rejected = { line: number; cells: Record<string, string> };

/**
 * A function that turns a reference (an id or a name, any case) into an id,
 * or pushes an issue saying why it cannot: a near miss, or a row with errors.
 */
export function resolver(options: {
  records: ReadonlyArray<{ id: string; name: string }>;
  what: string;
  listFile: string;
  /** False when the list could not be read at all. */
  usable: boolean;
  /** Rows of the list that have errors of their own. */
  rejected: readonly Rejected[];
}) {
  const { records, what, listFile, usable } = options;
  const rejectedLine = new Map<string, number>();
  for (const row of options.rejected) {
    for (const key of [row.cells.id, row.cells.name]) {
      if (key !== undefined && key.trim() !== "") rejectedLine.set(key.trim().toLowerCase(), row.line);
    }
  }
  const byKey = new Map<string, string>();
  for (const record of records) {
    byKey.set(record.id.toLowerCase(), record.id);
    byKey.set(record.name.toLowerCase(), record.id);
  }
  const ids = records.map((record) => record.id);
  return (ref: string, file: string, line: number, column: string, issues: Issue[]): string | null => {
    const found = byKey.get(ref.toLowerCase());
    if (found !== undefined) return found;
    if (!usable) return ref;
    const broken = rejectedLine.get(ref.toLowerCase());
    if (broken !== undefined) {
      issues.push({
        file, line, column, value: ref, severity: "error", code: "reference_unknown",
        message: `the ${what} "${ref}" is on line ${broken} of ${listFile}, which has errors`,
        hint: `fix ${listFile}:${broken} first`,
      });
      return null;
    }
    const guess = suggest(ref, ids) ?? suggest(ref, records.map((r) => r.name));
    issues.push({
      file, line, column, value: ref, severity: "error", code: "reference_unknown",
      message: `"${ref}" is not a known ${what}`,
      hint: guess !== null ? `did you mean "${guess}"?` : `add it to ${listFile}, or use one of ${listIds(ids)}`,
    });
    return null;
  };
}

function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return "its ids (it has none yet)";
  return ids.length <= 8 ? ids.join(", ") : `${ids.slice(0, 8).join(", ")} … (${ids.length} in all)`;
}
