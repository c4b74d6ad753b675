import type { DateOrder } from "../dates.js";
import { sortIssues, type Issue } from "../errors.js";
import type { OnProgress } from "../progress.js";
import { parseCsv } from "./csv.js";
import { decodeText, utf8Bytes } from "./decode.js";
import type { EngagementHead } from "./detail-store.js";
import { emptyFileHint, fileIssue, readInputFile, readInputFiles, type InputFile, type InputFiles } from "./read.js";
import {
  createSchemas,
  INPUT_FILES,
  type Engagement,
  type Initiative,
  type InputKind,
  type Partner,
  type Schemas,
  type Topic,
} from "./schemas.js";
import { resolver, unique, type Rejected } from "./references.js";
import { streamEngagements } from "./stream-engagements.js";
import { validateTable, type Checked } from "./validate.js";

/** Everything read from an inputs folder, valid rows only. */
export interface InputData {
  partners: Partner[];
  topics: Topic[];
  engagements: Engagement[];
  initiatives: Initiative[];
  /** Headers of engagement columns the schema does not know, in file order. */
  extraColumns: string[];
  /** Headers of the columns of the other lists that the schema does not know, in file order; their values are each item's `extra`. */
  otherColumns?: OtherColumns;
  /** The path of each file as shown in messages. */
  files: Record<InputKind, string>;
}

/** The columns a list file has beyond those briefkit reads, kept for the workbook. */
export interface OtherColumns {
  partners: string[];
  topics: string[];
  initiatives: string[];
}

export interface LoadResult {
  data: InputData;
  /** Every issue of every file, sorted by file and line. */
  issues: Issue[];
}

export type { InputFile, InputFiles } from "./read.js";

/**
 * Reads the four input files of a folder and validates them. A UTF-8
 * engagements file is streamed: its rows are validated as they are read and
 * only their short fields are held (see streamEngagements).
 */
export async function loadInputs(options: { dir: string; dateOrder?: DateOrder | null; onProgress?: OnProgress }): Promise<LoadResult> {
  const files = await readInputFiles(options.dir, { stream: "engagements" });
  const loader = new Loader(files, options.dateOrder ?? null);
  const streamed = files.engagements.stream === true ? await streamEngagements(loader, options.onProgress) : false;
  if (!streamed) {
    // The loader reads the engagements from this same `files` object.
    if (files.engagements.stream === true) files.engagements = await readInputFile(files.engagements.path);
    readEngagements(loader);
  }
  return loader.finish();
}

/** Decodes, parses and validates the input files, then checks ids and references across them. Never throws on bad input. */
export function parseInputs(options: { files: InputFiles; dateOrder: DateOrder | null }): LoadResult {
  const loader = new Loader(options.files, options.dateOrder);
  readEngagements(loader);
  return loader.finish();
}

export type EngagementRow = z_output<Schemas["engagement"]>;

/** The state of a load: the lists read first, the issues so far, and the engagements once read. */
export class Loader {
  readonly schemas: Schemas;
  readonly issues: Issue[] = [];
  readonly paths: Record<InputKind, string>;
  readonly partners: Partner[];
  readonly topics: Topic[];
  readonly resolvePartner: ReturnType<typeof resolver>;
  readonly resolveTopic: ReturnType<typeof resolver>;
  engagements: Engagement[] = [];
  extraColumns: string[] = [];
  readonly otherColumns: OtherColumns = { partners: [], topics: [], initiatives: [] };

  constructor(readonly files: InputFiles, dateOrder: DateOrder | null) {
    this.schemas = createSchemas({ dateOrder });
    this.paths = Object.fromEntries(Object.entries(files).map(([kind, file]) => [kind, file.path])) as Record<InputKind, string>;
    const partnerRead = this.read("partners", this.schemas.partner);
    const topicRead = this.read("topics", this.schemas.topic);
    const partnerRows = unique(partnerRead as { rows: Array<Checked<Omit<Partner, "line">>>; rejected: Rejected[] }, this.paths.partners, this.issues);
    const topicRows = unique(topicRead as { rows: Array<Checked<Omit<Topic, "line">>>; rejected: Rejected[] }, this.paths.topics, this.issues);
    this.partners = partnerRows.map(({ line, value, extra }) => ({ ...value, line, ...withExtra(extra) }));
    this.topics = topicRows.map(({ line, value, extra }) => ({ ...value, line, ...withExtra(extra) }));
    this.otherColumns.partners = partnerRead.extraColumns;
    this.otherColumns.topics = topicRead.extraColumns;
    // A list that could not be read at all has its own issue; checking
    // references against it would only bury that issue under one per row.
    this.resolvePartner = resolver({ records: this.partners, what: "partner", listFile: this.paths.partners, ...partnerRead });
    this.resolveTopic = resolver({ records: this.topics, what: "topic", listFile: this.paths.topics, ...topicRead });
  }

