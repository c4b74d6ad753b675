/** How serious an input issue is: errors stop a build, warnings never do. */
export type Severity = "error" | "warning";

/** Machine-readable codes for input issues. */
export type IssueCode =
  | "file_missing"
  | "file_unreadable"
  | "file_empty"
  | "file_binary"
  | "csv_syntax"
  | "field_count"
  | "column_missing"
  | "column_duplicate"
  | "value_required"
  | "value_invalid"
  | "date_invalid"
  | "date_ambiguous"
  | "date_order"
  | "url_invalid"
  | "cell_too_long"
  | "id_duplicate"
  | "reference_unknown"
  | "markup_suspect"
  | "encoding_suspect"
  | "template_syntax"
  | "template_field_unknown"
  | "template_helper_unknown"
  | "template_partial_unknown"
  | "template_misuse";

/** One problem found in the inputs, with where it is and what to do about it. */
export interface Issue {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  severity: Severity;
  code: IssueCode;
  message: string;
  hint: string | null;
}

/** What an error did to a build that went on without the bad rows (`--allow-invalid`). */
export type IssueEffect = "row" | "file" | null;

const FILE_CODES: ReadonlySet<IssueCode> = new Set([
  "file_missing", "file_unreadable", "file_empty", "file_binary", "csv_syntax", "column_missing", "column_duplicate",
]);

/**
 * Which part of the inputs an issue kept out of the reports: its row, its
 * whole file (nothing in the file could be read), or nothing (a warning).
 */
export function issueEffect(issue: Issue): IssueEffect {
  if (issue.severity === "warning") return null;
  return FILE_CODES.has(issue.code) ? "file" : "row";
}

/** Codes of errors that are the user's to fix (exit 1 or 2) rather than bugs (exit 3). */
export type BriefkitErrorCode =
  | "invalid_input"
  | "usage"
  | "template"
  | "config"
  | "output";

/**
 * The one error type briefkit throws on purpose. Anything else that escapes
 * is a bug.
 */
export class BriefkitError extends Error {
  readonly code: BriefkitErrorCode;
  readonly issues: readonly Issue[];
  /** File (and line) the error is about, when there is one. */
  readonly location: string | null;
  /** The option of the library call the error is about (`inputs`, `allowInvalid`), so that a command line can name its flag instead. */
  readonly option: string | null;

  constructor(options: {
    code: BriefkitErrorCode;
    message: string;
    location?: string | null;
    option?: string | null;
    issues?: readonly Issue[];
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = "BriefkitError";
    this.code = options.code;
    this.location = options.location ?? null;
    this.option = options.option ?? null;
    this.issues = options.issues ?? [];
  }
}

/** Codes of the issues of templates, whose column is a character's place in the line rather than a column's name. */
const TEMPLATE_CODES: ReadonlySet<IssueCode> = new Set([
  "template_syntax", "template_field_unknown", "template_helper_unknown", "template_partial_unknown", "template_misuse",
]);

/**
 * Formats an issue the way people read it: `file:line column: message (hint)`;
 * a template's as `file:line:column: message`, the place editors jump to.
 */
export function formatIssue(issue: Issue): string {
  const place = TEMPLATE_CODES.has(issue.code);
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}${place && issue.column !== null ? `:${issue.column}` : ""}`;
  const column = issue.column === null || place ? "" : ` ${issue.column}`;
  const hint = issue.hint === null ? "" : `\n    hint: ${issue.hint}`;
  const tag = issue.severity === "warning" ? "warning: " : "";
  return `${where}${column}: ${tag}${issue.message}${hint}`;
}

/** Sorts issues by file, then line (a file's own issues first), keeping the order found on ties. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        compareText(a.issue.file, b.issue.file) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
