/**
 * A deterministic generator of realistic briefkit inputs: the same options
 * and seed give byte-identical CSV files. Rows are produced one at a time by
 * generator functions, so large sets can be streamed to disk.
 *
 *   npm run generate-inputs -- OUT-DIR [engagements] [partners] [topics] [seed] [--from=YYYY-MM-DD] [--to=YYYY-MM-DD] [--long-summaries] [--varied]
 *   (defaults: 300 engagements, 40 partners, 25 topics, seed 1, start dates 2024-01-01 to 2025-06-30)
 *
 * `--varied` writes another kind of archive: the same 12 columns in another
 * order, summaries of 1 to 12 sentences, 1 to 4 topics and 1 or 2 partners
 * a row (Peru among them or not).
 */
import { createWriteStream, realpathSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CITIES, FAMILY, GIVEN, KIND_WORDS, KINDS, PARTNERS, RANKS, TOPICS } from "./generate-inputs-names.js";

export interface GenerateOptions {
  engagements: number;
  /** Partners in partners.csv, the focus partner (Peru, id `peru`) included. */
  partners: number;
  topics: number;
  seed: number;
  /** First and last start dates of engagements; defaults 2024-01-01 and 2025-06-30. */
  from?: string;
  to?: string;
  /** Engagements after this day are planned, the others completed (a few cancelled). Default 2025-02-16. */
  today?: string;
  /** Add a few more sentences to each summary, as archives of real readouts have. */
  longSummaries?: boolean;
  /** The other kind of archive: columns in another order, 1–12 sentences, 1–4 topics, 1 or 2 partners a row. */
  varied?: boolean;
}

/** The columns of engagements.csv, in the order of each kind of archive. */
const COLUMNS = ["id", "start_date", "end_date", "title", "partners", "topics", "kind", "location", "officials", "summary", "source_url", "status"] as const;
const VARIED_COLUMNS = ["id", "title", "start_date", "end_date", "status", "kind", "partners", "topics", "location", "officials", "source_url", "summary"] as const;

/** The four input files as CSV text, keyed like the loader's input kinds. */
export interface GeneratedInputs {
  engagements: string;
  partners: string;
  topics: string;
  initiatives: string;
}

/** The file name of each generated text. */
export const FILE_NAMES: Record<keyof GeneratedInputs, string> = {
  engagements: "engagements.csv",
  partners: "partners.csv",
  topics: "cooperation-areas.csv",
  initiatives: "initiatives.csv",
};

/** A small fast PRNG (mulberry32): deterministic for a seed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values: ReadonlyArray<string | number>): string {
  return `${values.map(csvField).join(",")}\n`;
}

/** Partner names and ids: the named ones first, then numbered ones when more are asked for. */
export function partnerRecords(count: number): Array<{ id: string; name: string; kind: string; region: string }> {
  return Array.from({ length: count }, (_, i) => {
    const [name, kind, region] = PARTNERS[i] ?? [`Partner nation ${i + 1}`, "country", "Other"];
    return { id: i === 0 ? "peru" : slug(name), name, kind, region };
  });
}

/** Topic names and ids: the named ones first, then numbered ones. */
export function topicRecords(count: number): Array<{ id: string; name: string; category: string }> {
  return Array.from({ length: count }, (_, i) => {
    const [name, category] = TOPICS[i] ?? [`Cooperation area ${i + 1}`, "Other"];
    return { id: slug(name), name, category };
  });
}

/** The lines of partners.csv, header first. */
export function* partnerLines(options: Pick<GenerateOptions, "partners">): Generator<string> {
  yield csvLine(["id", "name", "kind", "region"]);
  for (const p of partnerRecords(options.partners)) yield csvLine([p.id, p.name, p.kind, p.region]);
}

/** The lines of cooperation-areas.csv, header first. */
export function* topicLines(options: Pick<GenerateOptions, "topics">): Generator<string> {
  yield csvLine(["id", "name", "category", "description"]);
  for (const t of topicRecords(options.topics)) yield csvLine([t.id, t.name, t.category, `Cooperation on ${t.name.toLowerCase()} – plans, training and follow-up.`]);
}

function listOf(names: readonly string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The lines of engagements.csv, header first; every engagement involves Peru and one to three other partners. */
export function* engagementLines(options: GenerateOptions): Generator<string> {
  const random = createRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const partners = partnerRecords(options.partners);
  const others = partners.slice(1);
  const topics = topicRecords(options.topics);
  const first = toDay(options.from ?? "2024-01-01");
  const span = toDay(options.to ?? "2025-06-30") - first + 1;
  const today = options.today ?? "2025-02-16";
  const width = Math.max(5, String(options.engagements).length);
  const columns = options.varied ? VARIED_COLUMNS : COLUMNS;
  yield csvLine(columns);
  for (let i = 1; i <= options.engagements; i++) {
    const id = `E-${String(i).padStart(width, "0")}`;
    const startDay = first + Math.floor(random() * span);
    const start = toIso(startDay);
    const end = toIso(startDay + Math.floor(random() * random() * 5));
    const chosen = options.varied
      ? [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(partners)))]
      : [...new Set(Array.from({ length: 1 + Math.floor(random() * random() * 3) }, () => pick(others)))];
    const themes = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(topics)))];
    const kind = pick(KINDS);
    const status = start > today ? "planned" : random() < 0.04 ? "cancelled" : "completed";
    const officials = Array.from({ length: Math.floor(random() * 3) }, () => `${pick(RANKS)} ${pick(GIVEN)} ${pick(FAMILY)}`);
    const names = listOf(chosen.map((p) => p.name));
    const opening = `${KIND_WORDS[kind]} with ${names} on ${themes.map((t) => t.name.toLowerCase()).join(", ")}.`;
    const summary = options.varied
      ? variedSummary(opening, 1 + Math.floor(random() * 12), () => pick(CITIES))
      : `${opening} Participants agreed “next steps” for ${start.slice(0, 4)}–${Number(start.slice(0, 4)) + 1}.${options.longSummaries ? longerSummary(pick(CITIES), themes[0]!.name) : ""}`;
    const row: Record<(typeof COLUMNS)[number], string> = {
      id, start_date: start, end_date: end === start ? "" : end, title: `${KIND_WORDS[kind]}: ${themes[0]!.name} with ${names}`,
      partners: (options.varied ? chosen.map((p) => p.id) : ["peru", ...chosen.map((p) => p.id)]).join(";"), topics: themes.map((t) => t.id).join(";"),
      kind, location: pick(CITIES), officials: officials.join("; "), summary,
      source_url: random() < 0.85 ? `https://news.example.org/defense/${start.slice(0, 7)}/${id.toLowerCase()}` : "", status,
    };
    yield csvLine(columns.map((column) => row[column]));
  }
}

