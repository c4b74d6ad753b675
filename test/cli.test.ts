import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { copySamples, editFile } from "./helpers.js";

const CLI = resolve("dist/cli.js");

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("briefkit validate", () => {
  it("the samples ⇒ exit 0", () => {
    const { code, stderr } = run(["validate"]);
    expect(code).toBe(0);
    expect(stderr).toBe("inputs: the inputs are valid\n");
  });

  it("a broken copy ⇒ exit 1 naming file, line and column", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/engagements.csv"), "2024-06-26,2024-06-26", "2024-06-31,2024-06-26");
    await editFile(join(dir, "inputs/engagements.csv"), "joint-training;intelligence-sharing", "joint-training;inteligence-sharing");
    const { code, stderr } = run(["validate", "--inputs", "inputs", "--config", join(process.cwd(), "briefkit.config.json")], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('inputs/engagements.csv:4 start_date: "2024-06-31" is not a date');
    expect(stderr).toContain('inputs/engagements.csv:6 topics: "inteligence-sharing" is not a known topic\n    hint: did you mean "intelligence-sharing"?');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--json prints the issues for machines", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/partners.csv"), "france,France", "france,");
    const { code, stdout } = run(["validate", "--inputs", join(dir, "inputs"), "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { valid: boolean; issues: Array<Record<string, unknown>> };
    expect(json.valid).toBe(false);
    expect(json.issues.find((issue) => issue.file === join(dir, "inputs/partners.csv"))).toEqual({
      file: join(dir, "inputs/partners.csv"), line: 4, column: "name", value: "", severity: "error",
      code: "value_required", message: "a value is required", hint: null,
    });
    expect(json.issues[0]).toMatchObject({
      line: 5, column: "partners", value: "france", code: "reference_unknown",
      message: `the partner "france" is on line 4 of ${join(dir, "inputs/partners.csv")}, which has errors`,
    });
  });
});

describe("briefkit build", () => {
  it("builds another folder of inputs for a given week and prints the paths", async () => {
    const dir = await copySamples();
    const out = join(dir, "out");
    const { code, stdout, stderr } = run(["build", "--inputs", join(dir, "inputs"), "--out", out, "--week", "2025-W07"]);
    expect(stderr).toBe("2025-W07: 1 engagement from 2025-02-10 to 2025-02-16, as of 2025-02-16; wrote 2 files\n");
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(out, "briefing-2025-W07.xlsx")}\n${join(out, "briefing-2025-W07.pdf")}\n`);
    expect((await readdir(out)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
  });

  it("a range and one format", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "briefkit-")), "out");
    const { code, stdout } = run(["build", "--out", out, "--from", "2024-09-01", "--to", "2024-09-30", "--format", "pdf"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(out, "briefing-2024-09-01_2024-09-30.pdf")}\n`);
  });

  it("invalid inputs ⇒ exit 1 and nothing written", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/engagements.csv"), "E-2024-02,", "E-2024-01,");
    const out = join(dir, "out");
    const { code, stderr, stdout } = run(["build", "--inputs", join(dir, "inputs"), "--out", out, "--week", "2025-W07"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('engagements.csv:5 id: the id "E-2024-01" is already used on line 4');
    expect(stderr).toContain("nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["build", "--weak", "2025-W07"], /unknown option '--weak'[\s\S]*Did you mean --week\?/],
    [["build", "--week", "2025-W99"], /--week "2025-W99" is not an ISO week/],
    [["build", "--inputs", "nowhere"], /--inputs nowhere: no such folder/],
    [["build", "--format", "docx"], /--format "docx" is not a list of formats/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("%j ⇒ exit 2", (args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
