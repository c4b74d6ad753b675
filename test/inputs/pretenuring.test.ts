import { describe, expect, it, vi } from "vitest";

const flags = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", async (original) => ({ ...(await original<typeof import("node:v8")>()), setFlagsFromString: (flag: string) => flags.push(flag) }));
const { withoutPretenuring } = await import("../../src/inputs/pretenuring.js");

describe("withoutPretenuring", () => {
  it("two streams at once, one failing ⇒ pretenuring off when the first starts, on again only when the last ends", async () => {
    flags.length = 0;
    let finishFirst = () => {};
    const first = withoutPretenuring(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = withoutPretenuring(async () => {
      throw new Error("unreadable");
    });
    await expect(second).rejects.toThrow("unreadable");
    expect(flags).toEqual(["--no-allocation-site-pretenuring"]);
    finishFirst();
    await first;
    expect(flags).toEqual(["--no-allocation-site-pretenuring", "--allocation-site-pretenuring"]);
    expect(await withoutPretenuring(async () => 7)).toBe(7);
    expect(flags).toHaveLength(4);
  });
});
