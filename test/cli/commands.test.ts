import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Interrupted } from "../../src/cli/io.js";
import { copySamples, runBriefkit } from "../helpers.js";

const run = (args: string[], cwd?: string) => runBriefkit(args, { cwd });

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "briefkit-cli-"));
}

describe("help and wrong flags", () => {
  it.each(["build", "validate", "init", "template-inputs"])("%s --help ⇒ options and examples", async (command) => {
    const { code, stdout } = await run([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: briefkit ${command}`);
    expect(stdout).toMatch(new RegExp(`Examples:\\n  briefkit ${command}`));
  });

  it.each([
    [["biuld"], "(Did you mean build?)"],
    [["build", "--last-weak"], "(Did you mean --last-week?)"],
    [["build", "--mont", "2025-02"], "(Did you mean --month?)"],
    [["validate", "--jsn"], "(Did you mean --json?)"],
    [["init", "--forse"], "(Did you mean --force?)"],
    [["template-inputs", "--forc"], "(Did you mean --force?)"],
    [["build", "--quiet", "--json"], "option '--quiet' cannot be used with option '--json'"],
  ])("%j ⇒ exit 2, %s and a pointer to --help", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Run `briefkit --help` or `briefkit <command> --help` for the options.");
  });

  it.each([
    [["build", "--xyz"], "briefkit build takes: --inputs, --templates, --out, --week, --month, --from, --to, --last-week, --as-of, --format, --locale,"],
    [["init", "--xyz"], "briefkit init takes: --force"],
    [["frobnicate"], "briefkit commands: build, validate, inspect, init, template-inputs"],
  ])("%j, with no near miss ⇒ exit 2 and the flags or commands that exist", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it.each([
    [["build", "--month", "2025-13"], 'briefkit: --month "2025-13" is not a month; write it as YYYY-MM, for example 2025-02\n'],
    [["build", "--locale", "fr"], 'briefkit: --locale "fr" is not a known locale; use en-US or es-PE\n'],
  ])("%j ⇒ exit 2 and %j", async (args, message) => {
    const { code, stderr } = await run(args);
    expect([code, stderr]).toEqual([2, message]);
  });
});

describe("runCommand", () => {
  it("each command by name, with its own arguments ⇒ what the command line gives for it", async () => {
    const { COMMANDS, runCommand } = await import("../../src/cli/program.js");
    let text = "";
    const io = { stdout: { write: (t: string) => (text += t) }, stderr: { write: (t: string) => (text += t) }, cwd: process.cwd(), env: process.env, isTTY: false };
    for (const name of COMMANDS) {
      text = "";
      expect(await runCommand(name, ["--help"], io)).toBe(0);
      expect(text).toBe((await run([name, "--help"])).stdout);
      expect(text).toContain(`Usage: briefkit ${name}`);
    }
  });
});

describe("stopped by a signal (the bin aborts io.signal on Ctrl-C or a kill)", () => {
  const stopped = () => AbortSignal.abort(new Interrupted("SIGINT", 130));

  it.each([["validate"], ["inspect", "reports/briefing-2025-W07.pdf"], ["template-inputs", "--force"]])("%s ⇒ exit 130 at once, nothing printed", async (...args) => {
    const dir = await copySamples();
    expect(await runBriefkit(args, { cwd: dir, signal: stopped() })).toEqual({ code: 130, stdout: "", stderr: "" });
    expect(existsSync(join(dir, "inputs/engagements.xlsx"))).toBe(false);
  });

  it("build ⇒ exit 130, nothing written; on a terminal the prompt starts on a new line", async () => {
    const dir = await copySamples();
    expect(await runBriefkit(["build", "--week", "2025-W07"], { cwd: dir, signal: stopped(), isTTY: true })).toEqual({ code: 130, stdout: "", stderr: "\n" });
    expect(existsSync(join(dir, "reports"))).toBe(false);
  });
});

describe("build for scripts and for several periods", () => {
  it("--week twice ⇒ one packet each; --json prints the paths and issues", async () => {
    const out = join(await tempDir(), "out");
    const { code, stdout, stderr } = await run(["build", "--out", out, "--week", "2025-W06", "--week", "2025-W07", "--format", "xlsx", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ok: true,
      reports: [
        { period: "2025-W06", from: "2025-02-03", to: "2025-02-09", asOf: "2025-02-09", files: [join(out, "briefing-2025-W06.xlsx")] },
        { period: "2025-W07", from: "2025-02-10", to: "2025-02-16", asOf: "2025-02-16", files: [join(out, "briefing-2025-W07.xlsx")] },
      ],
      issues: [],
    });
  });

  it("--json with invalid inputs ⇒ exit 1, the issues as JSON, nothing written", async () => {
    const dir = await copySamples();
    await writeFile(join(dir, "inputs/partners.csv"), "id,name\n");
    const { code, stdout } = await run(["build", "--inputs", join(dir, "inputs"), "--out", join(dir, "out"), "--json", "--month", "2025-02"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { ok: boolean; issues: Array<{ code: string }> };
    expect(json.ok).toBe(false);
    expect(json.issues.length).toBeGreaterThan(0);
    expect(json.issues.every((issue) => issue.code === "reference_unknown")).toBe(true);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("--quiet ⇒ nothing on stdout or stderr; --month names the files by month", async () => {
    const out = join(await tempDir(), "out");
    const { code, stdout, stderr } = await run(["build", "--out", out, "--month", "2025-02", "--format", "pdf", "--quiet"]);
    expect([code, stdout, stderr]).toEqual([0, "", ""]);
    expect(await readdir(out)).toEqual(["briefing-2025-02.pdf"]);
  });

  it("flags > config > defaults: the config's out and formats, overridden by --format", async () => {
    const dir = await copySamples();
    await writeFile(join(dir, "briefkit.config.json"), JSON.stringify({ out: "packets", formats: ["pdf"], focus: "peru" }));
    expect((await run(["build", "--week", "2025-W07"], dir)).code).toBe(0);
    expect(await readdir(join(dir, "packets"))).toEqual(["briefing-2025-W07.pdf"]);
    expect((await run(["build", "--week", "2025-W07", "--format", "xlsx", "--out", "other"], dir)).code).toBe(0);
    expect(await readdir(join(dir, "other"))).toEqual(["briefing-2025-W07.xlsx"]);
  });
});

describe("a config in another folder", () => {
  it("build --config lima/briefkit.config.json from the folder above ⇒ lima's inputs and templates, reports in lima/reports", async () => {
    const root = await tempDir();
    const lima = join(root, "lima");
    await mkdir(lima);
    await cp("inputs", join(lima, "inputs"), { recursive: true });
    await cp("templates", join(lima, "templates"), { recursive: true });
    const labels = join(lima, "templates/workbook.json.hbs");
    await writeFile(labels, (await readFile(labels, "utf8")).replace('"About"', '"About Lima"'));
    await writeFile(join(lima, "briefkit.config.json"), "{}");
    const { code, stdout, stderr } = await run(["build", "--config", "lima/briefkit.config.json", "--week", "2025-W07", "--format", "xlsx"], root);
    expect(stderr).toBe("2025-W07: 1 engagement from 2025-02-10 to 2025-02-16, as of 2025-02-16; wrote 1 file\n");
    expect([code, stdout]).toEqual([0, "lima/reports/briefing-2025-W07.xlsx\n"]);
    const inspected = await runBriefkit(["inspect", "lima/reports/briefing-2025-W07.xlsx"], { cwd: root });
    expect(inspected.stdout).toMatch(/About Lima/);
  });

  it("validate --config lima/briefkit.config.json ⇒ lima's inputs; a missing inputs folder named as it was found", async () => {
    const root = await tempDir();
    await mkdir(join(root, "lima"));
    await writeFile(join(root, "lima/briefkit.config.json"), "{}");
    expect(await run(["validate", "--config", "lima/briefkit.config.json"], root)).toEqual({ code: 2, stdout: "", stderr: "briefkit: inputs folder lima/inputs: no such folder\n" });
    await cp("inputs", join(root, "lima/inputs"), { recursive: true });
    expect(await run(["validate", "--config", "lima/briefkit.config.json"], root)).toEqual({ code: 0, stdout: "", stderr: "lima/inputs: the inputs are valid\n" });
  });
});

describe("init, then build, as a new user would", () => {
  it("init DIR ⇒ a folder that builds at once; a second init refuses, naming the files", async () => {
    const dir = join(await tempDir(), "lima");
    const init = await run(["init", dir]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(join(dir, "briefkit.config.json"));
    expect(init.stderr).toContain(`cd ${dir} && briefkit build`);

    const csv = join(dir, "inputs/engagements.csv");
    await writeFile(csv, (await readFile(csv, "utf8")).replace("Bilateral staff talks", "Navy staff talks"));
    const build = await run(["build", "--format", "xlsx"], dir);
    expect(build.stderr).toMatch(/^\d{4}-W\d\d: 1 engagement from /);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^reports\/briefing-\d{4}-W\d\d\.xlsx\n$/);

    const again = await run(["init", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`these files exist already: ${join(dir, "briefkit.config.json")}`);
    expect(again.stderr).toContain("--force");
  });
});

describe("template-inputs", () => {
  it("writes inputs/engagements.xlsx with the lists of the folder; refuses to overwrite it", async () => {
    const dir = await copySamples();
    const first = await run(["template-inputs"], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("inputs/engagements.xlsx\n");
    expect(first.stderr).toMatch(/^\d+ partners and \d+ topics in its drop-down lists\.\n/);
    expect(first.stderr).toContain("inputs/engagements.csv is there");
    const second = await run(["template-inputs"], dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("inputs/engagements.xlsx exists already");
  });
});
