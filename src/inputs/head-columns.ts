import { CodeTable, NumberColumn } from "./columns.js";
import type { EngagementKind, Status } from "./schemas.js";

/** The short fields of an engagement, held in memory for every row of an archive. */
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

/**
 * The short fields of many engagements, but their ids, in columns of
 * numbers: a date, a kind, a status or a list of ids is a code into a table
 * that holds each value once, so that a row costs a few bytes, not an object.
 */
export class HeadColumns {
  private readonly dates = new CodeTable<string | null>([null]);
  private readonly lists = new CodeTable<readonly string[]>();
  private readonly words = new CodeTable<string>();
  private readonly starts = new NumberColumn();
  private readonly ends = new NumberColumn();
  private readonly partnerLists = new NumberColumn();
  private readonly topicLists = new NumberColumn();
  private readonly kinds = new NumberColumn();
  private readonly statuses = new NumberColumn();
  private readonly lines = new NumberColumn();

  /** How many rows are held. */
  get length(): number {
    return this.lines.length;
  }

  /** Adds the short fields of a row (all but its id) and gives its row number. */
  add(head: EngagementHead): number {
    this.starts.push(this.date(head.startDate));
    this.ends.push(this.date(head.endDate));
    this.partnerLists.push(this.list(head.partners));
    this.topicLists.push(this.list(head.topics));
    this.kinds.push(this.words.code(head.kind, () => head.kind));
    this.statuses.push(this.words.code(head.status, () => head.status));
    this.lines.push(head.line);
    return this.lines.length - 1;
  }

  startDate(row: number): string {
    return this.dates.values[this.starts.values[row]!]!;
  }
  endDate(row: number): string | null {
    return this.dates.values[this.ends.values[row]!]!;
  }
  partners(row: number): string[] {
    return this.lists.values[this.partnerLists.values[row]!] as string[];
  }
  topics(row: number): string[] {
    return this.lists.values[this.topicLists.values[row]!] as string[];
  }
  kind(row: number): EngagementKind {
    return this.words.values[this.kinds.values[row]!] as EngagementKind;
  }
  status(row: number): Status {
    return this.words.values[this.statuses.values[row]!] as Status;
  }
  line(row: number): number {
    return this.lines.values[row]!;
  }

  /** Lets go of what only adding rows needs (room to grow, the tables' indexes): no rows can be added after. */
  seal(): void {
    for (const table of [this.dates, this.lists, this.words]) table.seal();
    for (const column of [this.starts, this.ends, this.partnerLists, this.topicLists, this.kinds, this.statuses, this.lines]) column.trim();
  }

  // Null, the end date of most engagements, is code 0.
  private date(text: string | null): number {
    return text === null ? 0 : this.dates.code(text, () => text);
  }

  // Lists are frozen: every engagement with the same partners holds the same array.
  private list(ids: string[]): number {
    return this.lists.code(ids.join("\u0000"), () => Object.freeze([...ids]));
  }
}
