import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { abortOnSignals } from "../../src/cli/interrupt.js";
import { Interrupted } from "../../src/cli/io.js";

const CLI = resolve("dist/cli.js");

/** Starts the CLI; `until` is polled every 20 ms, and when it holds the process is sent `signal`. Resolves with its exit code. */
function interrupt(args: string[], options: { env?: NodeJS.ProcessEnv; until: (stderr: string) => boolean; signal: NodeJS.Signals }): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...options.env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const poll = setInterval(() => {
    if (!options.until(stderr)) return;
    clearInterval(poll);
    child.kill(options.signal);
  }, 20);
  return new Promise((done) =>
    child.on("exit", (code) => {
      clearInterval(poll);
      done(code);
    }),
  );
}

describe("a build stopped by a signal", () => {
  // One archive for both signals: the build only reads it.
  let inputs: string;
  beforeAll(async () => {
    inputs = join(await mkdtemp(join(tmpdir(), "briefkit-interrupt-")), "inputs");
    await writeGeneratedInputs(inputs, { engagements: 20_000, partners: 10, topics: 8, seed: 4, longSummaries: true });
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s while the big workbook is written ⇒ exit %i, its temporary folder removed, no report and no partial file", async (signal, code) => {
    const root = await mkdtemp(join(tmpdir(), "briefkit-interrupt-"));
    const temporary = join(root, "tmp");
    await mkdir(temporary);
    const out = join(root, "reports");
    const reportFolder = () => readdirSync(temporary).some((name) => name.startsWith("briefkit-report-"));
    const exit = await interrupt(["build", "--inputs", inputs, "--out", out, "--week", "2025-W07", "--quiet"], { env: { TMPDIR: temporary }, until: reportFolder, signal });
    expect(exit).toBe(code);
    expect(readdirSync(temporary)).toEqual([]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("SIGINT while build --watch waits ⇒ the watch stops as it did, exit 0", async () => {
    const exit = await interrupt(["build", "--watch", "--week", "2025-W07", "--out", join(await mkdtemp(join(tmpdir(), "briefkit-interrupt-")), "reports")], {
      until: (stderr) => stderr.includes("watching for changes"),
      signal: "SIGINT",
    });
    expect(exit).toBe(0);
  });
});

describe("abortOnSignals", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s ⇒ the controller aborted with Interrupted (exit %i); a second ⇒ exit at once; removed ⇒ no listener left", (signal, code) => {
    const proc = Object.assign(new EventEmitter(), { exits: [] as number[], exit(this: { exits: number[] }, c: number) { this.exits.push(c); } });
    const controller = new AbortController();
    const remove = abortOnSignals(controller, proc as unknown as NodeJS.Process);
    proc.emit(signal);
    expect(controller.signal.reason).toBeInstanceOf(Interrupted);
    expect(controller.signal.reason).toMatchObject({ signal, exitCode: code });
    expect(proc.exits).toEqual([]);
    proc.emit(signal);
    expect(proc.exits).toEqual([code]);
    remove();
    expect([proc.listenerCount("SIGINT"), proc.listenerCount("SIGTERM")]).toEqual([0, 0]);
  });
});
