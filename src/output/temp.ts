import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const atExit = new Set<string>();
const cleanup = new FinalizationRegistry<string>(removeNow);
process.once("exit", () => atExit.forEach(removeNow));

/**
 * Makes a folder in the system's temporary folder (`TMPDIR`) that is
 * removed once `owner` is no longer referred to, or at exit, whichever
 * comes first: a long `--watch` session builds many reports.
 */
export function temporaryFolder(prefix: string, owner: object): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  atExit.add(folder);
  cleanup.register(owner, folder);
  return folder;
}

/**
 * Removes a file or folder at exit unless the returned function is called
 * first: for a file that is only there while it is being written.
 */
export function removeAtExit(path: string): () => void {
  atExit.add(path);
  return () => atExit.delete(path);
}

function removeNow(path: string): void {
  atExit.delete(path);
  rmSync(path, { recursive: true, force: true });
}
