import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NumberColumn } from "./columns.js";
import { HeadColumns, type EngagementHead } from "./head-columns.js";
import type { Engagement } from "./schemas.js";
import { CACHE_SIZE, StoredEngagement } from "./stored-engagement.js";

export type { EngagementHead } from "./head-columns.js";
export { mapWithDetails, plainEngagement, readDetails, StoredEngagement, withDetails } from "./stored-engagement.js";

/** The long text of an engagement: what a DetailStore keeps on disk. */
export interface EngagementDetails {
  title: string;
  location: string;
  officials: string[];
  summary: string;
  sourceUrl: string | null;
  extra: Record<string, string>;
}

const WRITE_BUFFER = 1 << 20;

interface OpenFile {
  fd: number;
  dir: string;
}

// A store's file is removed once nothing refers to its engagements (a long --watch session loads many), or at exit.
// Made with the first store, so that importing the library leaves the process as it was.
const open = new Set<OpenFile>();
let cleanup: FinalizationRegistry<OpenFile> | null = null;

function track(owner: object, file: OpenFile): void {
  if (cleanup === null) {
    cleanup = new FinalizationRegistry<OpenFile>(removeFile);
    process.once("exit", () => open.forEach(removeFile));
  }
  open.add(file);
  cleanup.register(owner, file);
}

/**
 * The long text of a large archive's engagements, written to a temporary
 * file as rows are read and read back when a report shows them, so that the
 * archive is never held in memory. The text is what validation made of the
 * row: the input file can change afterwards without changing the report.
 */
export class DetailStore {
  private readonly fd: number;
  private readonly dir: string;
  /** The short fields of the store's engagements, by row. */
  readonly heads = new HeadColumns();
  // Rows follow one another in the file: where one ends, the next begins.
  private readonly ends = new NumberColumn();
  private readonly cache = new Map<number, EngagementDetails>();
  // Rows are encoded into one reusable buffer and written when it is full. Text held until then would outlive
  // a few young-generation collections and be promoted: the whole archive's text would pass through the old generation.
  private readonly buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  private pendingBytes = 0;
  private written = 0;
  private sealed = false;

  /** `extraColumns`: the headers of the extra columns, in the order their values are stored. */
  constructor(private readonly extraColumns: readonly string[]) {
    this.dir = mkdtempSync(join(tmpdir(), "briefkit-details-"));
    this.fd = openSync(join(this.dir, "details"), "w+");
    // Where the system allows it, the file is removed at once and lives on through its descriptor,
    // so that nothing is left behind even when the process is killed; elsewhere it goes at exit.
    try {
      rmSync(this.dir, { recursive: true });
    } catch {
      // Kept until exit.
    }
    const file = { fd: this.fd, dir: this.dir };
    track(this, file);
  }

  /** Keeps an engagement's short fields in columns and its long text in the file; the engagement is its row and id. */
  add(head: EngagementHead, details: EngagementDetails): Engagement {
    if (this.sealed) throw new Error("a sealed DetailStore takes no more rows");
    const json = JSON.stringify([details.title, details.location, details.officials, details.summary, details.sourceUrl, this.extraColumns.map((c) => details.extra[c] ?? "")]);
    const length = Buffer.byteLength(json);
    if (this.pendingBytes + length > this.buffer.length) this.flush();
    const engagement = new StoredEngagement(this, this.heads.add(head), head.id);
    this.ends.push(this.written + this.pendingBytes + length);
    if (length > this.buffer.length) this.writeAll(Buffer.from(json));
    else this.pendingBytes += this.buffer.write(json, this.pendingBytes);
    return engagement;
  }

  /** Lets go of what only adding rows needs: no rows can be added after. */
  seal(): void {
    this.sealed = true;
    this.heads.seal();
    this.ends.trim();
  }

  /** Where a row's long text begins in the file. */
  offset(row: number): number {
    return row === 0 ? 0 : this.ends.values[row - 1]!;
  }

  /** How many bytes a row's long text takes in the file. */
  length(row: number): number {
    return this.ends.values[row]! - this.offset(row);
  }

  /** The long text of one of this store's rows. */
  details(row: number): EngagementDetails {
    const cached = this.cache.get(row);
    if (cached !== undefined) return cached;
    this.read([row]);
    return this.cache.get(row)!;
  }

  /** Reads the long text of these rows, in file order, so that asking for it afterwards is free. */
  read(rows: readonly number[]): void {
    this.flush();
    const wanted = [...new Set(rows)].filter((row) => !this.cache.has(row)).sort((a, b) => a - b);
    for (const old of this.cache.keys()) {
      if (this.cache.size + wanted.length <= CACHE_SIZE) break;
      this.cache.delete(old);
    }
    const buffer = Buffer.allocUnsafe(wanted.reduce((longest, row) => Math.max(longest, this.length(row)), 0));
    for (const row of wanted) {
      const length = this.length(row);
      readSync(this.fd, buffer, 0, length, this.offset(row));
      const [title, location, officials, summary, sourceUrl, extra] = JSON.parse(buffer.toString("utf8", 0, length)) as [string, string, string[], string, string | null, string[]];
      this.cache.set(row, { title, location, officials, summary, sourceUrl, extra: Object.fromEntries(this.extraColumns.map((c, i) => [c, extra[i] ?? ""])) });
    }
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const pending = this.pendingBytes;
    this.pendingBytes = 0;
    this.writeAll(this.buffer.subarray(0, pending));
  }

  private writeAll(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    this.written += bytes.length;
  }
}

function removeFile(file: OpenFile): void {
  open.delete(file);
  try {
    closeSync(file.fd);
  } catch {
    // Closed already.
  }
  rmSync(file.dir, { recursive: true, force: true });
}
