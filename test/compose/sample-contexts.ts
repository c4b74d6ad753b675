import { readFile } from "node:fs/promises";
import { toTemplateContext } from "../../src/compose/context.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { loadInputs, parseInputs } from "../../src/inputs/load.js";
import { buildBriefing } from "../../src/model/briefing.js";
import { weekPeriod } from "../../src/model/period.js";
import { inputFiles } from "../helpers.js";

/** A partner new in 2025-W07, an engagement of it with a source link, a planned one with officials, and a row with a bad date: lists the sample leaves empty. */
const ADDED = {
  partners: "chile,Chile,country,South America\n",
  engagements:
    "E-2025-09,2025-02-12,,Talks with Chile,chile,cybersecurity,talks,Santiago,Gen. A (Army),Staff talks.,https://example.org/chile,completed,\n" +
    "E-2025-11,2025-03-03,,Planned visit to Chile,chile,space,visit,Santiago,Adm. B (Navy),,,planned,\n" +
    "E-2025-10,2025-13-40,,A row with a bad date,peru,cybersecurity,talks,,,,,completed,\n",
};

/**
 * The template contexts of the sample inputs: the sample week, an empty
 * week (the `{{else}}` parts run), and the sample with rows added and an
 * office, so that every list has items and every `{{#if}}` runs.
 */
export async function sampleContexts(): Promise<Array<Record<string, unknown>>> {
  const config = { ...DEFAULT_CONFIG, focus: "peru" };
  const sample = await loadInputs({ dir: "inputs" });
  const text = async (name: string) => readFile(`inputs/${name}`, "utf8");
  const added = parseInputs({
    files: inputFiles({
      engagements: (await text("engagements.csv")) + ADDED.engagements,
      partners: (await text("partners.csv")) + ADDED.partners,
      topics: await text("cooperation-areas.csv"),
      initiatives: await text("initiatives.csv"),
    }),
    dateOrder: null,
  });
  const week = (label: string, loaded: typeof sample, office = "") =>
    toTemplateContext(buildBriefing({ ...loaded, config: { ...config, office }, period: weekPeriod(label), asOf: weekPeriod(label).to }));
  return [week("2025-W07", sample), week("2025-W30", sample), week("2025-W07", added, "Office of International Defense Affairs")];
}
