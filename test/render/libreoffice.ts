import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// LibreOffice reads this from a throwaway profile: recalculate every formula on load, never trust cached results.
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The program to run in LibreOffice's place, for tests of the retry itself. */
export interface ConvertOptions {
  command?: string;
  args?: string[];
}

/**
 * Opens each workbook in LibreOffice with recalculation forced and saves it
 * again; returns the saved bytes by name. Under load soffice sometimes exits
 * without writing some of its outputs: those are converted once more, and a
 * file still missing then fails with its name and what soffice printed.
 */
export async function convertWithLibreOffice(files: Record<string, Uint8Array>, options: ConvertOptions = {}): Promise<Record<string, Uint8Array>> {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-lo-"));
  try {
    await mkdir(join(dir, "profile", "user"), { recursive: true });
    await writeFile(join(dir, "profile", "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    const names = Object.keys(files);
    for (const name of names) await writeFile(join(dir, `${name}.xlsx`), files[name]!);
    const output = (name: string) => join(dir, "out", `${name}.xlsx`);
    let report = runSoffice(dir, names, options);
    let missing = names.filter((name) => !existsSync(output(name)));
    if (missing.length > 0) {
      report = runSoffice(dir, missing, options);
      missing = missing.filter((name) => !existsSync(output(name)));
    }
    if (missing.length > 0) {
      const which = missing.map((name) => `out/${name}.xlsx`).join(", ");
      throw new Error(`soffice did not write ${which}, tried twice; the second time it ${report}`);
    }
    const result: Record<string, Uint8Array> = {};
    for (const name of names) result[name] = new Uint8Array(await readFile(output(name)));
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs one conversion; returns how it ended, for a failure's message. */
function runSoffice(dir: string, names: readonly string[], options: ConvertOptions): string {
  const args = [
    `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
    "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "out"), ...names.map((name) => join(dir, `${name}.xlsx`)),
  ];
  const run = spawnSync(options.command ?? "soffice", [...(options.args ?? []), ...args], { encoding: "utf8", timeout: 150_000 });
  const ended = run.error !== undefined ? `failed (${run.error.message})` : run.signal !== null ? `was stopped by ${run.signal}` : `exited ${run.status}`;
  return `${ended}; stderr: ${run.stderr?.trim() || "(empty)"}; stdout: ${run.stdout?.trim() || "(empty)"}`;
}
