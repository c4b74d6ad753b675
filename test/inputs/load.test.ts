import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeGeneratedInputs } from "../../scripts/generate-inputs.js";
import { formatIssue } from "../../src/errors.js";
import { loadInputs, parseInputs } from "../../src/inputs/load.js";
import type { BuildProgress } from "../../src/progress.js";
import { ENGAGEMENTS_HEADER, inputFiles } from "../helpers.js";

const engagements = (...rows: string[]) => [ENGAGEMENTS_HEADER, ...rows].join("\n") + "\n";
const parse = (texts: Parameters<typeof inputFiles>[0], dateOrder: "DMY" | "MDY" | null = null) =>
  parseInputs({ files: inputFiles(texts), dateOrder });

describe("parseInputs", () => {
  it("reads the sample inputs without issues", async () => {
    const { data, issues } = await loadInputs({ dir: "inputs" });
    expect(issues).toEqual([]);
    expect(data.engagements).toHaveLength(8);
    expect(data.partners.map((p) => p.name)).toContain("Perú");
    const officials = data.engagements.flatMap((e) => e.officials).join(" ");
    expect(officials).toContain("Víctor Manuel Aguilar Barreda");
    expect(officials).toContain("Jorge Chávez");
    expect(officials).toContain("Gen. Manuel Gómez");
    expect(data.extraColumns).toEqual(["source"]);
  });

  it("resolves references by id or name, case-insensitively", () => {
    const { data, issues } = parse({ engagements: engagements("E1,2025-02-11,,T,Perú;FRANCE,Maritime Security;space,talks,") });
    expect(issues).toEqual([]);
    expect(data.engagements[0]).toMatchObject({ partners: ["peru", "france"], topics: ["maritime-security", "space"], status: "completed" });
  });

  it("matches headers typed by people", () => {
    const { data, issues } = parse({ engagements: "ID,Start Date,TITLE,Partners,topics\nE1,2025-02-11,T,peru,space\n" });
    expect(issues).toEqual([]);
    expect(data.engagements[0]?.startDate).toBe("2025-02-11");
  });

  it.each([
    ["E1,2025-02-30,,T,peru,space,talks,", "start_date", "date_invalid", '"2025-02-30" is not a date'],
    ["E1,03/04/2025,,T,peru,space,talks,", "start_date", "date_ambiguous", '"03/04/2025" is ambiguous: it could be 2025-04-03 (day first) or 2025-03-04 (month first)'],
    ["E1,25/04/2025,,T,peru,space,talks,", "start_date", "date_ambiguous", '"25/04/2025" is not written YYYY-MM-DD (it can only mean 2025-04-25)'],
    ["E1,04.04.2025,,T,peru,space,talks,", "start_date", "date_ambiguous", '"04.04.2025" is not written YYYY-MM-DD (it can only mean 2025-04-04)'],
    ["E1,31/31/2025,,T,peru,space,talks,", "start_date", "date_invalid", '"31/31/2025" is not a date'],
    ["E1,2025-02-11,2025-02-10,T,peru,space,talks,", "end_date", "date_order", "end_date 2025-02-10 is before start_date 2025-02-11"],
    ["E1,2025-02-11,,T,peru,cyber-security,talks,", "topics", "reference_unknown", '"cyber-security" is not a known topic'],
    ["E1,2025-02-11,,T,perux,space,talks,", "partners", "reference_unknown", '"perux" is not a known partner'],
    ["E1,2025-02-11,,T,peru,space,party,", "kind", "value_invalid", '"party" is not one of dialogue, visit, meeting, talks, exercise, workshop, other'],
    ["E1,2025-02-11,,,peru,space,talks,", "title", "value_required", "a value is required"],
  ])("%s ⇒ %s %s", (row, column, code, message) => {
    const { data, issues } = parse({ engagements: engagements(row) });
    expect(data.engagements).toEqual([]);
    expect(issues).toMatchObject([{ file: "inputs/engagements.csv", line: 2, column, code, message, severity: "error" }]);
  });

  it("hints at the near miss", () => {
    const { issues } = parse({ engagements: engagements("E1,2025-02-11,,T,peru,cyber-security,talks,") });
    expect(issues[0]?.hint).toBe('did you mean "cybersecurity"?');
    expect(formatIssue(issues[0]!)).toMatchInlineSnapshot(`
      "inputs/engagements.csv:2 topics: "cyber-security" is not a known topic
          hint: did you mean "cybersecurity"?"
    `);
  });

  it("reads dd/mm/yyyy when the config says DMY", () => {
    const { data } = parse({ engagements: engagements("E1,03/04/2025,,T,peru,space,talks,") }, "DMY");
    expect(data.engagements[0]?.startDate).toBe("2025-04-03");
  });

  it("a duplicate id names both lines", () => {
    const { issues } = parse({ engagements: engagements("E1,2025-02-11,,T,peru,space,,", "e1,2025-02-12,,U,peru,space,,") });
    expect(issues).toMatchObject([{ line: 3, column: "id", code: "id_duplicate", message: 'the id "e1" is already used on line 2' }]);
  });

  it("a missing required column says which", () => {
    const { issues } = parse({ engagements: "id,title,partners,topics\nE1,T,peru,space\n" });
    expect(issues).toMatchObject([{ line: 1, column: "start_date", code: "column_missing" }]);
  });

  it("links must be http or https", () => {
    const { issues } = parse({ engagements: "id,start_date,title,partners,topics,source_url\nE1,2025-02-11,T,peru,space,javascript:alert(1)\n" });
    expect(issues).toMatchObject([{ column: "source_url", code: "url_invalid" }]);
  });

  it("collects the issues of every file, sorted by file and line", () => {
    const { issues } = parse({
      engagements: engagements("E1,2025-02-30,,T,peru,space,,", "E2,2025-02-11,,T,nobody,nothing,,"),
      partners: null,
      topics: "id,name\nspace,Space\nspace,Space again\n",
    });
    expect(issues.map((i) => `${i.file}:${i.line ?? ""} ${i.code}`)).toEqual([
      "inputs/cooperation-areas.csv:3 id_duplicate",
      "inputs/engagements.csv:2 date_invalid",
      "inputs/engagements.csv:3 reference_unknown",
      "inputs/partners.csv: file_missing",
    ]);
  });

  it("keeps columns the schema does not know", () => {
    const { data } = parse({ engagements: "id,start_date,title,partners,topics,Desk Officer\nE1,2025-02-11,T,peru,space,Ana Gómez\n" });
    expect(data.extraColumns).toEqual(["Desk Officer"]);
    expect(data.engagements[0]?.extra).toEqual({ "Desk Officer": "Ana Gómez" });
  });

  it("keeps the columns of the other lists that the schema does not know, per item", () => {
    const { data, issues } = parse({
      partners: "id,name,kind,Desk,Notes\nperu,Perú,country,Lima,\nunited-states,United States,country,DC,key ally\n",
      topics: "id,name,Lead office\ncybersecurity,Cybersecurity,J6\nspace,Space,\n",
      initiatives: "year,partners,title,objective,topics,status,Budget\n2025,peru,Drills,Readiness,space,planned,USD 2m\n",
    });
    expect(issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(data.otherColumns).toEqual({ partners: ["Desk", "Notes"], topics: ["Lead office"], initiatives: ["Budget"] });
    expect(data.partners.map((p) => p.extra)).toEqual([{ Desk: "Lima", Notes: "" }, { Desk: "DC", Notes: "key ally" }]);
    expect(data.topics.map((t) => t.extra)).toEqual([{ "Lead office": "J6" }, { "Lead office": "" }]);
    expect(data.initiatives[0]?.extra).toEqual({ Budget: "USD 2m" });
  });

  it("lists with only the columns the schema knows ⇒ no extra on their items", () => {
    const { data } = parse({});
    expect(data.otherColumns).toEqual({ partners: [], topics: [], initiatives: [] });
    expect(data.partners.every((p) => !("extra" in p))).toBe(true);
  });

  it("a file that is not text ⇒ file_binary", () => {
    const files = inputFiles({});
    files.partners.bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]);
    expect(parseInputs({ files, dateOrder: null }).issues).toMatchObject([{ file: "inputs/partners.csv", code: "file_binary" }]);
  });
});

