import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const TEMP = JSON.stringify(new URL("../../dist/output/temp.js", import.meta.url).href);

describe("removeAtExit", () => {
  it("a file left registered ⇒ removed when the process exits, even by process.exit; a file forgotten ⇒ kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-temp-"));
    const [left, kept] = [join(dir, "left.tmp"), join(dir, "kept.tmp")];
    const script = `
      import { removeAtExit } from ${TEMP};
      import { writeFileSync } from "node:fs";
      writeFileSync(${JSON.stringify(left)}, "half a report");
      writeFileSync(${JSON.stringify(kept)}, "a whole report");
      removeAtExit(${JSON.stringify(left)});
      removeAtExit(${JSON.stringify(kept)})();
      process.exit(3);
    `;
    expect(() => execFileSync(process.execPath, ["--input-type=module", "-e", script])).toThrow(expect.objectContaining({ status: 3 }));
    expect(existsSync(left)).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });
});
