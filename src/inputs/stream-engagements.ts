import { statSync } from "node:fs";
import { basename } from "node:path";
import type { Issue } from "../errors.js";
import type { OnProgress } from "../progress.js";
import { streamCsv, type StreamEncoding } from "./csv-stream.js";
import { DetailStore } from "./detail-store.js";
import type { Loader } from "./load.js";
import { withoutPretenuring } from "./pretenuring.js";
import { firstOfEachId } from "./references.js";
import { INPUT_FILES, type Engagement } from "./schemas.js";
import { checkRow, missingColumns } from "./validate.js";

/**
 * Streams the engagements file: each row is validated, checked for a
 * duplicate id and resolved as it is read, and kept as an engagement whose
 * long text goes to a DetailStore. A file that is not UTF-8 is streamed
 * again as Windows-1252, as decodeText would read it (UTF-16 is found by its
 * mark). False when the file is not text (or is empty), for readEngagements
 * to read it whole instead and say why.
 */
export async function streamEngagements(loader: Loader, onProgress?: OnProgress): Promise<boolean> {
  for (const encoding of ["utf-8", "windows-1252"] as const) {
    const attempt = await streamAs(loader, encoding, onProgress);
    if (attempt === "not_utf8") continue;
    if (attempt === "not_streamable") return false;
    const { result, issues, engagements, extraColumns } = attempt;
    // A file with no usable table has only its own issues, as when it is read whole.
    loader.issues.push(...result.issues);
    if (!result.table) return true;
    loader.issues.push(...issues);
    loader.engagements = engagements;
    loader.extraColumns = extraColumns;
    return true;
  }
  return false;
}

// One reading of the file in one encoding; what a reading that fails collected is let go.
async function streamAs(loader: Loader, encoding: StreamEncoding, onProgress?: OnProgress) {
  const spec = INPUT_FILES.engagements;
  const path = loader.paths.engagements;
  const size = onProgress === undefined ? 0 : statSync(path).size;
  const issues: Issue[] = [];
  const engagements: Engagement[] = [];
  const isFirst = firstOfEachId(path, issues);
  let store: DetailStore | null = null;
  let labels: Record<string, string> = {};
  let unknown: string[] = [];
  let extraColumns: string[] = [];
  let usable = true;
  const result = await withoutPretenuring(() => streamCsv({
    path,
    file: path,
    encoding,
    onHeader: (header) => {
      labels = header.labels;
      const missing = missingColumns({ file: path, columns: header.columns, labels, required: spec.required });
      issues.push(...missing);
      usable = missing.length === 0;
      unknown = header.columns.filter((column) => !(spec.known as readonly string[]).includes(column));
      extraColumns = unknown.map((column) => labels[column] ?? column);
      if (usable) store = new DetailStore(extraColumns);
    },
    onRow: (row) => {
      if (!usable) return;
      const checked = checkRow({ file: path, row, labels, schema: loader.schemas.engagement, unknown });
      for (const issue of checked.issues) issues.push(issue);
      if (!isFirst(row.line, checked.row?.value.id ?? (row.cells.id ?? "").trim()) || checked.row === null) return;
      const head = loader.resolveEngagement(row.line, checked.row.value, issues);
      if (head === null) return;
      const { value, extra } = checked.row;
      engagements.push(store!.add(head, { title: value.title, location: value.location, officials: value.officials, summary: value.summary, sourceUrl: value.source_url, extra }));
    },
    onRead: onProgress && ((bytes) => onProgress({ step: "reading", file: basename(path), done: size > 0 ? Math.min(1, bytes / size) : 1 })),
  }));
  if (result.status !== "read") return result.status;
  (store as DetailStore | null)?.seal();
  return { result, issues, engagements, extraColumns };
}
