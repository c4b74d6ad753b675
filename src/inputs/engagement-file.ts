import { closeSync, openSync, readSync, statSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { BriefkitError } from "../errors.js";
import { PARSE_OPTIONS } from "./csv.js";
import type { StreamedHeader } from "./csv-stream.js";
import type { Engagement, EngagementKind, Schemas, Status } from "./schemas.js";

/** The long text of an engagement: what is read again from its file when asked for. */
export interface EngagementDetails {
  title: string;
  location: string;
  officials: string[];
  summary: string;
  sourceUrl: string | null;
  extra: Record<string, string>;
}

/** The short fields of an engagement, held for every row of an archive. */
export interface EngagementHead {
  id: string;
  startDate: string;
  endDate: string | null;
  partners: string[];
  topics: string[];
  kind: EngagementKind;
  status: Status;
  line: number;
}

/** Details kept at most, the most recently read; a batch asked for at once may hold more until the next one. */
const CACHE_SIZE = 4_096;

/**
 * An engagements file read by streaming: it holds each engagement's short
 * fields and where its row is in the file, and reads the long text of rows
 * again when they are asked for, a batch at a time. A large archive is thus
 * never held in memory; only the rows a report shows are read twice.
 */
export class EngagementFile {
  private readonly size: number;
  private readonly modified: number;
  private readonly cache = new Map<StoredEngagement, EngagementDetails>();
  private readonly unknown: string[];

  constructor(
    readonly path: string,
    private readonly header: StreamedHeader,
    private readonly schema: Schemas["engagement"],
    known: readonly string[],
  ) {
    const stat = statSync(path);
    this.size = stat.size;
    this.modified = stat.mtimeMs;
    this.unknown = header.columns.filter((column) => !known.includes(column));
  }

  /** An engagement whose long text stays in the file, at bytes `start` to `end`. */
  engagement(head: EngagementHead, start: number, end: number): Engagement {
    return new StoredEngagement(head, this, start, end);
  }

  /** The long text of an engagement of this file. */
  details(engagement: StoredEngagement): EngagementDetails {
    const cached = this.cache.get(engagement);
    if (cached !== undefined) return cached;
    this.read([engagement]);
    return this.cache.get(engagement)!;
  }

  /** Reads the long text of these engagements in one pass over the file, so that asking for it later is free. */
  read(engagements: readonly StoredEngagement[]): void {
    const wanted = [...new Set(engagements)].filter((e) => !this.cache.has(e)).sort((a, b) => a.start - b.start);
    if (wanted.length === 0) return;
    this.checkUnchanged();
    const slices = readSlices(this.path, wanted);
    const records = parse(Buffer.concat(slices), { ...PARSE_OPTIONS, delimiter: this.header.delimiter }) as string[][];
    const rows = records.filter((values) => !values.every((value) => value.trim() === ""));
    if (rows.length !== wanted.length) throw this.changed();
    for (const old of this.cache.keys()) {
      if (this.cache.size + wanted.length <= CACHE_SIZE) break;
      this.cache.delete(old);
    }
    wanted.forEach((engagement, index) => this.cache.set(engagement, this.toDetails(engagement, rows[index]!)));
  }

  private toDetails(engagement: StoredEngagement, values: readonly string[]): EngagementDetails {
    const cells: Record<string, string> = {};
    const { kept, columns, labels } = this.header;
    for (let n = 0; n < kept.length; n++) cells[columns[n]!] = values[kept[n]!] ?? "";
    const result = this.schema.safeParse(cells);
    if (!result.success || result.data.id !== engagement.id) throw this.changed();
    const row = result.data;
    return {
      title: row.title,
      location: row.location,
      officials: row.officials,
      summary: row.summary,
      sourceUrl: row.source_url,
      extra: Object.fromEntries(this.unknown.map((column) => [labels[column] ?? column, cells[column] ?? ""])),
    };
  }

  private checkUnchanged(): void {
    let stat;
    try {
      stat = statSync(this.path);
    } catch {
      throw this.changed();
    }
    if (stat.size !== this.size || stat.mtimeMs !== this.modified) throw this.changed();
  }

  private changed(): BriefkitError {
    return new BriefkitError({
      code: "invalid_input",
      location: this.path,
      message: `${this.path} changed while the reports were being made from it; nothing was written. Build again`,
    });
  }
}

/** Each engagement's row, as bytes, ending with a line end. */
function readSlices(path: string, engagements: readonly StoredEngagement[]): Buffer[] {
  const fd = openSync(path, "r");
  try {
    return engagements.map((e) => {
      const bytes = Buffer.alloc(e.end - e.start + 1);
      let read = readSync(fd, bytes, 0, e.end - e.start, e.start);
      const last = bytes[read - 1];
      // The last row of a file may have no line end.
      if (last !== 0x0a && last !== 0x0d) bytes[read++] = 0x0a;
      return bytes.subarray(0, read);
    });
  } finally {
    closeSync(fd);
  }
}

/** An engagement of an EngagementFile: short fields held, long text read from the file when asked for. */
export class StoredEngagement implements Engagement {
  readonly id: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly partners: string[];
  readonly topics: string[];
  readonly kind: EngagementKind;
  readonly status: Status;
  readonly line: number;

  constructor(
    head: EngagementHead,
    readonly file: EngagementFile,
    readonly start: number,
    readonly end: number,
  ) {
    this.id = head.id;
    this.startDate = head.startDate;
    this.endDate = head.endDate;
    this.partners = head.partners;
    this.topics = head.topics;
    this.kind = head.kind;
    this.status = head.status;
    this.line = head.line;
  }

  get title(): string {
    return this.file.details(this).title;
  }
  get location(): string {
    return this.file.details(this).location;
  }
  get officials(): string[] {
    return this.file.details(this).officials;
  }
  get summary(): string {
    return this.file.details(this).summary;
  }
  get sourceUrl(): string | null {
    return this.file.details(this).sourceUrl;
  }
  get extra(): Record<string, string> {
    return this.file.details(this).extra;
  }
}

/**
 * Reads the long text of engagements held in files before they are used,
 * a batch per file; engagements held whole are left as they are.
 */
export function readDetails(engagements: Iterable<Engagement>): void {
  const byFile = new Map<EngagementFile, StoredEngagement[]>();
  for (const e of engagements) {
    if (!(e instanceof StoredEngagement)) continue;
    const list = byFile.get(e.file);
    if (list === undefined) byFile.set(e.file, [e]);
    else list.push(e);
  }
  for (const [file, list] of byFile) file.read(list);
}

/** Maps engagements in order, reading the long text of those held in files a batch at a time. */
export function mapWithDetails<T>(engagements: readonly Engagement[], map: (e: Engagement) => T): T[] {
  const result: T[] = [];
  for (let from = 0; from < engagements.length; from += CACHE_SIZE) {
    const batch = engagements.slice(from, from + CACHE_SIZE);
    readDetails(batch);
    for (const e of batch) result.push(map(e));
  }
  return result;
}
