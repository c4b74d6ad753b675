import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copySamples, editFile, PARTNERS, runBriefkit, TOPICS } from "./helpers.js";

const run = (args: string[], cwd?: string) => runBriefkit(args, { cwd });
const runAsync = (args: string[]) => runBriefkit(args);

describe("briefkit validate", () => {
  it("the samples ⇒ exit 0", async () => {
    const { code, stderr } = await run(["validate"]);
    expect(code).toBe(0);
    expect(stderr).toBe("inputs: the inputs are valid\n");
  });

  it("a broken copy ⇒ exit 1 naming file, line and column", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/engagements.csv"), "2024-06-26,2024-06-26", "2024-06-31,2024-06-26");
    await editFile(join(dir, "inputs/engagements.csv"), "joint-training;intelligence-sharing", "joint-training;inteligence-sharing");
    const { code, stderr } = await run(["validate", "--inputs", "inputs", "--config", join(process.cwd(), "briefkit.config.json")], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('inputs/engagements.csv:4 start_date: "2024-06-31" is not a date');
    expect(stderr).toContain('inputs/engagements.csv:6 topics: "inteligence-sharing" is not a known topic\n    hint: did you mean "intelligence-sharing"?');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--json prints the issues for machines", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/partners.csv"), "france,France", "france,");
    const { code, stdout } = await run(["validate", "--inputs", join(dir, "inputs"), "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { valid: boolean; issues: Array<Record<string, unknown>> };
    expect(json.valid).toBe(false);
    expect(json.issues.find((issue) => issue.file === join(dir, "inputs/partners.csv"))).toEqual({
      file: join(dir, "inputs/partners.csv"), line: 4, column: "name", value: "", severity: "error",
      code: "value_required", message: "a value is required", hint: "fill in name; every row needs one",
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
    const { code, stdout, stderr } = await run(["build", "--inputs", join(dir, "inputs"), "--out", out, "--week", "2025-W07"]);
    expect(stderr).toBe("2025-W07: 1 engagement from 2025-02-10 to 2025-02-16, as of 2025-02-16; wrote 2 files\n");
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(out, "briefing-2025-W07.xlsx")}\n${join(out, "briefing-2025-W07.pdf")}\n`);
    expect((await readdir(out)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
  });

  it("a range and one format", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "briefkit-")), "out");
    const { code, stdout } = await run(["build", "--out", out, "--from", "2024-09-01", "--to", "2024-09-30", "--format", "pdf"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(out, "briefing-2024-09-01_2024-09-30.pdf")}\n`);
  });

  it("invalid inputs ⇒ exit 1 and nothing written", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/engagements.csv"), "E-2024-02,", "E-2024-01,");
    const out = join(dir, "out");
    const { code, stderr, stdout } = await run(["build", "--inputs", join(dir, "inputs"), "--out", out, "--week", "2025-W07"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('engagements.csv:5 id: the id "E-2024-01" is already used on line 4');
    expect(stderr).toContain("nothing was written. Fix them, or add --allow-invalid to build without the rows that have errors\n");
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["build", "--weak", "2025-W07"], /unknown option '--weak'[\s\S]*Did you mean --week\?/],
    [["build", "--week", "2025-W99"], /--week "2025-W99" is not an ISO week/],
    [["build", "--inputs", "nowhere"], /--inputs nowhere: no such folder/],
    [["build", "--format", "docx"], /--format "docx" is not a list of formats/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("%j ⇒ exit 2", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("briefkit build --allow-invalid", () => {
  it("builds from the valid rows and lists every row left out in the workbook and the packet", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/engagements.csv"), "E-2024-02,2024-09-19", "E-2024-01,2024-09-31");
    await writeFile(join(dir, "inputs/initiatives.csv"), "year,partners,title\n");
    await editFile(join(dir, "inputs/initiatives.csv"), "year,partners,title\n", 'year,partners,title\n"2025,peru,Open quote\n');
    const out = join(dir, "out");
    const { code, stdout, stderr } = await runAsync(["build", "--inputs", join(dir, "inputs"), "--out", out, "--week", "2025-W07", "--allow-invalid"]);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(2);
    expect(stderr).toContain("engagements.csv:5 start_date:");
    expect(stderr).toContain("; built without 1 row and 1 file with errors; each is listed on the Issues sheet and in the packet's annex\n");
    // The operator's hint comes once, last, after the issues and their hints; the packet does not carry it.
    expect(stderr.endsWith("\n1 row and 1 file were left out; fix them (see the hints above) and build again to include them\n")).toBe(true);
    expect(stderr.split("were left out").length).toBe(2);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(out, "briefing-2025-W07.xlsx"))) as unknown as ArrayBuffer);
    const ids = (workbook.getWorksheet("Engagements")!.getColumn(1).values as unknown[]).slice(2);
    expect(ids).toHaveLength(8 - 1);
    const issues = workbook.getWorksheet("Issues")!;
    expect((issues.getRow(1).values as unknown[]).slice(1, 5)).toEqual(["Severity", "Left out of this workbook", "File", "Line"]);
    const rows = issues.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1, 6));
    expect(rows).toEqual([
      ["error", "This row", join(dir, "inputs/engagements.csv"), 5, "start_date"],
      ["error", "This row", join(dir, "inputs/engagements.csv"), 5, "id"],
      ["error", "The whole file", join(dir, "inputs/initiatives.csv"), 2, "year"],
    ]);

    const pdf = execFileSync("pdftotext", ["-raw", join(out, "briefing-2025-W07.pdf"), "-"]).toString("utf8")
      .replace(/\s+/g, " ")
      .replace(/(UNCLASSIFIED \/\/ FOR OFFICIAL USE ONLY )+Page \d+ of \d+ /g, "");
    expect(pdf).toContain("The inputs have 3 errors. This packet was built without the rows they are on");
    expect(pdf).not.toMatch(/build again|hints above/);
    expect(pdf).toContain(`${join(dir, "inputs/engagements.csv")}:5 start_date — row left out: "2024-09-31" is not a date`);
    expect(pdf).toContain(`${join(dir, "inputs/initiatives.csv")}:2 year — whole file left out: a value opens a quote`);
  });
});

