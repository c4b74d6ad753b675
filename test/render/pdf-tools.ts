import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What the poppler and qpdf tools say about a PDF, for tests. */
export interface PdfReport {
  /** The text of each page, laid out as on the page. */
  pages: string[];
  /** The text of each page in reading order. */
  flow: string[];
  /** The text of the top and bottom 45 points of each page. */
  top: string[];
  bottom: string[];
  check: { status: number; output: string };
  fonts: string[];
  info: Record<string, string>;
  outlines: Outline[];
  uriLinks: string[];
  linkAnnotations: number;
  catalog: Record<string, unknown>;
  xmp: string;
  /** Structure element types (H1, P, Table …) with how many of each. */
  structure: Record<string, number>;
  /** Alternative texts of the Figure elements. */
  figureAlts: string[];
}

export interface Outline {
  title: string;
  page: number;
  kids: Outline[];
}

/** Runs the tools on the bytes of a PDF. */
export function inspectPdf(bytes: Uint8Array): PdfReport {
  const path = join(mkdtempSync(join(tmpdir(), "briefkit-pdf-")), "packet.pdf");
  writeFileSync(path, bytes);
  const text = execFileSync("pdftotext", ["-layout", path, "-"]).toString("utf8");
  const flow = execFileSync("pdftotext", [path, "-"]).toString("utf8");
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path]).toString())?.[1]);
  const strip = (y: number) =>
    execFileSync("pdftotext", ["-layout", "-x", "0", "-y", String(y), "-W", "1000", "-H", "45", path, "-"]).toString("utf8").split("\f").slice(0, pageCount);
  const check = spawnSync("qpdf", ["--check", path], { encoding: "utf8" });
  const fonts = execFileSync("pdffonts", [path]).toString().split("\n").slice(2).filter((line) => line.trim() !== "");
  const info = Object.fromEntries(
    execFileSync("pdfinfo", [path]).toString("utf8").split("\n").filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
  const json = JSON.parse(execFileSync("qpdf", ["--json", path], { maxBuffer: 256 * 1024 * 1024 }).toString("utf8")) as QpdfJson;
  const objects = json.qpdf[1];
  const values = Object.values(objects).map((o) => o.value).filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null);
  const trailer = objects["trailer"]?.value as { "/Root": string };
  const catalog = objects[`obj:${trailer["/Root"]}`]!.value as Record<string, unknown>;
  const xmp = spawnSync("pdfinfo", ["-meta", path], { encoding: "utf8" }).stdout;
  return {
    pages: text.split("\f").slice(0, Number(info["Pages"])),
    flow: flow.split("\f").slice(0, Number(info["Pages"])),
    top: strip(0),
    bottom: strip(842 - 45),
    check: { status: check.status ?? -1, output: `${check.stdout}${check.stderr}` },
    fonts,
    info,
    outlines: json.outlines.map(toOutline),
    uriLinks: values.filter((v) => v["/S"] === "/URI").map((v) => String(v["/URI"]).replace(/^u:/, "")),
    linkAnnotations: values.filter((v) => v["/Subtype"] === "/Link").length,
    catalog,
    xmp,
    structure: countBy(values.filter((v) => "/S" in v && "/P" in v).map((v) => String(v["/S"]).slice(1))),
    figureAlts: values.filter((v) => v["/S"] === "/Figure" && "/P" in v).map((v) => String(v["/Alt"]).replace(/^u:/, "")),
  };
}

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

interface QpdfJson {
  qpdf: [unknown, Record<string, { value?: unknown }>];
  outlines: RawOutline[];
}

interface RawOutline {
  title: string;
  destpageposfrom1: number;
  kids: RawOutline[];
}

function toOutline(raw: RawOutline): Outline {
  return { title: raw.title, page: raw.destpageposfrom1, kids: raw.kids.map(toOutline) };
}

/** Outline titles, depth first, with their level: `1 Key points`, `2 France`. */
export function flattenOutlines(outlines: readonly Outline[], level = 1): Array<{ level: number; title: string; page: number }> {
  return outlines.flatMap((o) => [{ level, title: o.title, page: o.page }, ...flattenOutlines(o.kids, level + 1)]);
}