  read<K extends InputKind>(kind: K, schema: Schemas[keyof Schemas]) {
    const spec = INPUT_FILES[kind];
    const file = this.files[kind];
    const unusable = { rows: [], rejected: [] as Rejected[], extraColumns: [] as string[], usable: false };
    const parsed = file.sheet ?? this.parseText(kind, file);
    if (parsed === null) return unusable;
    for (const i of parsed.issues) this.issues.push(i.code === "file_empty" ? { ...i, hint: emptyFileHint(kind) } : i);
    if (parsed.table === null) return unusable;
    const checked = validateTable({ file: file.path, table: parsed.table, schema, required: spec.required, known: spec.known });
    // One by one: a file where every row is wrong has more issues than a call takes arguments.
    for (const issue of checked.issues) this.issues.push(issue);
    const extraColumns = parsed.table.columns
      .filter((column) => !(spec.known as readonly string[]).includes(column))
      .map((column) => parsed.table!.labels[column] ?? column);
    const usable = !checked.issues.some((issue) => issue.code === "column_missing");
    return { rows: checked.rows, rejected: checked.rejected, extraColumns, usable };
  }

  // An .xlsx that stands in for a missing CSV arrives already read as a table.
  private parseText(kind: InputKind, file: InputFile): ReturnType<typeof parseCsv> | null {
    const utf8 = file.bytes === null ? null : utf8Bytes(file.bytes);
    if (utf8 !== null) return parseCsv(utf8, file.path);
    const decoded = file.bytes === null ? null : decodeText(file.bytes);
    if (decoded === null || !decoded.ok) {
      const issue = fileIssue(kind, file, decoded === null ? "missing" : decoded.reason);
      if (issue !== null) this.issues.push(issue);
      return null;
    }
    return parseCsv(decoded.text, file.path);
  }

  /** The engagement of a valid row, or null when a partner or topic it names is not known (with issues saying so). */
  resolveEngagement(line: number, value: EngagementRow, issues = this.issues): EngagementHead | null {
    const file = this.paths.engagements;
    const refIssues: Issue[] = [];
    const partnerIds = value.partners.map((ref) => this.resolvePartner(ref, file, line, "partners", refIssues));
    const topicIds = value.topics.map((ref) => this.resolveTopic(ref, file, line, "topics", refIssues));
    for (const issue of refIssues) issues.push(issue);
    if (refIssues.length > 0) return null;
    return {
      id: value.id,
      startDate: value.start_date as string,
      endDate: value.end_date,
      partners: dedupe(partnerIds as string[]),
      topics: dedupe(topicIds as string[]),
      kind: value.kind,
      status: value.status,
      line,
    };
  }

  finish(): LoadResult {
    const initiativeRead = this.read("initiatives", this.schemas.initiative);
    const initiativeRows = initiativeRead.rows as Array<Checked<z_output<Schemas["initiative"]>>>;
    this.otherColumns.initiatives = initiativeRead.extraColumns;
    const initiatives: Initiative[] = [];
    for (const { line, value, extra } of initiativeRows) {
      const refIssues: Issue[] = [];
      const partnerIds = value.partners.map((ref) => this.resolvePartner(ref, this.paths.initiatives, line, "partners", refIssues));
      const topicIds = value.topics.map((ref) => this.resolveTopic(ref, this.paths.initiatives, line, "topics", refIssues));
      this.issues.push(...refIssues);
      if (refIssues.length > 0) continue;
      initiatives.push({ ...value, partners: partnerIds as string[], topics: topicIds as string[], line, ...withExtra(extra) });
    }
    return {
      data: { partners: this.partners, topics: this.topics, engagements: this.engagements, initiatives, extraColumns: this.extraColumns, otherColumns: this.otherColumns, files: this.paths },
      issues: sortIssues(this.issues),
    };
  }
}

/** Reads the engagements from the file's bytes (or the sheet standing in for it), all at once. */
function readEngagements(loader: Loader): void {
  const read = loader.read("engagements", loader.schemas.engagement);
  const rows = unique(read as { rows: Array<Checked<EngagementRow>>; rejected: Rejected[] }, loader.paths.engagements, loader.issues);
  read.rows.length = 0; // unique() holds the rows now; see the loop below.
  // Each validated row is let go once it is an engagement: the archive is never held twice over.
  for (let index = 0; index < rows.length; index++) {
    const { line, value, extra } = rows[index]!;
    (rows as Array<(typeof rows)[number] | undefined>)[index] = undefined;
    const head = loader.resolveEngagement(line, value);
    if (head === null) continue;
    loader.engagements.push({
      ...head,
      title: value.title,
      location: value.location,
      officials: value.officials,
      summary: value.summary,
      sourceUrl: value.source_url,
      extra,
    });
  }
  loader.extraColumns = read.extraColumns;
}

// Only a file with columns of its own gives its items an `extra`: the others stay as they were.
function withExtra(extra: Record<string, string>): { extra?: Record<string, string> } {
  return Object.keys(extra).length > 0 ? { extra } : {};
}

export type z_output<T> = T extends { _zod: { output: infer O } } ? O : never;

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
