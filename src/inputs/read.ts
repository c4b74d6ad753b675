import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Issue } from "../errors.js";
import { INPUT_FILES, type InputKind } from "./schemas.js";
import { readXlsxInput, type ParsedTable } from "./xlsx.js";

/** One input file as read from disk: its bytes, `null` when it is not there, or why it could not be read. */
export interface InputFile {
  path: string;
  bytes: Uint8Array | null;
  /** Set when the file is there but cannot be read (a folder, no permission). */
  unreadable?: string;
  /** The sheet of an .xlsx of the same name, read in place of a CSV file that is not there. */
  sheet?: ParsedTable;
  /** Set when the file is there and left unread, to be streamed. */
  stream?: boolean;
}

/** The bytes of each input file. */
export type InputFiles = Record<InputKind, InputFile>;

/**
 * Reads the four input files of a folder; the one named by `stream`, when
 * it is a file, is left unread for the caller to stream. Never throws for a
 * file: what went wrong is kept for an issue.
 */
export async function readInputFiles(dir: string, options: { stream?: InputKind } = {}): Promise<InputFiles> {
  const entries = await Promise.all(
    (Object.keys(INPUT_FILES) as InputKind[]).map(async (kind) => {
      const path = join(dir, INPUT_FILES[kind].name);
      return [kind, kind === options.stream && (await isFile(path)) ? { path, bytes: null, stream: true } : await readInputFile(path)] as const;
    }),
  );
  return Object.fromEntries(entries) as InputFiles;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Reads one input file, or the .xlsx standing in for a missing CSV file. */
export async function readInputFile(path: string): Promise<InputFile> {
  try {
    return { path, bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return (await readXlsxInstead(path)) ?? { path, bytes: null };
    return { path, bytes: null, unreadable: code ?? String(error) };
  }
}

async function readXlsxInstead(csvPath: string): Promise<InputFile | null> {
  const path = csvPath.replace(/\.csv$/, ".xlsx");
  try {
    return await readXlsxInput(path);
  } catch (error) {
    return { path, bytes: null, unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** The issue for a file that is missing, cannot be read or is not text; `null` when it is fine to go on. */
export function fileIssue(kind: InputKind, file: InputFile, problem: "missing" | "binary" | "too_large"): Issue | null {
  const spec = INPUT_FILES[kind];
  const base = { file: file.path, line: null, column: null, value: null, severity: "error" as const };
  if (file.unreadable !== undefined) {
    return { ...base, code: "file_unreadable", ...unreadable(file.unreadable) };
  }
  if (problem === "too_large") {
    return {
      ...base, code: "file_unreadable",
      message: `the file is too large to read at once (${Math.round((file.bytes?.length ?? 0) / 1_048_576)} MB); briefkit reads files of up to about 500 million characters`,
      hint: "split the archive, for example one file per year, and build from the years the packet needs",
    };
  }
  if (problem === "binary") {
    return {
      ...base, code: "file_binary",
      message: "the file is not text (it may be an Excel workbook or another file renamed to .csv)",
      hint: 'open it in Excel and use "Save As" → "CSV UTF-8 (Comma delimited)"',
    };
  }
  if (spec.optionalFile) return null;
  return {
    ...base, code: "file_missing",
    message: "the file is missing",
    hint: `every inputs folder needs ${spec.name}, with a first row of column names such as ${spec.required.join(",")}`,
  };
}

function unreadable(code: string): { message: string; hint: string } {
  if (code === "EISDIR") return { message: "this is a folder, not a file", hint: "put the CSV file itself at this path" };
  if (code === "EACCES" || code === "EPERM") {
    return { message: "you do not have permission to read the file", hint: "check the file's permissions, or copy it to a folder of your own" };
  }
  return { message: `the file cannot be read (${code})`, hint: "check that the file is not open in another program or on a drive that is gone" };
}

/** The hint for an empty file: the header row it needs. */
export function emptyFileHint(kind: InputKind): string {
  return `start the file with a row of column names, for example: ${INPUT_FILES[kind].required.join(",")}`;
}
