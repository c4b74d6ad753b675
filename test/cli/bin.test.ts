import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The commands run in-process everywhere else; this is the one check of the real entry point.
const CLI = resolve("dist/cli.js");

describe("the briefkit bin", () => {
  it("starts with a node shebang, and its exit code is the command's", () => {
    expect(readFileSync(CLI, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining("Usage: briefkit")]);
    const wrong = spawnSync(process.execPath, [CLI, "build", "--week", "2025-W99"], { encoding: "utf8" });
    expect([wrong.status, wrong.stderr]).toEqual([2, 'briefkit: --week "2025-W99" is not an ISO week; write it as YYYY-Www, for example 2025-W07\n']);
  });
});
