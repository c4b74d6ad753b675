/**
 * Builds packets from synthetic archives of several sizes and two kinds and
 * compares them with peers on the same data, in the same run: csv-parse
 * alone reading the engagements file (the floor) and, when python3-xlsxwriter
 * is installed, XlsxWriter in constant-memory mode writing the engagement and
 * topic rows (reading each kind's columns by name).
 *
 *   npm run bench -- [--sizes=1000,10000,100000,1000000] [--kinds=briefkit,varied] [--steps-up-to=100000]
 *                    [--out=bench/results.md] [--cache=DIR] [--no-peers]
 *
 * Kinds of archive: `briefkit`, long summaries and Peru with one to three
 * other partners a row; `varied`, the same 12 columns in another order,
 * summaries of 1 to 12 sentences, 1 to 4 topics and 1 or 2 partners a row.
 * Archives are generated once into the cache folder (default
 * node_modules/.cache/briefkit-bench/) and kept for later runs. Wall time and
 * peak RSS of each run come from bench/measure.py (os.wait4), so every figure
 * includes the process start. Up to --steps-up-to engagements, a second build
 * in process (bench/steps.mjs) times the PDF step on its own.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { cpus, totalmem, type as osType, release } from "node:os";
import { join, resolve } from "node:path";
import { writeGeneratedInputs } from "./generate-inputs.js";

interface Measure {
  seconds: number;
  maxRssKb: number;
  exitCode: number;
}

type Kind = "briefkit" | "varied";

interface Row {
  kind: Kind;
  size: number;
  pages: number;
  /** The PDF step's own time, when measured. */
  pdfSeconds: number | null;
  inputMb: number;
  briefkit: Measure;
  xlsxMb: number;
  pdfMb: number;
  floor: Measure;
  peer: Measure | null;
}

const ROOT = resolve(".");
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const CACHE = resolve(flag("cache") ?? join(ROOT, "node_modules/.cache/briefkit-bench"));
const sizes = (flag("sizes") ?? "1000,10000,100000,1000000").split(",").map(parseSize);
const kinds = (flag("kinds") ?? "briefkit,varied").split(",").map(parseKind);
const stepsUpTo = parseSize(flag("steps-up-to") ?? "100000");
const outFile = flag("out") ?? "bench/results.md";
const python = args.includes("--no-peers") ? null : findPython();

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (match === null) throw new Error(`--sizes: "${text}" is not a number such as 10000, 10k or 1m`);
  return Math.round(Number(match[1]) * ({ "": 1, k: 1e3, m: 1e6 } as Record<string, number>)[match[2]!.toLowerCase()]!);
}

function parseKind(text: string): Kind {
  if (text === "briefkit" || text === "varied") return text;
  throw new Error(`--kinds: "${text}" is not briefkit or varied`);
}

/** A Python 3 that can import xlsxwriter, or null. */
function findPython(): string | null {
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    if (spawnSync(candidate, ["-c", "import xlsxwriter"], { stdio: "ignore" }).status === 0) return candidate;
  }
  return null;
}

/** The Python that runs bench/measure.py: any Python 3 will do. */
const timer = python ?? (spawnSync("python3", ["--version"], { stdio: "ignore" }).status === 0 ? "python3" : null);

function measure(command: string[], cwd = ROOT): Measure {
  const output = execFileSync(timer!, [join(ROOT, "bench/measure.py"), ...command], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(output) as Measure;
}

async function archive(kind: Kind, size: number): Promise<string> {
  const dir = join(CACHE, kind === "briefkit" ? `archive-${size}` : `archive-${kind}-${size}`);
  if (!existsSync(join(dir, "initiatives.csv"))) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`generating ${size} engagements (${kind})…\n`);
    const shape = kind === "briefkit" ? { longSummaries: true } : { varied: true };
    await writeGeneratedInputs(dir, { engagements: size, partners: 40, topics: 25, seed: 7, from: "2019-01-01", to: "2025-06-30", ...shape });
  }
  return dir;
}

