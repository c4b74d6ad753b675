import { parse } from "csv-parse/sync";
import type { Issue } from "../errors.js";

/** A data row of a CSV file: its cells keyed by normalised header, and where it starts. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  /** Header names as normalised keys, in file order. */
  columns: string[];
  /** Header names as the user typed them, by key. */
  labels: Record<string, string>;
  rows: CsvRow[];
  delimiter: string;
}

const DELIMITERS = [",", ";", "\t"] as const;

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

/** Picks `,`, `;` or tab: the one seen most often, outside quotes, in the header line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Parses CSV text into rows keyed by normalised header names. Never throws:
 * syntax errors and rows of the wrong width come back as issues.
 */
export function parseCsv(text: string, file: string): { table: CsvTable | null; issues: Issue[] } {
  const issues: Issue[] = [];
  if (text.trim() === "") {
    issues.push(fileIssue(file, "file_empty", "the file is empty", "it needs at least a header row"));
    return { table: null, issues };
  }
  const delimiter = detectDelimiter(text);
  let parsed: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  } catch (error) {
    issues.push(syntaxIssue(file, error));
    return { table: null, issues };
  }

  // csv-parse counts a CRLF inside quotes as two lines, so lines are counted
  // here from the byte offset where each record starts.
  const lineAt = lineCounter(Buffer.from(text));
  let start = 0;
  const records: CsvRow[] = [];
  let header: { line: number; names: string[] } | null = null;
  for (const { record, info } of parsed) {
    const line = lineAt(start);
    start = info.bytes;
    if (record.length === 1 && record[0]?.trim() === "") continue;
    if (header === null) {
      header = { line, names: record };
      continue;
    }
    records.push({ line, cells: Object.fromEntries(record.map((v, i) => [String(i), v])) });
  }
  if (header === null) {
    issues.push(fileIssue(file, "file_empty", "the file has no header row", "add a first row with the column names"));
    return { table: null, issues };
  }

  const columns = header.names.map(normalizeHeader);
  const labels: Record<string, string> = {};
  columns.forEach((key, index) => {
    const label = header.names[index] ?? key;
    if (key === "" || labels[key] !== undefined) {
      issues.push({
        file,
        line: header.line,
        column: label,
        value: label,
        severity: "error",
        code: "column_duplicate",
        message: key === "" ? `column ${index + 1} has no name` : `column "${label}" appears twice`,
        hint: "give every column a distinct name",
      });
    }
    labels[key] = label;
  });

  const rows: CsvRow[] = [];
  for (const row of records) {
    const values = Object.values(row.cells);
    if (values.length !== columns.length) {
      issues.push({
        file,
        line: row.line,
        column: null,
        value: null,
        severity: "error",
        code: "field_count",
        message: `the row has ${values.length} fields but the header has ${columns.length}`,
        hint: fieldCountHint(delimiter),
      });
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((key, index) => {
      cells[key] = values[index] ?? "";
    });
    rows.push({ line: row.line, cells });
  }
  return { table: { columns, labels, rows, delimiter }, issues };
}

/** Line number (from 1) of a byte offset; offsets must be asked in increasing order. */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    for (; position < offset && position < bytes.length; position++) {
      const byte = bytes[position];
      if (byte === 0x0a || (byte === 0x0d && bytes[position + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

function fieldCountHint(delimiter: string): string {
  const name = delimiter === "\t" ? "tab" : `"${delimiter}"`;
  return `fields are separated by ${name}; put quotes around a value that contains ${name} or a line break`;
}

function syntaxIssue(file: string, error: unknown): Issue {
  const info = error as { code?: string; lines?: number; message?: string };
  const unclosed = info.code === "CSV_QUOTE_NOT_CLOSED";
  return {
    file,
    line: lineOf(info),
    column: null,
    value: null,
    severity: "error",
    code: "csv_syntax",
    message: unclosed
      ? "a quoted value is opened but never closed"
      : `the file is not valid CSV (${String(info.message ?? error)})`,
    hint: unclosed
      ? 'look for a stray " on this line or above; write a quote inside a value as ""'
      : 'write a quote inside a value as "" and quote values that contain the delimiter',
  };
}

// csv-parse names the line where an unclosed quote opened in its message.
function lineOf(info: { lines?: number; message?: string }): number | null {
  const opened = /at line (\d+)/.exec(info.message ?? "");
  if (opened) return Number(opened[1]);
  return typeof info.lines === "number" ? info.lines : null;
}

function fileIssue(file: string, code: Issue["code"], message: string, hint: string | null): Issue {
  return { file, line: null, column: null, value: null, severity: "error", code, message, hint };
}