const SENTENCES = [
  "Delegations met in {city} for working sessions and reviewed last year's commitments.",
  "Both sides agreed on a calendar of exchanges, courses and joint exercises.",
  "The follow-up meeting will take place at the Ministry of Defense (Lima, Perú).",
  "Representatives of the Armed Forces' Joint Command and of the Ministerio del Interior took part.",
  "A joint statement is expected before the end of the quarter.",
  "Observers from neighbouring countries attended the closing session in {city}.",
];

// A summary of `count` sentences: the opening one, then sentences from the list in turn.
function variedSummary(opening: string, count: number, city: () => string): string {
  const rest = Array.from({ length: count - 1 }, (_, i) => SENTENCES[i % SENTENCES.length]!.replace("{city}", city()));
  return [opening, ...rest].join(" ");
}

function longerSummary(city: string, topic: string): string {
  return ` Delegations met in ${city} for working sessions on ${topic.toLowerCase()}, reviewed last year's commitments, and agreed on a calendar of exchanges, courses and joint exercises. The follow-up meeting will take place at the Ministry of Defense (Lima, Perú), with participation of the Armed Forces' Joint Command and representatives of the Ministerio del Interior.`;
}

/** The lines of initiatives.csv, header first: a three-year roadmap over the first partners and topics. */
export function* initiativeLines(options: GenerateOptions): Generator<string> {
  const random = createRandom(options.seed ^ 0x5bd1e995);
  const partners = partnerRecords(options.partners).slice(1);
  const topics = topicRecords(options.topics);
  yield csvLine(["year", "partners", "title", "objective", "topics", "status"]);
  const count = Math.max(3, Math.min(30, Math.round(options.engagements / 20)));
  for (let i = 0; i < count && partners.length > 0; i++) {
    const partner = partners[Math.floor(random() * partners.length)]!;
    const topic = topics[Math.floor(random() * topics.length)]!;
    yield csvLine([2025 + (i % 3), `peru;${partner.id}`, `${topic.name} programme with ${partner.name}`, `Strengthen ${topic.name.toLowerCase()} together – milestones reviewed yearly`, topic.id, "planned"]);
  }
}

/** Generates the four input files as text. Pure and deterministic. */
export function generateInputs(options: GenerateOptions): GeneratedInputs {
  const lines = generateLines(options);
  const text = (key: keyof GeneratedInputs) => Array.from(lines[key]).join("");
  return { engagements: text("engagements"), partners: text("partners"), topics: text("topics"), initiatives: text("initiatives") };
}

/** The line generators of each file. */
export function generateLines(options: GenerateOptions): Record<keyof GeneratedInputs, Iterable<string>> {
  return { engagements: engagementLines(options), partners: partnerLines(options), topics: topicLines(options), initiatives: initiativeLines(options) };
}

/** Writes the generated files into a folder, streaming line by line so large sets need little memory. */
export async function writeGeneratedInputs(dir: string, options: GenerateOptions): Promise<void> {
  await mkdir(dir, { recursive: true });
  const lines = generateLines(options);
  for (const key of Object.keys(FILE_NAMES) as Array<keyof GeneratedInputs>) {
    await pipeline(Readable.from(batches(lines[key])), createWriteStream(join(dir, FILE_NAMES[key])));
  }
}

// Hands lines to the stream in batches: one write per line would dominate the time on large sets.
function* batches(lines: Iterable<string>, size = 1000): Generator<string> {
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === size) {
      yield batch.join("");
      batch = [];
    }
  }
  if (batch.length > 0) yield batch.join("");
}

// Through the real path: node_modules (where npm run compiles this) may be a link, which import.meta.url resolves.
const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(resolve(process.argv[1]))).href;
if (invoked) {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const [dir, engagements = "300", partners = "40", topics = "25", seed = "1"] = args.filter((a) => !a.startsWith("--"));
  if (dir === undefined) {
    process.stderr.write("usage: generate-inputs OUT-DIR [engagements] [partners] [topics] [seed] [--from=YYYY-MM-DD] [--to=YYYY-MM-DD] [--long-summaries] [--varied]\n");
    process.exitCode = 2;
  } else {
    const from = flag("from");
    const to = flag("to");
    await writeGeneratedInputs(dir, {
      engagements: Number(engagements), partners: Number(partners), topics: Number(topics), seed: Number(seed),
      ...(from ? { from } : {}), ...(to ? { to } : {}), longSummaries: args.includes("--long-summaries"), varied: args.includes("--varied"),
    });
    process.stdout.write(`${dir}\n`);
  }
}
