import { randomBytes } from "node:crypto";
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BriefkitError } from "../errors.js";
import type { Period } from "../model/period.js";

export type Format = "xlsx" | "pdf";

/** A finished report, not yet where it belongs. */
export interface ReportFile {
  format: Format;
  name: string;
  /** The report's bytes; for a spooled report, read from its file when asked for. */
  readonly bytes: Uint8Array;
  /** A temporary file holding the bytes, for a report too big to hold in memory (see spool.ts). */
  readonly path?: string;
  /** Removes the temporary file behind the bytes, if any; writeReports leaves that to whoever made the report. */
  dispose?(): void;
}

/** The file system calls writeReports makes; tests swap them to fail on purpose. */
export interface WriteSystem {
  mkdir: (path: string) => Promise<unknown>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  copyFile: (from: string, to: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (path: string) => Promise<void>;
}

const NODE_SYSTEM: WriteSystem = {
  mkdir: (path) => mkdir(path, { recursive: true }),
  writeFile: (path, bytes) => writeFile(path, bytes),
  copyFile: (from, to) => copyFile(from, to),
  rename,
  rm: (path) => rm(path, { force: true }),
};

/** `briefing-2025-W07.xlsx`, `briefing-2025-02-10_2025-02-16.pdf` */
export function reportName(period: Period, format: Format): string {
  return `briefing-${period.label}.${format}`;
}

/**
 * Writes the reports into a folder. Each file goes to a temporary name
 * first and is renamed into place only when all are written, so a crash or
 * a full disk never leaves a truncated report where the last good one stood.
 * Returns the paths written. A failure is a BriefkitError saying which file
 * and why; the temporary files are removed. An aborted `signal` stops it
 * before the next file, with no temporary file left and no report renamed.
 */
export async function writeReports(options: { dir: string; files: readonly ReportFile[]; system?: WriteSystem; signal?: AbortSignal }): Promise<string[]> {
  const fs = options.system ?? NODE_SYSTEM;
  await fs.mkdir(options.dir).catch((error: unknown) => {
    throw writeError(options.dir, error, "cannot create the output folder");
  });
  const staged: Array<{ temp: string; path: string }> = [];
  let current = options.dir;
  try {
    for (const file of options.files) {
      const path = join(options.dir, file.name);
      const temp = join(options.dir, `.${file.name}.${randomBytes(6).toString("hex")}.tmp`);
      options.signal?.throwIfAborted();
      staged.push({ temp, path });
      current = path;
      await (file.path === undefined ? fs.writeFile(temp, file.bytes) : fs.copyFile(file.path, temp));
    }
    options.signal?.throwIfAborted();
    for (const { temp, path } of staged) {
      current = path;
      await fs.rename(temp, path);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => fs.rm(temp).catch(() => undefined)));
    throw writeError(current, error, "cannot write the report");
  }
  return staged.map(({ path }) => path);
}

const REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "you do not have permission to write there",
  EPERM: "you do not have permission to write there",
  EROFS: "the drive is read-only",
  EEXIST: "a file is in the way of a folder",
  ENOTDIR: "a file is in the way of a folder",
  EISDIR: "a folder has the report's name",
  EBUSY: "the file is open in another program (close it in Excel or the PDF viewer)",
};

// Only a refusal of the file system is the user's to fix; anything else is a bug and goes on as it is.
function writeError(path: string, error: unknown, what: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string") return error;
  const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return new BriefkitError({ code: "output", location: path, message: `${path}: ${what}: ${reason}`, cause: error });
}
