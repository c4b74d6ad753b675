import { describe, expect, it } from "vitest";
import { createProgress, describeProgress, type Schedule } from "../../src/cli/progress.js";

/** A scheduler driven by the test: `fire()` runs every live timer once. */
function manualSchedule() {
  const timers = new Set<{ run: () => void; ms: number }>();
  const schedule: Schedule = (run, ms) => {
    const timer = { run, ms };
    timers.add(timer);
    return () => timers.delete(timer);
  };
  return { schedule, fire: () => [...timers].forEach((t) => t.run()), live: () => timers.size };
}

function setup(options: { interactive: boolean; quiet?: boolean }) {
  const out: string[] = [];
  const clock = manualSchedule();
  const progress = createProgress({ write: (t) => out.push(t), interactive: options.interactive, quiet: options.quiet ?? false, schedule: clock.schedule });
  return { out, clock, progress };
}

describe("createProgress", () => {
  it("a step that ends before the delay ⇒ no spinner, no timer left", () => {
    const { out, clock, progress } = setup({ interactive: true });
    progress.start("building 2025-W07")();
    expect(out).toEqual([]);
    expect(clock.live()).toBe(0);
  });

  it("a step that outlasts the delay on a terminal ⇒ spinner frames, then the line is cleared", () => {
    const { out, clock, progress } = setup({ interactive: true });
    const done = progress.start("building 2025-W07");
    clock.fire(); // the delay passes: first frame, ticking starts
    clock.fire(); // one tick
    done();
    done();
    expect(out).toEqual(["\r⠋ building 2025-W07…\x1b[K", "\r⠙ building 2025-W07…\x1b[K", "\r\x1b[2K"]);
    expect(clock.live()).toBe(0);
  });

  it("a step told what it is doing ⇒ the next frame says so, clearing what the longer line before left", () => {
    const { out, clock, progress } = setup({ interactive: true });
    const step = progress.start("reading the inputs");
    step.update("reading engagements.csv (10 %)");
    step.update("reading engagements.csv (20 %)");
    expect(out).toEqual([]);
    clock.fire();
    step.update("reading a.csv");
    clock.fire();
    step();
    expect(out).toEqual(["\r⠋ reading engagements.csv (20 %)…\x1b[K", "\r⠙ reading a.csv…\x1b[K", "\r\x1b[2K"]);
  });

  it.each([
    [{ interactive: false }, ["2025-W07: wrote 2 files\n"]],
    [{ interactive: true, quiet: true }, []],
    [{ interactive: false, quiet: true }, []],
  ])("%j ⇒ no spinner; notes %j", (options, notes) => {
    const { out, clock, progress } = setup(options);
    const done = progress.start("building");
    clock.fire();
    done.update("building 2025-W07: the packet");
    clock.fire();
    done();
    progress.note("2025-W07: wrote 2 files");
    expect(out).toEqual(notes);
  });
});

describe("describeProgress", () => {
  it.each([
    [{ step: "reading", file: "engagements.csv", done: 0.4299 }, "reading engagements.csv (42 %)"],
    [{ step: "reading", file: "engagements.csv", done: 1 }, "reading engagements.csv (100 %)"],
    [{ step: "workbook", done: null }, "building 2025-W07: the workbook"],
    [{ step: "workbook", done: 0.999 }, "building 2025-W07: the workbook (99 %)"],
    [{ step: "packet", done: null }, "building 2025-W07: the packet"],
    [{ step: "packet", done: 0.5 }, "building 2025-W07: the packet (50 %)"],
  ] as const)("%j ⇒ %s", (progress, label) => {
    expect(describeProgress(progress, "2025-W07")).toBe(label);
  });
});
