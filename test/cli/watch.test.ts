import { mkdir, mkdtemp, readdir, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../src/cli/progress.js";
import { createRebuilder, isRelevantChange, watchPaths } from "../../src/cli/watch.js";
import { copySamples, editFile } from "../helpers.js";

function manualSchedule() {
  const timers = new Set<() => void>();
  const schedule: Schedule = (run) => {
    timers.add(run);
    return () => timers.delete(run);
  };
  return { schedule, fire: () => [...timers].forEach((run) => run()), live: () => timers.size };
}

describe("createRebuilder", () => {
  it("a burst of changes ⇒ one build after it settles", async () => {
    const clock = manualSchedule();
    let builds = 0;
    const rebuilder = createRebuilder({ build: async () => void builds++, schedule: clock.schedule });
    rebuilder.changed("inputs/engagements.csv");
    rebuilder.changed("inputs/engagements.csv");
    rebuilder.changed("templates/packet.md.hbs");
    expect(clock.live()).toBe(1);
    expect(builds).toBe(0);
    clock.fire();
    await Promise.resolve();
    expect(builds).toBe(1);
    expect(clock.live()).toBe(0);
  });

  it("a change during a build ⇒ exactly one more build after it", async () => {
    const clock = manualSchedule();
    const finish: Array<() => void> = [];
    let builds = 0;
    const rebuilder = createRebuilder({
      build: () => new Promise<void>((resolve) => { builds++; finish.push(resolve); }),
      schedule: clock.schedule,
    });
    rebuilder.changed("a.csv");
    clock.fire();
    expect(builds).toBe(1);
    rebuilder.changed("b.csv");
    clock.fire();
    rebuilder.changed("c.csv");
    clock.fire();
    expect(builds).toBe(1); // never two at a time
    finish[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(builds).toBe(2);
    finish[1]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(builds).toBe(2);
  });
});

describe("isRelevantChange", () => {
  it.each([
    ["inputs/engagements.csv", true],
    ["inputs/engagements.xlsx", true],
    ["templates/partials/cover.md.hbs", true],
    ["briefkit.config.json", true],
    ["inputs/~$engagements.xlsx", false],
    ["inputs/.engagements.csv.swp", false],
    ["templates/packet.md.hbs~", false],
    ["inputs/notes.txt", false],
  ])("%s ⇒ %s", (path, relevant) => {
    expect(isRelevantChange(path)).toBe(relevant);
  });
});

describe("watchPaths", () => {
  it("a file written in a watched folder ⇒ its path is reported", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-watch-"));
    const seen = new Promise<string>((resolve) => {
      const stop = watchPaths([dir, join(dir, "missing")], (path) => {
        stop();
        resolve(path);
      });
    });
    await writeFile(join(dir, "notes.txt"), "ignored");
    await writeFile(join(dir, "engagements.csv"), "id\n");
    expect(await seen).toBe(join(dir, "engagements.csv"));
  });

  it("a file replaced by a rename in a subfolder (how editors save) ⇒ reported", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-watch-"));
    await mkdir(join(dir, "partials"));
    await writeFile(join(dir, "partials/cover.md.hbs"), "old");
    const seen = new Promise<string>((resolve) => {
      const stop = watchPaths([dir], (path) => {
        stop();
        resolve(path);
      });
    });
    await writeFile(join(dir, "partials/.cover.tmp"), "new");
    await rename(join(dir, "partials/.cover.tmp"), join(dir, "partials/cover.md.hbs"));
    expect(await seen).toBe(join(dir, "partials/cover.md.hbs"));
  });
});

describe("build --watch, in-process", () => {
  it("builds, rebuilds when an input changes, a broken input reported as the command line does; stops when the signal aborts ⇒ exit 0", async () => {
    const { runCli } = await import("../../src/cli/program.js");
    const dir = await copySamples();
    const controller = new AbortController();
    let stderr = "";
    const waitFor = (text: string, count = 1) =>
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (stderr.split(text).length - 1 < count) return;
          clearInterval(poll);
          resolve();
        }, 20);
      });
    const io = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: dir,
      env: process.env,
      isTTY: false,
      signal: controller.signal,
    };
    const running = runCli(["build", "--watch", "--inputs", join(dir, "inputs"), "--out", join(dir, "out"), "--week", "2025-W07", "--format", "xlsx"], io);
    await waitFor("watching for changes");
    await editFile(join(dir, "inputs/engagements.csv"), "E-2024-02,", "E-2024-01,");
    await waitFor("watching for changes", 2);
    expect(stderr).toContain("a source changed; rebuilding\n");
    expect(stderr).toContain('engagements.csv:5 id: the id "E-2024-01" is already used on line 4');
    expect(stderr).toContain("briefkit: the inputs have 1 error; nothing was written. Fix them, or add --allow-invalid to build without the rows that have errors\n");
    controller.abort(new Error("stop"));
    expect(await running).toBe(0);
    expect(await readdir(join(dir, "out"))).toEqual(["briefing-2025-W07.xlsx"]);
  });
});
