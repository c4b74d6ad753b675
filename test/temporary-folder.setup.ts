import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Gives the whole run one temporary folder (TMPDIR, inherited by the test
 * workers and the processes they start) and removes it at the end, so that
 * the folders the tests make, and those a worker stopped before its exit
 * handlers could remove, are not left in the system's temporary folder.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "briefkit-tests-"));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
