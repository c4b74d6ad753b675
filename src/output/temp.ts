import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const folders = new Set<string>();
const cleanup = new FinalizationRegistry<string>(removeFolder);
process.once("exit", () => folders.forEach(removeFolder));

/**
 * Makes a folder in the system's temporary folder (`TMPDIR`) that is
 * removed once `owner` is no longer referred to, or at exit, whichever
 * comes first: a long `--watch` session builds many reports.
 */
export function temporaryFolder(prefix: string, owner: object): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.add(folder);
  cleanup.register(owner, folder);
  return folder;
}

function removeFolder(folder: string): void {
  folders.delete(folder);
  rmSync(folder, { recursive: true, force: true });
}