describe("briefkit build --allow-invalid over two weeks", () => {
  it("the hint to fix the rows left out comes once, after both weeks; --quiet leaves it out", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/engagements.csv"), "E-2024-02,2024-09-19", "E-2024-02,2024-09-31");
    const args = ["build", "--inputs", join(dir, "inputs"), "--out", join(dir, "out"), "--week", "2025-W06", "--week", "2025-W07", "--format", "pdf", "--allow-invalid"];
    const { code, stderr } = await runAsync(args);
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("1 row was left out; fix them (see the hints above) and build again to include them");
    expect(lines.at(-2)).toMatch(/^2025-W07: /);
    expect(lines.filter((line) => line.includes("left out; fix them"))).toHaveLength(1);
    const quiet = await runAsync([...args, "--quiet"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain("left out; fix them");
  });
});

describe("briefkit build --allow-invalid with nothing valid", () => {
  it("an empty inputs folder ⇒ reports that say so, exit 0", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-empty-"));
    await mkdir(join(dir, "inputs"));
    const { code, stdout, stderr } = await runAsync(["build", "--inputs", join(dir, "inputs"), "--out", join(dir, "out"), "--week", "2025-W07", "--allow-invalid"]);
    expect(stderr).toContain("; built without 3 files with errors");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(2);
  });
});