describe("files that cannot be read", () => {
  it.each([
    ["EISDIR", "this is a folder, not a file", "put the CSV file itself at this path"],
    ["EACCES", "you do not have permission to read the file", "check the file's permissions, or copy it to a folder of your own"],
    ["EIO", "the file cannot be read (EIO)", "check that the file is not open in another program or on a drive that is gone"],
  ])("%s ⇒ file_unreadable with a hint, other files still checked", (code, message, hint) => {
    const files = inputFiles({ engagements: `${ENGAGEMENTS_HEADER}\nE1,2025-02-30,,T,peru,space,,\n` });
    files.partners = { path: "inputs/partners.csv", bytes: null, unreadable: code };
    const { issues } = parseInputs({ files, dateOrder: null });
    expect(issues).toMatchObject([
      { file: "inputs/engagements.csv", line: 2, code: "date_invalid" },
      { file: "inputs/partners.csv", line: null, code: "file_unreadable", message, hint },
    ]);
  });

  it("a missing optional file ⇒ no issue; a missing required one ⇒ the columns it needs", () => {
    const { issues } = parse({ partners: null, initiatives: null });
    expect(issues).toMatchObject([{ file: "inputs/partners.csv", code: "file_missing", hint: "every inputs folder needs partners.csv, with a first row of column names such as id,name" }]);
  });
});

describe("an unknown reference with no near miss", () => {
  it("⇒ the hint names the ids there are", () => {
    const { issues } = parse({ engagements: engagements("E1,2025-02-11,,T,USA,space,,") });
    expect(issues).toMatchObject([{ value: "USA", hint: "add it to inputs/partners.csv, or use one of peru, united-states, france" }]);
  });
});

describe("loadInputs with onProgress", () => {
  it("a streamed engagements file ⇒ the share of it read after each chunk, rising to 1; the same engagements as without", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefkit-progress-"));
    await writeGeneratedInputs(dir, { engagements: 2_000, partners: 5, topics: 5, seed: 2, longSummaries: true });
    const told: BuildProgress[] = [];
    const loaded = await loadInputs({ dir, onProgress: (p) => told.push(p) });
    const shares = told.map((p) => (p.step === "reading" && p.file === "engagements.csv" ? p.done : NaN));
    expect(shares.length).toBeGreaterThan(3);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares.at(-1)).toBe(1);
    expect(loaded.data.engagements.map((e) => e.id)).toEqual((await loadInputs({ dir })).data.engagements.map((e) => e.id));
  });
});
