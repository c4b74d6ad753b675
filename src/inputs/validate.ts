import type { z } from "zod";
import type { Issue, IssueCode } from "../errors.js";
import type { CsvRow, CsvTable } from "./csv.js";
import { MAX_CELL_LENGTH } from "./schemas.js";
import { checkText } from "./warnings.js";

/** A validated row and the line it came from. */
export interface Checked<T> {
  line: number;
  value: T;
  /** Cells of columns the schema does not know, by the header as typed. */
  extra: Record<string, string>;
}

/**
 * Checks that the required columns are there, then validates every row with
 * the zod schema. Rows with errors are left out; their issues say why.
 * The table's rows are handed over: `table.rows` is empty afterwards.
 */
export function validateTable<S extends z.ZodType>(options: {
  file: string;
  table: CsvTable;
  schema: S;
  required: readonly string[];
  known: readonly string[];
}): { rows: Array<Checked<z.output<S>>>; rejected: Array<{ line: number; cells: Record<string, string> }>; issues: Issue[] } {
  const { file, table, schema } = options;
  const issues: Issue[] = [];
  const missing = missingColumns({ file, columns: table.columns, labels: table.labels, required: options.required });
  issues.push(...missing);
  if (missing.length > 0) return { rows: [], rejected: [], issues };

  const unknown = table.columns.filter((column) => !options.known.includes(column));
  const rows: Array<Checked<z.output<S>>> = [];
  const rejected: Array<{ line: number; cells: Record<string, string> }> = [];
  // Each raw row is let go once checked, so that a large file is not held raw and validated at once.
  const raw = table.rows;
  table.rows = [];
  for (let index = 0; index < raw.length; index++) {
    const row = raw[index]!;
    (raw as Array<CsvRow | undefined>)[index] = undefined;
    const checked = checkRow({ file, row, labels: table.labels, schema, unknown });
    for (const issue of checked.issues) issues.push(issue);
    if (checked.row !== null) rows.push(checked.row);
    else rejected.push(row);
  }
  return { rows, rejected, issues };
}

/** An issue for each required column the header does not have. */
export function missingColumns(options: { file: string; columns: readonly string[]; labels: Record<string, string>; required: readonly string[] }): Issue[] {
  const { file, columns, labels } = options;
  return options.required
    .filter((column) => !columns.includes(column))
    .map((column) => ({
      file,
      line: 1,
      column,
      value: null,
      severity: "error" as const,
      code: "column_missing" as const,
      message: `the required column "${column}" is missing`,
      hint: `add a column named ${column} to the first row; it now has: ${columns.map((c) => labels[c]).join(", ")}`,
    }));
}

/**
 * Validates one row with the zod schema and checks its text: the row's
 * issues, and the row as read when it has no errors (`null` when it has).
 */
export function checkRow<S extends z.ZodType>(options: {
  file: string;
  row: CsvRow;
  labels: Record<string, string>;
  schema: S;
  /** Keys of the columns the schema does not know; their cells go to `extra`. */
  unknown: readonly string[];
}): { row: Checked<z.output<S>> | null; issues: Issue[] } {
  const { file, row, labels, schema } = options;
  const issues: Issue[] = [];
  let failed = false;
  for (const column in row.cells) {
    const value = row.cells[column]!;
    if (value.length > MAX_CELL_LENGTH) {
      failed = true;
      issues.push({
        file,
        line: row.line,
        column: labels[column] ?? column,
        value: `${value.slice(0, 40)}…`,
        severity: "error",
        code: "cell_too_long",
        message: `the value has ${value.length} characters; Excel holds at most ${MAX_CELL_LENGTH} in a cell`,
        hint: "shorten it, or link to the full text with source_url",
      });
    }
  }
  const result = schema.safeParse(row.cells);
  if (!result.success) {
    failed = true;
    for (const zodIssue of result.error.issues) issues.push(toIssue(file, row.line, row.cells, zodIssue));
  }
  issues.push(...checkText({ file, line: row.line, cells: row.cells, labels, skip: ["source_url"] }));
  if (failed || !result.success) return { row: null, issues };
  const extra = Object.fromEntries(options.unknown.map((column) => [labels[column] ?? column, row.cells[column] ?? ""]));
  return { row: { line: row.line, value: result.data, extra }, issues };
}

function toIssue(file: string, line: number, cells: Record<string, string>, zodIssue: z.core.$ZodIssue): Issue {
  const column = String(zodIssue.path[0] ?? "");
  const params = (zodIssue as { params?: { code?: IssueCode; hint?: string | null } }).params;
  const code = params?.code ?? "value_invalid";
  const hint = params?.hint ?? (code === "value_required" && column !== "" ? `fill in ${column}; every row needs one` : null);
  return {
    file,
    line,
    column: column === "" ? null : column,
    value: column === "" ? null : (cells[column] ?? null),
    severity: "error",
    code,
    message: zodIssue.message,
    hint,
  };
}

/** Edit distance, for "did you mean …?" hints. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidate closest to `value`, when it is close enough to be a typo. */
export function suggest(value: string, candidates: readonly string[]): string | null {
  const folded = fold(value);
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate));
    if (best === null || distance < best.distance) best = { candidate, distance };
  }
  if (best === null) return null;
  const limit = Math.max(2, Math.floor(folded.length / 3));
  return best.distance <= limit ? best.candidate : null;
}

function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\s\-_]+/g, "");
}