/** The pages of a PDF written by pdfkit: its page objects. */
function pageCount(path: string): number {
  return (readFileSync(path).toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** The PDF step's own time, from a second build in process that times each step. */
function pdfStepSeconds(inputs: string): number | null {
  const output = execFileSync(process.execPath, [join(ROOT, "bench/steps.mjs"), inputs, join(ROOT, "templates"), "2025-W07", "2025-02-16"], { cwd: CACHE, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return (JSON.parse(output) as { packet: number | null }).packet;
}

const mb = (bytes: number) => bytes / 1_048_576;

async function benchSize(kind: Kind, size: number): Promise<Row> {
  const inputs = await archive(kind, size);
  const out = join(CACHE, `out-${kind}-${size}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  process.stderr.write(`${size} ${kind}: briefkit…\n`);
  // Run outside the repository so its config file plays no part.
  const briefkit = measure([process.execPath, join(ROOT, "dist/cli.js"), "build", "--inputs", inputs, "--templates", join(ROOT, "templates"), "--out", out, "--week", "2025-W07", "--as-of", "2025-02-16", "--quiet"], CACHE);
  const sizeOf = (ext: string) => mb(readdirSync(out).filter((f) => f.startsWith("briefing-") && f.endsWith(ext)).reduce((sum, f) => sum + statSync(join(out, f)).size, 0));
  const pdfFile = readdirSync(out).find((f) => f.startsWith("briefing-") && f.endsWith(".pdf"));
  const pages = pdfFile === undefined ? 0 : pageCount(join(out, pdfFile));
  let pdfSeconds: number | null = null;
  if (size <= stepsUpTo) {
    process.stderr.write(`${size} ${kind}: the PDF step on its own…\n`);
    pdfSeconds = pdfStepSeconds(inputs);
  }
  process.stderr.write(`${size} ${kind}: csv-parse floor…\n`);
  const floor = measure([process.execPath, join(ROOT, "bench/csv-floor.mjs"), join(inputs, "engagements.csv")]);
  let peer: Measure | null = null;
  if (python !== null) {
    process.stderr.write(`${size} ${kind}: XlsxWriter…\n`);
    peer = measure([python, join(ROOT, "bench/xlsxwriter-peer.py"), inputs, join(out, "peer.xlsx")]);
  }
  return { kind, size, pages, pdfSeconds, inputMb: mb(statSync(join(inputs, "engagements.csv")).size), briefkit, xlsxMb: sizeOf(".xlsx"), pdfMb: sizeOf(".pdf"), floor, peer };
}

function formatTable(rows: readonly Row[]): string {
  const s = (m: Measure) => (m.exitCode === 0 ? m.seconds.toFixed(2) : `failed (${m.exitCode})`);
  const rss = (m: Measure) => (m.maxRssKb / 1024).toFixed(0);
  const ratio = (a: Measure, b: Measure | null) => (b === null || b.exitCode !== 0 || a.exitCode !== 0 ? "–" : (a.seconds / b.seconds).toFixed(2));
  const lines = [
    "| archive | engagements | input MB | briefkit s | rows/s | peak RSS MB | xlsx MB | pdf MB | pages | PDF step s | csv-parse s | ÷ csv-parse | XlsxWriter s | XlsxWriter RSS MB | ÷ XlsxWriter |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    lines.push(`| ${r.kind} | ${r.size.toLocaleString("en-US")} | ${r.inputMb.toFixed(1)} | ${s(r.briefkit)} | ${r.briefkit.exitCode === 0 ? Math.round(r.size / r.briefkit.seconds).toLocaleString("en-US") : "–"} | ${rss(r.briefkit)} | ${r.xlsxMb.toFixed(1)} | ${r.pdfMb.toFixed(2)} | ${r.pages} | ${r.pdfSeconds === null ? "–" : r.pdfSeconds.toFixed(2)} | ${s(r.floor)} | ${ratio(r.briefkit, r.floor)} | ${r.peer ? s(r.peer) : "not installed"} | ${r.peer ? rss(r.peer) : "–"} | ${ratio(r.briefkit, r.peer)} |`);
  }
  return lines.join("\n");
}

function describeMachine(): string {
  const cpu = cpus();
  const pythonVersion = python === null ? "XlsxWriter not installed" : execFileSync(python, ["-c", "import sys, xlsxwriter; print(f'Python {sys.version.split()[0]}, XlsxWriter {xlsxwriter.__version__}')"], { encoding: "utf8" }).trim();
  return `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${osType()} ${release()}, Node ${process.versions.node}, ${pythonVersion}`;
}

if (timer === null) {
  process.stderr.write("bench: python3 is needed to measure wall time and peak memory (bench/measure.py); install it and run again\n");
  process.exit(2);
}
if (!existsSync(join(ROOT, "dist/cli.js"))) {
  process.stderr.write("bench: dist/cli.js is missing; run npm run build first\n");
  process.exit(2);
}
mkdirSync(CACHE, { recursive: true });
const rows: Row[] = [];
for (const kind of kinds) for (const size of sizes) rows.push(await benchSize(kind, size));
const table = formatTable(rows);
const report = `# Benchmark\n\n${new Date().toISOString().slice(0, 10)} · ${describeMachine()}\n\nPacket for 2025-W07 (workbook and PDF) from archives of engagements over 2019–2025, 40 partners, 25 topics, of two kinds: *briefkit* (long summaries, Peru and one to three other partners a row) and *varied* (the same 12 columns in another order, summaries of 1 to 12 sentences, 1 to 4 topics, 1 or 2 partners a row). Times are wall clock, Node start included; *PDF step* is the packet's own time, from a second build in process.\n\n${table}\n`;
mkdirSync(join(ROOT, "bench"), { recursive: true });
writeFileSync(resolve(ROOT, outFile), report);
process.stdout.write(`${report}\nwritten to ${outFile}\n`);
