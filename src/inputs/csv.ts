import { parse } from "csv-parse/sync";
import type { Issue } from "../errors.js";
import { dropAsciiPrefix, headText, isBlank, lineCounter, toSource, type CsvSource } from "./csv-source.js";
import { checkHeader, columnLetter, keptColumns, normalizeHeader } from "./header.js";

export { normalizeHeader } from "./header.js";

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

type Parsed = Array<{ record: string[]; info: { bytes: number } }>;

const DELIMITERS = [",", ";", "\t"] as const;

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
 * Parses CSV text (or UTF-8 bytes, see CsvSource) into rows keyed by normalised header names. Never throws:
 * syntax errors, rows of the wrong width and bad headers come back as issues.
 * Rows with nothing in them (Excel writes `,,,` for them) are skipped, and so
 * are columns with neither a name nor a value. A first line `sep=;` names the delimiter.
 */
export function parseCsv(input: string | Uint8Array, file: string): { table: CsvTable | null; issues: Issue[] } {
  let text = toSource(input);
  if (isBlank(text)) {
    return { table: null, issues: [fileIssue(file, "file_empty", "the file is empty", "it needs at least a header row")] };
  }
  // Excel writes and reads a first line `sep=;` that names the delimiter; it
  // becomes an empty line here, so that line numbers stay those of the file.
  const sep = /^(\uFEFF?)sep=([,;\t])(?=\r?\n)/.exec(headText(text));
  if (sep) text = typeof text === "string" ? sep[1] + text.slice(sep[0].length) : dropAsciiPrefix(text, Buffer.byteLength(sep[0]));
  const delimiter = sep ? sep[2]! : detectDelimiter(headText(text));
  const lineAt = lineCounter(text);
  let records: Array<{ line: number; values: string[] }>;
  try {
    records = collectRecords(text, delimiter, lineAt);
  } catch (error) {
    return { table: null, issues: [syntaxIssue({ file, error, lineAt, header: () => readRecords(text, delimiter, 1)[0]?.record ?? [] })] };
  }
  const header = records.shift();
  if (header === undefined) {
    return { table: null, issues: [fileIssue(file, "file_empty", "the file has no header row", "add a first row with the column names")] };
  }
  const kept = keptColumns(header.values, records);
  const headerIssues = checkHeader({ file, line: header.line, names: header.values, kept });
  if (headerIssues.length > 0) return { table: null, issues: headerIssues };

  const columns = kept.map((i) => normalizeHeader(header.values[i] ?? ""));
  const labels = Object.fromEntries(kept.map((i, n) => [columns[n]!, (header.values[i] ?? "").trim()]));
  const issues: Issue[] = [];
  const rows: CsvRow[] = [];
  // Each record is let go once it is a row, so that the file is never held twice over.
  for (let index = 0; index < records.length; index++) {
    const { line, values } = records[index]!;
    (records as Array<(typeof records)[number] | undefined>)[index] = undefined;
    if (!fitsHeader(values, header.values.length, kept)) {
      issues.push(fieldCountIssue({ file, line, values, header: header.values, delimiter }));
      continue;
    }
    rows.push({ line, cells: Object.fromEntries(kept.map((i, n) => [columns[n]!, values[i] ?? ""])) });
  }
  return { table: { columns, labels, rows, delimiter }, issues };
}

// Excel leaves trailing empty values off some rows and adds them to others;
// only a value that has no column, or a named column with no value, is wrong.
export function fitsHeader(values: readonly string[], width: number, kept: readonly number[]): boolean {
  if (values.length > width) return values.slice(width).every((value) => value.trim() === "");
  return kept.every((index) => index < values.length);
}

/**
 * The non-empty records of a text with the line each starts on, kept as
 * they are parsed: csv-parse's per-record info would double the memory an
 * archive takes. csv-parse counts a CRLF inside quotes as two lines, so lines
 * are counted here from the byte offset where each record starts.
 */
function collectRecords(text: CsvSource, delimiter: string, lineAt: (offset: number) => number): Array<{ line: number; values: string[] }> {
  let start = 0;
  const records: Array<{ line: number; values: string[] }> = [];
  parse(text, {
    ...PARSE_OPTIONS,
    delimiter,
    on_record: (record: string[], context: { bytes: number }) => {
      const line = lineAt(start);
      start = context.bytes;
      if (!record.every((value) => value.trim() === "")) records.push({ line, values: record });
      return null;
    },
  });
  return records;
}

export const PARSE_OPTIONS = {
  relax_column_count: true,
  // A quote inside an unquoted value (`5" gun`) is kept as typed.
  relax_quotes: true,
  skip_empty_lines: false,
  bom: true,
} as const;

function readRecords(text: CsvSource, delimiter: string, toLine?: number): Parsed {
  return parse(text, { ...PARSE_OPTIONS, delimiter, info: true, ...(toLine === undefined ? {} : { to_line: toLine }) }) as unknown as Parsed;
}

/** The issue for a row whose number of values does not fit the header. */
export function fieldCountIssue(options: { file: string; line: number; values: readonly string[]; header: readonly string[]; delimiter: string }): Issue {
  const { file, line, values, header, delimiter } = options;
  const name = delimiter === "\t" ? "a tab" : `"${delimiter}"`;
  const short = values.length < header.length;
  const column = short ? (header.slice(values.length).find((name) => name.trim() !== "") ?? "").trim() : `column ${columnLetter(header.length)}`;
  return {
    file,
    line,
    column: column === "" ? null : column,
    value: short ? null : (values[header.length] ?? null),
    severity: "error",
    code: "field_count",
    message: short
      ? `the row has ${values.length} values but the header has ${header.length} columns; the row stops before "${column}"`
      : `the row has ${values.length} values but the header has ${header.length} columns`,
    hint: short
      ? `values are separated by ${name}; add the missing ones (empty is fine: two ${name} in a row)`
      : `values are separated by ${name}; put quotes around a value that contains ${name}, like "Lima, Perú"`,
  };
}

/** The issue for a file csv-parse gives up on; `header` reads the header row's names, for the column of the broken value. */
export function syntaxIssue(options: { file: string; error: unknown; lineAt: (offset: number) => number; header: () => readonly string[] }): Issue {
  const { file, error } = options;
  const info = error as { code?: string; bytes?: number; lines?: number; records?: number; column?: number; message?: string };
  const unclosed = info.code === "CSV_QUOTE_NOT_CLOSED";
  return {
    file,
    // csv-parse reports the line where it gave up, at the end of the file;
    // its byte offset points at the field where the quote was opened.
    line: unclosed && typeof info.bytes === "number" ? options.lineAt(info.bytes) : (info.lines ?? null),
    column: columnName(options, info),
    value: null,
    severity: "error",
    code: "csv_syntax",
    message: unclosed
      ? 'a value opens a quote (") that is never closed, so the rest of the file reads as one value'
      : `the file is not valid CSV (${String(info.message ?? error)})`,
    hint: unclosed
      ? 'close the quote at the end of the value, or remove it; a quote inside a quoted value is written twice ("")'
      : 'write a quote inside a value as "" and put quotes around values that contain the delimiter',
  };
}

// The header names the column of the broken value, when the header itself reads.
function columnName(options: { header: () => readonly string[] }, info: { records?: number; column?: number }): string | null {
  if (!info.records || typeof info.column !== "number") return null;
  try {
    return options.header()[info.column]?.trim() || null;
  } catch {
    return null;
  }
}

/** An issue about the whole file. */
export function fileIssue(file: string, code: Issue["code"], message: string, hint: string | null): Issue {
  return { file, line: null, column: null, value: null, severity: "error", code, message, hint };
}
