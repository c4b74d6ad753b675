import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReports } from "../../src/build.js";
import { loadConfig } from "../../src/config.js";
import { loadInputs } from "../../src/inputs/load.js";
import { planScaffold, writeScaffold } from "../../src/init/scaffold.js";
import { weekContaining } from "../../src/model/period.js";
import { builtInTemplates } from "../../src/options.js";

const today = "2025-02-13";

async function scaffold(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "briefkit-init-")), "office");
  const files = await planScaffold({ templates: builtInTemplates(), today, timeZone: "America/Lima" });
  await writeScaffold({ dir, files, force: false });
  return dir;
}

describe("init", () => {
  it("writes config, schema, README, the four inputs and a copy of every template", async () => {
    const files = await planScaffold({ templates: builtInTemplates(), today, timeZone: "UTC" });
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining([
      "briefkit.config.json", "briefkit.config.schema.json", "README.md",
      "inputs/engagements.csv", "inputs/partners.csv", "inputs/cooperation-areas.csv", "inputs/initiatives.csv",
      "templates/packet.md.hbs", "templates/workbook.json.hbs", "templates/labels.json.hbs",
    ]));
    const packet = files.find((f) => f.path === "templates/packet.md.hbs")!;
    expect(packet.content).toBe(await readFile(join(builtInTemplates(), "packet.md.hbs"), "utf8"));
  });

  it("each input has its header and two example rows, all valid", async () => {
    const dir = await scaffold();
    const { data, issues } = await loadInputs({ dir: join(dir, "inputs") });
    expect(issues).toEqual([]);
    expect([data.engagements.length, data.partners.length, data.topics.length, data.initiatives.length]).toEqual([2, 2, 2, 2]);
    expect(data.engagements.map((e) => e.startDate)).toEqual(["2025-02-10", "2025-02-24"]);
  });

  it("the config names its schema and is valid", async () => {
    const dir = await scaffold();
    const json = JSON.parse(await readFile(join(dir, "briefkit.config.json"), "utf8")) as Record<string, unknown>;
    expect(json.$schema).toBe("./briefkit.config.schema.json");
    expect(existsSync(join(dir, "briefkit.config.schema.json"))).toBe(true);
    expect((await loadConfig({ path: join(dir, "briefkit.config.json"), explicit: true })).timeZone).toBe("America/Lima");
  });

  it("the new folder builds at once, with this week's example in the packet", async () => {
    const dir = await scaffold();
    const config = await loadConfig({ path: join(dir, "briefkit.config.json"), explicit: true });
    const period = weekContaining(today);
    const result = await buildReports({ inputs: join(dir, "inputs"), templates: join(dir, "templates"), config, period, asOf: today, formats: ["xlsx", "pdf"] });
    expect(result.files.map((f) => f.name)).toEqual(["briefing-2025-W07.xlsx", "briefing-2025-W07.pdf"]);
    expect(result.briefing.periodEngagements.map((e) => e.title)).toEqual(["Bilateral staff talks"]);
    expect(result.briefing.upcoming.map((e) => e.title)).toEqual(["Cyber defense workshop"]);
  });

  it("existing files ⇒ refused, naming them, and nothing written; --force overwrites", async () => {
    const dir = await scaffold();
    await writeFile(join(dir, "inputs/engagements.csv"), "mine\n");
    const files = await planScaffold({ templates: builtInTemplates(), today, timeZone: "UTC" });
    await expect(writeScaffold({ dir, files, force: false })).rejects.toThrow(
      `these files exist already: ${join(dir, "briefkit.config.json")}, ${join(dir, "briefkit.config.schema.json")}`,
    );
    expect(await readFile(join(dir, "inputs/engagements.csv"), "utf8")).toBe("mine\n");
    await writeScaffold({ dir, files, force: true });
    expect(await readFile(join(dir, "inputs/engagements.csv"), "utf8")).toMatch(/^id,start_date/);
  });
});
