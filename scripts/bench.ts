/**
 * Builds packets from synthetic archives of several sizes and compares them
 * with peers on the same data, in the same run: csv-parse alone reading the
 * engagements file (the floor) and, when python3-xlsxwriter is installed,
 * XlsxWriter in constant-memory mode writing the engagement and topic rows.
 *
 *   npm run bench -- [--sizes=1000,10000,100000,1000000] [--out=bench/results.md] [--no-peers]
 *
 * Archives are generated once into node_modules/.cache/briefkit-bench/ and
 * kept for later runs. Wall time and peak RSS of each run come from
 * bench/measure.py (os.wait4), so every figure includes the process start.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { cpus, totalmem, type as osType, release } from "node:os";
import { join, resolve } from "node:path";
import { writeGeneratedInputs } from "./generate-inputs.js";

interface Measure {
  seconds: number;
  maxRssKb: number;
  exitCode: number;
}

interface Row {
  size: number;
  inputMb: number;
  briefkit: Measure;
  xlsxMb: number;
  pdfMb: number;
  floor: Measure;
  peer: Measure | null;
}

const ROOT = resolve(".");
const CACHE = join(ROOT, "node_modules/.cache/briefkit-bench");
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (flag("sizes") ?? "1000,10000,100000,1000000").split(",").map(parseSize);
const outFile = flag("out") ?? "bench/results.md";
const python = args.includes("--no-peers") ? null : findPython();

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (match === null) throw new Error(`--sizes: "${text}" is not a number such as 10000, 10k or 1m`);
  return Math.round(Number(match[1]) * ({ "": 1, k: 1e3, m: 1e6 } as Record<string, number>)[match[2]!.toLowerCase()]!);
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

async function archive(size: number): Promise<string> {
  const dir = join(CACHE, `archive-${size}`);
  if (!existsSync(join(dir, "initiatives.csv"))) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`generating ${size} engagements…\n`);
    await writeGeneratedInputs(dir, { engagements: size, partners: 40, topics: 25, seed: 7, from: "2019-01-01", to: "2025-06-30", longSummaries: true });
  }
  return dir;
}

const mb = (bytes: number) => bytes / 1_048_576;

async function benchSize(size: number): Promise<Row> {
  const inputs = await archive(size);
  const out = join(CACHE, `out-${size}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  process.stderr.write(`${size}: briefkit…\n`);
  // Run outside the repository so its config file plays no part.
  const briefkit = measure([process.execPath, join(ROOT, "dist/cli.js"), "build", "--inputs", inputs, "--templates", join(ROOT, "templates"), "--out", out, "--week", "2025-W07", "--as-of", "2025-02-16", "--quiet"], CACHE);
  const sizeOf = (ext: string) => mb(readdirSync(out).filter((f) => f.startsWith("briefing-") && f.endsWith(ext)).reduce((sum, f) => sum + statSync(join(out, f)).size, 0));
  process.stderr.write(`${size}: csv-parse floor…\n`);
  const floor = measure([process.execPath, join(ROOT, "bench/csv-floor.mjs"), join(inputs, "engagements.csv")]);
  let peer: Measure | null = null;
  if (python !== null) {
    process.stderr.write(`${size}: XlsxWriter…\n`);
    peer = measure([python, join(ROOT, "bench/xlsxwriter-peer.py"), inputs, join(out, "peer.xlsx")]);
  }
  return { size, inputMb: mb(statSync(join(inputs, "engagements.csv")).size), briefkit, xlsxMb: sizeOf(".xlsx"), pdfMb: sizeOf(".pdf"), floor, peer };
}

function formatTable(rows: readonly Row[]): string {
  const s = (m: Measure) => (m.exitCode === 0 ? m.seconds.toFixed(2) : `failed (${m.exitCode})`);
  const rss = (m: Measure) => (m.maxRssKb / 1024).toFixed(0);
  const ratio = (a: Measure, b: Measure | null) => (b === null || b.exitCode !== 0 || a.exitCode !== 0 ? "–" : (a.seconds / b.seconds).toFixed(2));
  const lines = [
    "| engagements | input MB | briefkit s | rows/s | peak RSS MB | xlsx MB | pdf MB | csv-parse s | ÷ csv-parse | XlsxWriter s | XlsxWriter RSS MB | ÷ XlsxWriter |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    lines.push(`| ${r.size.toLocaleString("en-US")} | ${r.inputMb.toFixed(1)} | ${s(r.briefkit)} | ${r.briefkit.exitCode === 0 ? Math.round(r.size / r.briefkit.seconds).toLocaleString("en-US") : "–"} | ${rss(r.briefkit)} | ${r.xlsxMb.toFixed(1)} | ${r.pdfMb.toFixed(2)} | ${s(r.floor)} | ${ratio(r.briefkit, r.floor)} | ${r.peer ? s(r.peer) : "not installed"} | ${r.peer ? rss(r.peer) : "–"} | ${ratio(r.briefkit, r.peer)} |`);
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
for (const size of sizes) rows.push(await benchSize(size));
const table = formatTable(rows);
const report = `# Benchmark\n\n${new Date().toISOString().slice(0, 10)} · ${describeMachine()}\n\nPacket for 2025-W07 (workbook and PDF) from an archive of engagements over 2019–2025, 40 partners, 25 topics, long summaries. Times are wall clock, Node start included.\n\n${table}\n`;
mkdirSync(join(ROOT, "bench"), { recursive: true });
writeFileSync(resolve(ROOT, outFile), report);
process.stdout.write(`${report}\nwritten to ${outFile}\n`);
