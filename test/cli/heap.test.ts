import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, heapFlag } from "../../src/cli/heap.js";

describe("heapFlag", () => {
  it.each([
    ["nothing given", [], `--heap-growing-percent=${HEAP_GROWING_PERCENT}`],
    ["other flags", ["--enable-source-maps", "--max-old-space-size=4096"], `--heap-growing-percent=${HEAP_GROWING_PERCENT}`],
    ["set on the command line", ["--heap-growing-percent=50"], null],
    ["set with underscores", ["--heap_growing_percent=50"], null],
  ])("%s ⇒ %s", (_, execArgv, flag) => {
    expect(heapFlag(execArgv)).toBe(flag);
  });
});
