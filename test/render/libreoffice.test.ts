import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { convertWithLibreOffice } from "./libreoffice.js";

// A stand-in for soffice, run by node: argv[1] is a file counting its runs,
// argv[2] how many runs write nothing; after those it copies each input into
// --outdir, as a conversion does. Every run says which run it is on stderr.
const STAND_IN = `
const fs = require("node:fs"), path = require("node:path");
const [counter, silentRuns, ...args] = process.argv.slice(1);
const run = (fs.existsSync(counter) ? Number(fs.readFileSync(counter, "utf8")) : 0) + 1;
fs.writeFileSync(counter, String(run));
process.stderr.write("run " + run + ": no output");
if (run <= Number(silentRuns)) process.exit(0);
const out = args[args.indexOf("--outdir") + 1];
fs.mkdirSync(out, { recursive: true });
for (const file of args.filter((arg) => arg.endsWith(".xlsx"))) fs.copyFileSync(file, path.join(out, path.basename(file)));
`;

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function standIn(silentRuns: number): Promise<{ command: string; args: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-lo-stand-in-"));
  folders.push(dir);
  return { command: process.execPath, args: ["-e", STAND_IN, "--", join(dir, "runs"), String(silentRuns)] };
}

const files = { a: new Uint8Array([1, 2, 3]), b: new Uint8Array([4, 5]) };

describe("convertWithLibreOffice", () => {
  it("every output written at once ⇒ the bytes of each, by name", async () => {
    expect(await convertWithLibreOffice(files, await standIn(0))).toEqual(files);
  });

  it("no output the first time ⇒ converted again, and the second run's outputs returned", async () => {
    expect(await convertWithLibreOffice(files, await standIn(1))).toEqual(files);
  });

  it("no output twice ⇒ fails naming each file not written and what soffice printed", async () => {
    await expect(convertWithLibreOffice(files, await standIn(2))).rejects.toThrow(
      "soffice did not write out/a.xlsx, out/b.xlsx, tried twice; the second time it exited 0; stderr: run 2: no output; stdout: (empty)",
    );
  });
});
