import type { DateOrder } from "../dates.js";
import { sortIssues, type Issue } from "../errors.js";
import { parseCsv } from "./csv.js";
import { decodeText, utf8Bytes } from "./decode.js";
import { emptyFileHint, fileIssue, readInputFiles, type InputFile, type InputFiles } from "./read.js";
import {
  createSchemas,
  INPUT_FILES,
  type Engagement,
  type Initiative,
  type InputKind,
  type Partner,
  type Topic,
} from "./schemas.js";
import { resolver, unique, type Rejected } from "./references.js";
import { validateTable, type Checked } from "./validate.js";

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
    const parsed = file.sheet ?? parseText(kind, file);
    if (parsed === null) return unusable;
    for (const i of parsed.issues) issues.push(i.code === "file_empty" ? { ...i, hint: emptyFileHint(kind) } : i);
    if (parsed.table === null) return unusable;
    const checked = validateTable({ file: path, table: parsed.table, schema, required: spec.required, known: spec.known });
    // One by one: a file where every row is wrong has more issues than a call takes arguments.
    for (const issue of checked.issues) issues.push(issue);
    const extraColumns = parsed.table.columns
      .filter((column) => !(spec.known as readonly string[]).includes(column))
      .map((column) => parsed.table!.labels[column] ?? column);
    const usable = !checked.issues.some((issue) => issue.code === "column_missing");
    return { rows: checked.rows, rejected: checked.rejected, extraColumns, usable };
  }

  // An .xlsx that stands in for a missing CSV arrives already read as a table.
  function parseText(kind: InputKind, file: InputFile): ReturnType<typeof parseCsv> | null {
    const utf8 = file.bytes === null ? null : utf8Bytes(file.bytes);
    if (utf8 !== null) return parseCsv(utf8, file.path);
    const decoded = file.bytes === null ? null : decodeText(file.bytes);
    if (decoded === null || !decoded.ok) {
      const issue = fileIssue(kind, file, decoded === null ? "missing" : decoded.reason);
      if (issue !== null) issues.push(issue);
      return null;
    }
    return parseCsv(decoded.text, file.path);
  }

  const partnerRead = read("partners", schemas.partner);
  const topicRead = read("topics", schemas.topic);
  const partnerRows = unique(partnerRead as { rows: Array<Checked<Omit<Partner, "line">>>; rejected: Rejected[] }, files.partners, issues);
  const topicRows = unique(topicRead as { rows: Array<Checked<Omit<Topic, "line">>>; rejected: Rejected[] }, files.topics, issues);
  const engagementRead = read("engagements", schemas.engagement);
  type EngagementRow = z_output<typeof schemas.engagement>;
  const engagementRows = unique(engagementRead as { rows: Array<Checked<EngagementRow>>; rejected: Rejected[] }, files.engagements, issues);
  engagementRead.rows.length = 0; // unique() holds the rows now; see the loop below.
  const initiativeRows = read("initiatives", schemas.initiative).rows as Array<Checked<z_output<typeof schemas.initiative>>>;

  const partners = partnerRows.map(({ line, value }) => ({ ...value, line }));
  const topics = topicRows.map(({ line, value }) => ({ ...value, line }));
  // A list that could not be read at all has its own issue; checking
  // references against it would only bury that issue under one per row.
  const resolvePartner = resolver({ records: partners, what: "partner", listFile: files.partners, ...partnerRead });
  const resolveTopic = resolver({ records: topics, what: "topic", listFile: files.topics, ...topicRead });

  const engagements: Engagement[] = [];
  // Each validated row is let go once it is an engagement: the archive is never held twice over.
  for (let index = 0; index < engagementRows.length; index++) {
    const { line, value, extra } = engagementRows[index]!;
    (engagementRows as Array<(typeof engagementRows)[number] | undefined>)[index] = undefined;
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

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
