import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BriefkitError } from "../../src/errors.js";
import { writeReports, type ReportFile, type WriteSystem } from "../../src/output/write.js";

const FILES: ReportFile[] = [
  { format: "xlsx", name: "briefing-2025-W07.xlsx", bytes: new TextEncoder().encode("new workbook") },
  { format: "pdf", name: "briefing-2025-W07.pdf", bytes: new TextEncoder().encode("new packet") },
];

/** The real file system, with one call made to fail the way a full disk does. */
function failing(options: { on: "writeFile" | "copyFile" | "rename"; call: number; error?: Error }): WriteSystem & { calls: string[] } {
  let count = 0;
  const calls: string[] = [];
  const fail = (name: string) => {
    calls.push(name);
    if (name.startsWith(options.on) && ++count === options.call) {
      throw options.error ?? Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }
  };
  return {
    calls,
    mkdir: (path) => mkdir(path, { recursive: true }),
    writeFile: async (path, bytes) => {
      fail(`writeFile ${path}`);
      await writeFile(path, bytes.subarray(0, 3));
    },
    copyFile: async (from, to) => {
      fail(`copyFile ${to}`);
      await copyFile(from, to);
    },
    rename: async (from, to) => {
      fail(`rename ${to}`);
      await rename(from, to);
    },
    rm: (path) => rm(path, { force: true }),
  };
}

async function lastWeeksReports(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-write-"));
  await writeFile(join(dir, "briefing-2025-W07.xlsx"), "good workbook");
  await writeFile(join(dir, "briefing-2025-W07.pdf"), "good packet");
  return dir;
}

describe("writeReports", () => {
  it.each([
    ["the first file's write", { on: "writeFile" as const, call: 1 }],
    ["the second file's write", { on: "writeFile" as const, call: 2 }],
  ])("a full disk during %s ⇒ the reports that stood are untouched, no temporary file left", async (_, failure) => {
    const dir = await lastWeeksReports();
    const system = failing(failure);
    const error = await writeReports({ dir, files: FILES, system }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).message).toMatch(/briefing-2025-W07\.(xlsx|pdf): cannot write the report: the disk is full$/);
    expect((await readdir(dir)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
    expect(await readFile(join(dir, "briefing-2025-W07.xlsx"), "utf8")).toBe("good workbook");
    expect(await readFile(join(dir, "briefing-2025-W07.pdf"), "utf8")).toBe("good packet");
  });

  it("writes only temporary names, then renames each into place", async () => {
    const dir = await lastWeeksReports();
    const system = failing({ on: "rename", call: 99 });
    await writeReports({ dir, files: FILES, system });
    const writes = system.calls.filter((c) => c.startsWith("writeFile")).map((c) => c.slice(c.lastIndexOf("/") + 1));
    expect(writes.every((name) => /^\.briefing-2025-W07\.(xlsx|pdf)\.[0-9a-f]{12}\.tmp$/.test(name))).toBe(true);
    expect(system.calls.map((c) => c.split(" ")[0])).toEqual(["writeFile", "writeFile", "rename", "rename"]);
    expect((await readdir(dir)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
  });

  it("aborted after the first file ⇒ the signal's reason, the reports that stood untouched, no temporary file left", async () => {
    const dir = await lastWeeksReports();
    const controller = new AbortController();
    const system = failing({ on: "rename", call: 99 });
    const writeFile = system.writeFile;
    system.writeFile = async (path, bytes) => {
      await writeFile(path, bytes);
      controller.abort(new Error("stopped by SIGINT"));
    };
    await expect(writeReports({ dir, files: FILES, system, signal: controller.signal })).rejects.toThrow("stopped by SIGINT");
    expect(system.calls.map((c) => c.split(" ")[0])).toEqual(["writeFile"]);
    expect((await readdir(dir)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
    expect(await readFile(join(dir, "briefing-2025-W07.xlsx"), "utf8")).toBe("good workbook");
  });

  it("a failed rename ⇒ no temporary file left, the error names the report", async () => {
    const dir = await lastWeeksReports();
    const system = failing({ on: "rename", call: 1, error: Object.assign(new Error("EBUSY"), { code: "EBUSY" }) });
    await expect(writeReports({ dir, files: FILES, system })).rejects.toThrow(/briefing-2025-W07\.xlsx: cannot write the report: the file is open in another program/);
    expect((await readdir(dir)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
    expect(await readFile(join(dir, "briefing-2025-W07.xlsx"), "utf8")).toBe("good workbook");
  });

  it("a report spooled to a file ⇒ copied into place, the file it came from kept", async () => {
    const dir = await lastWeeksReports();
    const spool = join(await mkdtemp(join(tmpdir(), "briefkit-spool-")), "workbook.xlsx");
    await writeFile(spool, "big workbook");
    const spooled: ReportFile = { format: "xlsx", name: "briefing-2025-W07.xlsx", path: spool, bytes: new Uint8Array() };
    const system = failing({ on: "rename", call: 99 });
    await writeReports({ dir, files: [spooled, FILES[1]!], system });
    expect(system.calls.map((c) => c.split(" ")[0])).toEqual(["copyFile", "writeFile", "rename", "rename"]);
    expect(await readFile(join(dir, "briefing-2025-W07.xlsx"), "utf8")).toBe("big workbook");
    expect(await readFile(spool, "utf8")).toBe("big workbook");
  });

  it("a full disk while a spooled report is copied ⇒ the reports that stood are untouched, no temporary file left", async () => {
    const dir = await lastWeeksReports();
    const spool = join(await mkdtemp(join(tmpdir(), "briefkit-spool-")), "workbook.xlsx");
    await writeFile(spool, "big workbook");
    const spooled: ReportFile = { format: "xlsx", name: "briefing-2025-W07.xlsx", path: spool, bytes: new Uint8Array() };
    await expect(writeReports({ dir, files: [spooled, FILES[1]!], system: failing({ on: "copyFile", call: 1 }) })).rejects.toThrow(/briefing-2025-W07\.xlsx: cannot write the report: the disk is full$/);
    expect((await readdir(dir)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
    expect(await readFile(join(dir, "briefing-2025-W07.xlsx"), "utf8")).toBe("good workbook");
  });

  it("an error that is not the file system's ⇒ passed on as it is (a bug)", async () => {
    const dir = await lastWeeksReports();
    const bug = new TypeError("not a function");
    const error = await writeReports({ dir, files: FILES, system: failing({ on: "writeFile", call: 1, error: bug }) }).catch((e: unknown) => e);
    expect(error).toBe(bug);
    expect(await readdir(dir)).toHaveLength(2);
  });
});
