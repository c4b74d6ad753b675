import type { DateOrder } from "../dates.js";
import { sortIssues, type Issue } from "../errors.js";
import { parseCsv } from "./csv.js";
import { decodeText } from "./decode.js";
import { emptyFileHint, fileIssue, readInputFiles, type InputFiles } from "./read.js";
import {
  createSchemas,
  INPUT_FILES,
  type Engagement,
  type Initiative,
  type InputKind,
  type Partner,
  type Topic,
} from "./schemas.js";
import { suggest, validateTable, type Checked } from "./validate.js";

/** Everything read from an inputs folder, valid rows only. */
export interface InputData {
  partners: Partner[];
  topics: Topic[];
  engagements: Engagement[];
  initiatives: Initiative[];
  /** Headers of engagement columns the schema does not know, in file order. */
  extraColumns: string[];
  /** The path of each file as shown in messages. */
  files: Record<InputKind, string>;
}

export interface LoadResult {
  data: InputData;
  /** Every issue of every file, sorted by file and line. */
  issues: Issue[];
}

export type { InputFile, InputFiles } from "./read.js";

/** Reads the four input files of a folder and validates them. */
export async function loadInputs(options: { dir: string; dateOrder?: DateOrder | null }): Promise<LoadResult> {
  return parseInputs({ files: await readInputFiles(options.dir), dateOrder: options.dateOrder ?? null });
}

/** Decodes, parses and validates the input files, then checks ids and references across them. Never throws on bad input. */
export function parseInputs(options: { files: InputFiles; dateOrder: DateOrder | null }): LoadResult {
  const schemas = createSchemas({ dateOrder: options.dateOrder });
  const issues: Issue[] = [];
  const files = Object.fromEntries(
    Object.entries(options.files).map(([kind, file]) => [kind, file.path]),
  ) as Record<InputKind, string>;

  function read<K extends InputKind>(kind: K, schema: (typeof schemas)[keyof typeof schemas]) {
    const spec = INPUT_FILES[kind];
    const file = options.files[kind];
    const { path, bytes } = file;
    const unusable = { rows: [], rejected: [] as Rejected[], extraColumns: [] as string[], usable: false };
    const decoded = bytes === null ? null : decodeText(bytes);
    if (decoded === null || !decoded.ok) {
      const issue = fileIssue(kind, file, decoded === null ? "missing" : "binary");
      if (issue !== null) issues.push(issue);
      return unusable;
    }
    const parsed = parseCsv(decoded.text, path);
    issues.push(...parsed.issues.map((i) => (i.code === "file_empty" ? { ...i, hint: emptyFileHint(kind) } : i)));
    if (parsed.table === null) return unusable;
    const checked = validateTable({ file: path, table: parsed.table, schema, required: spec.required, known: spec.known });
    issues.push(...checked.issues);
    const extraColumns = parsed.table.columns
      .filter((column) => !(spec.known as readonly string[]).includes(column))
      .map((column) => parsed.table!.labels[column] ?? column);
    const usable = !checked.issues.some((issue) => issue.code === "column_missing");
    return { rows: checked.rows, rejected: checked.rejected, extraColumns, usable };
  }

  const partnerRead = read("partners", schemas.partner);
  const topicRead = read("topics", schemas.topic);
  const partnerRows = unique(partnerRead as { rows: Array<Checked<Omit<Partner, "line">>>; rejected: Rejected[] }, files.partners, issues);
  const topicRows = unique(topicRead as { rows: Array<Checked<Omit<Topic, "line">>>; rejected: Rejected[] }, files.topics, issues);
  const engagementRead = read("engagements", schemas.engagement);
  type EngagementRow = z_output<typeof schemas.engagement>;
  const engagementRows = unique(engagementRead as { rows: Array<Checked<EngagementRow>>; rejected: Rejected[] }, files.engagements, issues);
  const initiativeRows = read("initiatives", schemas.initiative).rows as Array<Checked<z_output<typeof schemas.initiative>>>;

  const partners = partnerRows.map(({ line, value }) => ({ ...value, line }));
  const topics = topicRows.map(({ line, value }) => ({ ...value, line }));
  // A list that could not be read at all has its own issue; checking
  // references against it would only bury that issue under one per row.
  const resolvePartner = resolver({ records: partners, what: "partner", listFile: files.partners, ...partnerRead });
  const resolveTopic = resolver({ records: topics, what: "topic", listFile: files.topics, ...topicRead });

  const engagements: Engagement[] = [];
  for (const { line, value, extra } of engagementRows) {
    const refIssues: Issue[] = [];
    const partnerIds = value.partners.map((ref) => resolvePartner(ref, files.engagements, line, "partners", refIssues));
    const topicIds = value.topics.map((ref) => resolveTopic(ref, files.engagements, line, "topics", refIssues));
    issues.push(...refIssues);
    if (refIssues.length > 0) continue;
    engagements.push({
      id: value.id,
      startDate: value.start_date as string,
      endDate: value.end_date,
      title: value.title,
      partners: dedupe(partnerIds as string[]),
      topics: dedupe(topicIds as string[]),
      kind: value.kind,
      location: value.location,
      officials: value.officials,
      summary: value.summary,
      sourceUrl: value.source_url,
      status: value.status,
      extra,
      line,
    });
  }

  const initiatives: Initiative[] = [];
  for (const { line, value } of initiativeRows) {
    const refIssues: Issue[] = [];
    const partnerIds = value.partners.map((ref) => resolvePartner(ref, files.initiatives, line, "partners", refIssues));
    const topicIds = value.topics.map((ref) => resolveTopic(ref, files.initiatives, line, "topics", refIssues));
    issues.push(...refIssues);
    if (refIssues.length > 0) continue;
    initiatives.push({ ...value, partners: partnerIds as string[], topics: topicIds as string[], line });
  }

  return {
    data: { partners, topics, engagements, initiatives, extraColumns: engagementRead.extraColumns, files },
    issues: sortIssues(issues),
  };
}

type z_output<T> = T extends { _zod: { output: infer O } } ? O : never;

// Rows with errors of their own take part too, so that a duplicate id is
// reported together with the row's other errors, not after they are fixed.
function unique<T extends { id: string }>(read: { rows: Array<Checked<T>>; rejected: readonly Rejected[] }, file: string, issues: Issue[]): Array<Checked<T>> {
  const all = [
    ...read.rows.map((row) => ({ line: row.line, id: row.value.id, row })),
    ...read.rejected.map((row) => ({ line: row.line, id: (row.cells.id ?? "").trim(), row: null })),
  ].sort((a, b) => a.line - b.line);
  const seen = new Map<string, number>();
  const kept: Array<Checked<T>> = [];
  for (const { line, id, row } of all) {
    if (id === "") continue;
    const first = seen.get(id.toLowerCase());
    if (first === undefined) {
      seen.set(id.toLowerCase(), line);
      if (row !== null) kept.push(row);
      continue;
    }
    issues.push({
      file, line, column: "id", value: id, severity: "error", code: "id_duplicate",
      message: `the id "${id}" is already used on line ${first}`,
      hint: "give each row its own id; if both rows are the same engagement, delete one",
    });
  }
  return kept;
}

type Rejected = { line: number; cells: Record<string, string> };

function resolver(options: {
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
      hint: guess !== null ? `did you mean "${guess}"?` : `add it to ${listFile}, or use one of its ids`,
    });
    return null;
  };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