describe.concurrent("user mistakes ⇒ a message, never a stack trace", () => {
  const noStack = (stderr: string) => {
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain("this is a bug");
  };

  it.each<[string, (dir: string) => Promise<string[]>, number, RegExp]>([
    ["config that is not JSON", async (dir) => {
      await writeFile(join(dir, "bad.json"), "{ title: 'x' }");
      return ["validate", "--inputs", join(dir, "inputs"), "--config", join(dir, "bad.json")];
    }, 1, /bad\.json:1:3: not valid JSON: Expected property name or .}. \(names and text go in double quotes/],
    ["config key misspelt", async (dir) => {
      await writeFile(join(dir, "bad.json"), '{ "dateOrdre": "DMY" }');
      return ["validate", "--inputs", join(dir, "inputs"), "--config", join(dir, "bad.json")];
    }, 1, /unknown key "dateOrdre" \(did you mean "dateOrder"\?\)/],
    ["config that is a folder", async (dir) => ["validate", "--inputs", join(dir, "inputs"), "--config", join(dir, "inputs")], 1, /cannot read the config file/],
    ["config that is not there", async (dir) => ["validate", "--inputs", join(dir, "inputs"), "--config", join(dir, "nope.json")], 1, /nope\.json: cannot read the config file/],
    ["--inputs names a file", async (dir) => ["validate", "--inputs", join(dir, "inputs/partners.csv")], 2, /partners\.csv: this is a file; give the folder that holds it/],
    ["an input file that is a folder", async (dir) => {
      await execFileSync("rm", [join(dir, "inputs/partners.csv")]);
      await mkdir(join(dir, "inputs/partners.csv"));
      return ["validate", "--inputs", join(dir, "inputs")];
    }, 1, /partners\.csv: this is a folder, not a file/],
    ["--out names a file", async (dir) => {
      await writeFile(join(dir, "out"), "");
      return ["build", "--inputs", join(dir, "inputs"), "--out", join(dir, "out"), "--week", "2025-W07"];
    }, 1, /out: cannot create the output folder: a file is in the way of a folder/],
    ["--out inside a file", async (dir) => {
      await writeFile(join(dir, "out"), "");
      return ["build", "--inputs", join(dir, "inputs"), "--out", join(dir, "out/reports"), "--week", "2025-W07"];
    }, 1, /cannot create the output folder: a file is in the way of a folder/],
  ])("%s ⇒ a message and the exit code", async (_, setup, exitCode, message) => {
    const dir = await copySamples();
    const { code, stderr } = await runAsync(await setup(dir));
    expect(stderr).toMatch(message);
    expect(code).toBe(exitCode);
    noStack(stderr);
  });

  it("a report open in another program (a folder in its place) ⇒ exit 1, the other report untouched", async () => {
    const dir = await copySamples();
    const out = join(dir, "out");
    await mkdir(join(out, "briefing-2025-W07.pdf"), { recursive: true });
    await writeFile(join(out, "briefing-2025-W07.xlsx"), "last week's good file");
    const { code, stderr } = await runAsync(["build", "--inputs", join(dir, "inputs"), "--out", out, "--week", "2025-W07"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/briefing-2025-W07\.pdf: cannot write the report: a folder has the report's name/);
    noStack(stderr);
    expect((await readdir(out)).sort()).toEqual(["briefing-2025-W07.pdf", "briefing-2025-W07.xlsx"]);
  });
});

describe.concurrent("briefkit validate lists everything", () => {
  it("issues of every file, sorted by file and line, warnings apart from errors", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/partners.csv"), "france,France", "france,");
    await editFile(join(dir, "inputs/engagements.csv"), "2024-06-26,2024-06-26", "2024-06-26,2024-06-25");
    await editFile(join(dir, "inputs/cooperation-areas.csv"), "defense-cooperation,Bilateral defense cooperation", "defense-cooperation,Bilateral < strong >defense< / strong > cooperation");
    const { code, stdout } = await runAsync(["validate", "--inputs", join(dir, "inputs"), "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { valid: boolean; issues: Array<Record<string, unknown>> };
    expect(Object.keys(json)).toEqual(["valid", "issues"]);
    for (const issue of json.issues) expect(Object.keys(issue)).toEqual(["file", "line", "column", "value", "severity", "code", "message", "hint"]);
    const where = json.issues.map((i) => [String(i.file).slice(dir.length + 1), i.line, i.severity, i.code]);
    expect(where).toEqual([...where].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])));
    expect(where).toContainEqual(["inputs/cooperation-areas.csv", 2, "warning", "markup_suspect"]);
    expect(where).toContainEqual(["inputs/engagements.csv", 4, "error", "date_order"]);
    expect(where).toContainEqual(["inputs/partners.csv", 4, "error", "value_required"]);
    expect(new Set(where.map((w) => w[0]))).toEqual(new Set(["inputs/cooperation-areas.csv", "inputs/engagements.csv", "inputs/partners.csv"]));
  });

  it("warnings only ⇒ exit 0, listed, with a count", async () => {
    const dir = await copySamples();
    await editFile(join(dir, "inputs/cooperation-areas.csv"), "defense-cooperation,Bilateral defense cooperation", "defense-cooperation,Bilateral&nbsp;defense cooperation");
    const { code, stderr } = await runAsync(["validate", "--inputs", join(dir, "inputs")]);
    expect(code).toBe(0);
    expect(stderr).toContain('cooperation-areas.csv:2 name: warning: the text holds "&nbsp;"');
    expect(stderr).toMatch(/the inputs are valid \(0 errors, 1 warning\)\n$/);
  });
});

describe("refused fixtures from the command line", () => {
  // One of each kind; test/inputs/fixtures.test.ts checks the text of every fixture in process.
  it("⇒ exit 1, file:line column: message, a hint, a count, no stack trace", async () => {
    const fixtures = ["unclosed-quote.csv", "not-text.csv", "missing-column.csv", "short-row.csv", "impossible-date.csv", "unknown-topic.csv"];
    const results = await Promise.all(fixtures.map(async (name) => {
      const dir = await mkdtemp(join(tmpdir(), "briefkit-refuse-"));
      await writeFile(join(dir, "partners.csv"), PARTNERS);
      await writeFile(join(dir, "cooperation-areas.csv"), TOPICS);
      await copyFile(join("test/fixtures/inputs/refuse", name), join(dir, "engagements.csv"));
      return { name, dir, ...(await runAsync(["validate", "--inputs", dir])) };
    }));
    for (const { name, dir, code, stderr } of results) {
      const lines = stderr.split("\n");
      expect([name, code]).toEqual([name, 1]);
      expect(lines[0], name).toMatch(new RegExp(`^${dir}/engagements\\.csv(:\\d+ [^:]+)?: \\S`));
      expect(lines[1], name).toMatch(/^ {4}hint: \S/);
      expect(stderr, name).toContain(`${dir}: the inputs have errors; fix them and run briefkit validate again (1 error, 0 warnings)\n`);
      expect(stderr, name).not.toMatch(/\n\s+at |this is a bug|undefined|\[object/);
    }
  });
});
