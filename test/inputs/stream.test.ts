import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { FIRST_CAPACITY } from "../../src/inputs/columns.js";
import { DetailStore, plainEngagement, readDetails, StoredEngagement, type EngagementHead } from "../../src/inputs/detail-store.js";
import { loadInputs, parseInputs, type LoadResult } from "../../src/inputs/load.js";
import { ENGAGEMENTS_HEADER, inputFiles, PARTNERS, TOPICS } from "../helpers.js";

const FIXTURES = "test/fixtures/inputs";

/** An inputs folder with the helpers' lists and these bytes as engagements.csv. */
async function folder(engagements: Uint8Array | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-stream-"));
  await writeFile(join(dir, "partners.csv"), PARTNERS);
  await writeFile(join(dir, "cooperation-areas.csv"), TOPICS);
  await writeFile(join(dir, "engagements.csv"), engagements);
  return dir;
}

const plain = plainEngagement;

/** Streams the bytes from a folder and reads them whole; both must give the same result. */
async function both(bytes: Uint8Array): Promise<{ streamed: LoadResult; whole: LoadResult }> {
  const dir = await folder(bytes);
  const streamed = await loadInputs({ dir });
  const files = inputFiles({});
  for (const file of Object.values(files)) file.path = join(dir, file.path.replace(/^inputs\//, ""));
  files.engagements.bytes = bytes;
  return { streamed, whole: parseInputs({ files, dateOrder: null }) };
}

function expectSame({ streamed, whole }: { streamed: LoadResult; whole: LoadResult }): void {
  expect(streamed.issues).toEqual(whole.issues);
  readDetails(streamed.data.engagements);
  expect(streamed.data.engagements.map(plain)).toEqual(whole.data.engagements.map(plain));
  expect(streamed.data.extraColumns).toEqual(whole.data.extraColumns);
}

const fixtures = (await readdir(FIXTURES, { recursive: true })).filter((name) => name.endsWith(".csv")).sort();

describe("an engagements file streamed ⇒ the same engagements and issues as read whole", () => {
  it.each(fixtures)("%s", async (name) => {
    expectSame(await both(await readFile(join(FIXTURES, name))));
  });

  const row = (n: number, extra = "") =>
    `E${n},2025-02-${String((n % 27) + 1).padStart(2, "0")},,"Talks ${n}, “quoted”\nover two lines",united-states;peru,cybersecurity;space,talks,completed${extra}`;
  const many = (count: number, extra = "", end = "\n") => Array.from({ length: count }, (_, n) => row(n + 1, extra)).join(end);

  it.each([
    ["rows over several read chunks, CRLF", `${ENGAGEMENTS_HEADER}\r\n${many(12_000, "", "\r\n")}\r\n`],
    ["no line end after the last row", `${ENGAGEMENTS_HEADER}\n${many(3)}`],
    ["an extra column", `${ENGAGEMENTS_HEADER},Desk\n${many(3, ",Andes")}\n`],
    ["a nameless column with a value far down", `${ENGAGEMENTS_HEADER},\n${many(12_000, ",")}\nE0,2025-02-01,,T,peru,space,talks,completed,stray\n`],
    ["blank lines before the header, a nameless column with a value", `\n\r\n${ENGAGEMENTS_HEADER},\n${many(3, ",")}\nE0,2025-02-01,,T,peru,space,talks,completed,stray\n`],
    ["a byte-order mark and nothing but blank lines", "\uFEFF\n \n"],
    ["a duplicate id past the first chunk", `${ENGAGEMENTS_HEADER}\n${many(12_000)}\n${row(5)}\n`],
    ["a quote never closed far down", `${ENGAGEMENTS_HEADER}\n${many(12_000)}\nE0,2025-02-01,,"T,peru,space,talks,completed\n${many(10)}\n`],
    ["a Windows-1252 byte far down", Buffer.concat([Buffer.from(`${ENGAGEMENTS_HEADER}\n${many(12_000)}\nE0,2025-02-01,,Per`), Buffer.from([0xfa]), Buffer.from(",peru,space,talks,completed\n")])],
    ["a NUL byte far down", Buffer.concat([Buffer.from(`${ENGAGEMENTS_HEADER}\n${many(12_000)}\n`), Buffer.from([0]), Buffer.from("\n")])],
  ])("%s", async (_, text) => {
    const bytes = typeof text === "string" ? Buffer.from(text) : text;
    expect(bytes.length > 65_536 || !_.includes("far")).toBe(true);
    expectSame(await both(bytes));
  });

  const utf16 = (text: string, order: "le" | "be") => {
    const bytes = Buffer.from(`\uFEFF${text}`, "utf16le");
    return order === "le" ? bytes : bytes.swap16();
  };
  const accented = (count: number) => `${ENGAGEMENTS_HEADER}\n${many(count).replace(/Talks/g, "Diálogo – “Perú” €")}\n`;

  it.each([
    ["UTF-16 LE over several chunks", utf16(accented(12_000), "le")],
    ["UTF-16 BE over several chunks", utf16(accented(12_000), "be")],
    ["UTF-16 LE, a character of two code units across a chunk's end", utf16(`${ENGAGEMENTS_HEADER}\nE0,2025-02-01,,${"x".repeat(32_763)}😀,peru,space,talks,completed\n${many(10)}\n`, "le")],
    ["Windows-1252 over several chunks", iconv.encode(accented(12_000), "windows-1252")],
    ["a Windows-1252 byte far down", Buffer.concat([Buffer.from(`${ENGAGEMENTS_HEADER}\n${many(12_000)}\nE0,2025-02-01,,Per`), Buffer.from([0xfa]), Buffer.from(",peru,space,talks,completed\n")])],
    ["a Windows-1252 file with a sep= line", iconv.encode(`sep=;\n${ENGAGEMENTS_HEADER.replace(/,/g, ";")}\n${[1, 2, 3].map((n) => `E${n};2025-02-1${n};;"Diálogo, “Perú” €";"united-states;peru";space;talks;completed`).join("\n")}\n`, "windows-1252")],
  ])("%s ⇒ streamed, not read whole", async (_, bytes) => {
    const result = await both(bytes);
    expectSame(result);
    expect(result.streamed.data.engagements.length).toBeGreaterThan(2);
    expect(result.streamed.data.engagements.every((e) => e instanceof StoredEngagement)).toBe(true);
  });

  it.each([
    ["a UTF-8 byte-order mark and a Windows-1252 byte far down", Buffer.concat([Buffer.from(`\uFEFF${ENGAGEMENTS_HEADER}\n${many(12_000)}\nE0,2025-02-01,,Per`), Buffer.from([0xfa]), Buffer.from(",peru,space,talks,completed\n")])],
    ["UTF-16 with a NUL far down", utf16(`${ENGAGEMENTS_HEADER}\n${many(12_000)}\n\u0000\n`, "le")],
    ["UTF-16 with a byte left over at the end", Buffer.concat([utf16(`${ENGAGEMENTS_HEADER}\n${many(12_000)}\n`, "le"), Buffer.from([0x41])])],
    ["Windows-1252 with a control character far down", Buffer.concat([iconv.encode(accented(12_000), "windows-1252"), Buffer.from([0x01, 0x0a])])],
  ])("%s ⇒ not text, as when read whole", async (_, bytes) => {
    const result = await both(bytes);
    expectSame(result);
    expect(result.streamed.issues.map((issue) => issue.code)).toContain("file_binary");
  });

  it("a UTF-8 file ⇒ engagements hold their long text in the file, not in memory; as JSON, every field", async () => {
    const { streamed, whole } = await both(Buffer.from(`${ENGAGEMENTS_HEADER}\n${many(3)}\n`));
    expect(streamed.data.engagements.every((e) => e instanceof StoredEngagement)).toBe(true);
    expect(JSON.parse(JSON.stringify(streamed.data.engagements))).toEqual(JSON.parse(JSON.stringify(whole.data.engagements)));
  });
});

describe("an engagements file changed after it was read", () => {
  it("⇒ the engagements keep the text they were read with", async () => {
    const dir = await folder(`${ENGAGEMENTS_HEADER},Desk\nE1,2025-02-11,,Talks,united-states,cybersecurity,talks,completed,Andes\n`);
    const { data } = await loadInputs({ dir });
    await writeFile(join(dir, "engagements.csv"), `${ENGAGEMENTS_HEADER}\nX1,2025-02-11,,Other,united-states,cybersecurity,talks,completed\n`);
    expect(plain(data.engagements[0]!)).toMatchObject({ id: "E1", title: "Talks", extra: { Desk: "Andes" } });
  });
});

describe("DetailStore", () => {
  it("rows of any length, a write buffer's worth and more ⇒ each read back as it was given, in any order", () => {
    const store = new DetailStore(["Desk"]);
    const head = { id: "E", startDate: "2025-02-11", endDate: null, partners: ["peru"], topics: ["space"], kind: "talks" as const, status: "completed" as const, line: 2 };
    const sizes = [10, 700_000, 400_000, 2_500_000, 5, 1_048_000, 3];
    const details = sizes.map((size, n) => ({ title: `T${n} “Perú”`, location: "Lima", officials: ["A", "B"], summary: "é".repeat(size), sourceUrl: n % 2 ? null : "https://example.org", extra: { Desk: `D${n}` } }));
    const stored = details.map((d, n) => store.add({ ...head, id: `E${n}` }, d));
    for (const n of [6, 0, 3, 1, 5, 2, 4]) expect(plainEngagement(stored[n]!)).toMatchObject({ id: `E${n}`, ...details[n] });
  });
});

describe("the short fields of a DetailStore's engagements", () => {
  const kinds = ["talks", "visit", "exercise"] as const;
  const statuses = ["completed", "planned"] as const;
  const heads: EngagementHead[] = Array.from({ length: FIRST_CAPACITY * 2 + 3 }, (_, n) => ({
    id: `E${n}`,
    startDate: `20${10 + (n % 15)}-0${1 + (n % 9)}-1${n % 10}`,
    endDate: n % 4 === 0 ? null : `2030-01-1${n % 10}`,
    partners: n % 5 === 0 ? [] : ["peru", "france", `p${n % 300}`].slice(n % 3),
    topics: [`t${n % 7}`, `u${n % 11}`],
    kind: kinds[n % kinds.length]!,
    status: statuses[n % statuses.length]!,
    line: 2 + n * 70,
  }));
  const details = { title: "T", location: "", officials: [], summary: "", sourceUrl: null, extra: {} };

  it("more rows than a column's first capacity, lines past two bytes ⇒ every field read back as it was given, before and after sealing", () => {
    const store = new DetailStore([]);
    const stored = heads.map((head) => store.add(head, details));
    const fields = (e: EngagementHead) => [e.id, e.startDate, e.endDate, e.partners, e.topics, e.kind, e.status, e.line];
    expect(stored.map(fields)).toEqual(heads.map(fields));
    store.seal();
    expect(stored.map(fields)).toEqual(heads.map(fields));
    expect(stored.at(-1)!.title).toBe("T");
  });

  it("⇒ the same list shared by engagements that name the same ids, frozen, and fields that cannot be set", () => {
    const store = new DetailStore([]);
    const [a, b] = [heads[1]!, heads[301]!].map((head) => store.add(head, details));
    expect(a!.partners).toBe(b!.partners);
    expect(Object.isFrozen(a!.partners)).toBe(true);
    expect(() => {
      (a as { startDate: string }).startDate = "2000-01-01";
    }).toThrow(TypeError);
    expect(a!.startDate).toBe(heads[1]!.startDate);
  });

  it("sealed ⇒ no row can be added", () => {
    const store = new DetailStore([]);
    store.add(heads[0]!, details);
    store.seal();
    expect(() => store.add(heads[1]!, details)).toThrow(/sealed/);
  });
});

describe("the temporary file of a streamed archive", () => {
  it("⇒ leaves nothing in the temporary folder, even before the process ends", async () => {
    const stores = async () => (await readdir(tmpdir())).filter((name) => name.startsWith("briefkit-details-"));
    const before = new Set(await stores());
    const dir = await folder(`${ENGAGEMENTS_HEADER}\nE1,2025-02-11,,Talks,united-states,cybersecurity,talks,completed\n`);
    const { data } = await loadInputs({ dir });
    const after = (await stores()).filter((name) => !before.has(name));
    expect(process.platform === "win32" || after.length === 0).toBe(true);
    expect(data.engagements[0]!.title).toBe("Talks");
  });
});
