import { describe, expect, it } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FILE_NAMES, generateInputs, writeGeneratedInputs, type GeneratedInputs } from "../../scripts/generate-inputs.js";
import { parseInputs, type InputFiles } from "../../src/inputs/load.js";

function asFiles(texts: GeneratedInputs): InputFiles {
  const file = (key: keyof GeneratedInputs) => ({ path: `inputs/${FILE_NAMES[key]}`, bytes: new TextEncoder().encode(texts[key]) });
  return { engagements: file("engagements"), partners: file("partners"), topics: file("topics"), initiatives: file("initiatives") };
}

describe("generateInputs", () => {
  const options = { engagements: 300, partners: 40, topics: 25, seed: 1 };

  it("the same seed ⇒ the same files; another seed ⇒ other engagements", () => {
    expect(generateInputs(options)).toEqual(generateInputs(options));
    expect(generateInputs({ ...options, seed: 2 }).engagements).not.toBe(generateInputs(options).engagements);
  });

  it.each([
    [{ engagements: 300, partners: 40, topics: 25, seed: 1 }],
    [{ engagements: 50, partners: 60, topics: 40, seed: 9 }],
  ])("%j ⇒ that many valid rows, every one passing validation", (size) => {
    const { data, issues } = parseInputs({ files: asFiles(generateInputs(size)), dateOrder: null });
    expect(issues).toEqual([]);
    expect(data.engagements).toHaveLength(size.engagements);
    expect(data.partners).toHaveLength(size.partners);
    expect(data.topics).toHaveLength(size.topics);
    expect(new Set(data.engagements.flatMap((e) => e.partners)).size).toBeGreaterThan(Math.min(size.partners, size.engagements) / 2);
  });

  it("the varied kind ⇒ 12 columns in another order, 1 to 12 sentences, 1 to 4 topics, 1 or 2 partners a row, all valid", () => {
    const texts = generateInputs({ ...options, engagements: 600, varied: true });
    const header = texts.engagements.slice(0, texts.engagements.indexOf("\n")).split(",");
    expect(header).toHaveLength(12);
    expect(header).not.toEqual(generateInputs(options).engagements.split("\n")[0]!.split(","));
    const { data, issues } = parseInputs({ files: asFiles(texts), dateOrder: null });
    expect(issues).toEqual([]);
    const spread = (values: number[]) => [Math.min(...values), Math.max(...values)];
    expect(spread(data.engagements.map((e) => e.partners.length))).toEqual([1, 2]);
    expect(spread(data.engagements.map((e) => e.topics.length))).toEqual([1, 4]);
    expect(spread(data.engagements.map((e) => e.summary.split(/(?<=\.) (?=[A-Z])/).length))).toEqual([1, 12]);
  });

  it("the files written to a folder hold the same text as generateInputs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-gen-"));
    await writeGeneratedInputs(dir, { ...options, engagements: 2500 });
    const texts = generateInputs({ ...options, engagements: 2500 });
    for (const key of Object.keys(FILE_NAMES) as Array<keyof GeneratedInputs>) {
      expect(await readFile(join(dir, FILE_NAMES[key]), "utf8")).toBe(texts[key]);
    }
  });

  it("writes realistic text: accents, en dashes, curly quotes, source links, planned and completed rows", () => {
    const { engagements } = generateInputs(options);
    for (const text of ["Perú", "–", "“", "https://", ",planned\n", ",completed\n"]) expect(engagements).toContain(text);
  });
});
