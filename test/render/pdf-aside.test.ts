import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { composeBriefing } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { weekPeriod } from "../../src/model/period.js";
import { pinPdfId } from "../../src/output/pdf-id.js";
import { renderPacket } from "../../src/render/pdf/packet.js";

// The thread runs compiled code, so these tests do too: `npm test` builds dist/ before it runs them.
const ASIDE = "../../dist/render/pdf/aside.js";
const BUILD = "../../dist/build.js";
const { startPacketThread } = (await import(ASIDE)) as typeof import("../../src/render/pdf/aside.js");
const compiled = (await import(BUILD)) as typeof import("../../src/build.js");

const period = weekPeriod("2025-W07");

async function packetOptions() {
  const { briefing } = await buildReports({ inputs: "inputs", templates: "templates", config: DEFAULT_CONFIG, period, asOf: period.to, formats: [] });
  const composition = composeBriefing(briefing, await loadTemplates("templates"));
  return { document: composition.packet, briefing, labels: composition.labels };
}

describe("the packet rendered on a thread of its own", () => {
  it("⇒ a thread is started, and it gives the same packet as this thread", async () => {
    const options = await packetOptions();
    const thread = startPacketThread();
    expect(thread).not.toBeNull();
    const [aside, here] = await Promise.all([thread!.render(options), renderPacket(options)]);
    expect(Buffer.from(aside).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.compare(Buffer.from(pinPdfId(aside)), Buffer.from(pinPdfId(here)))).toBe(0);
  });

  it("both formats of the sample, built by the compiled code ⇒ the same files as built from the sources", async () => {
    const build = (run: typeof buildReports) => run({ inputs: "inputs", templates: "templates", config: DEFAULT_CONFIG, period, asOf: period.to, formats: ["xlsx", "pdf"] });
    const [threaded, plain] = await Promise.all([build(compiled.buildReports), build(buildReports)]);
    expect(threaded.files.map((f) => [f.name, Buffer.from(f.bytes).toString("base64")])).toEqual(plain.files.map((f) => [f.name, Buffer.from(f.bytes).toString("base64")]));
  });

  it("a template whose profile names no partner ⇒ the thread's error, as a BriefkitError saying so", async () => {
    const templates = join(await mkdtemp(join(tmpdir(), "briefkit-aside-")), "templates");
    await cp("templates", templates, { recursive: true });
    const packet = join(templates, "packet.md.hbs");
    await writeFile(packet, `${await readFile(packet, "utf8")}\n::: profile nobody\n`);
    const failed = compiled.buildReports({ inputs: "inputs", templates, config: DEFAULT_CONFIG, period, asOf: period.to, formats: ["xlsx", "pdf"] });
    await expect(failed).rejects.toMatchObject({ name: "BriefkitError", code: "template", message: expect.stringContaining('"::: profile nobody" names no partner') });
  });
});
