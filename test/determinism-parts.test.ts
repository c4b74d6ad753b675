import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import PDFDocument from "pdfkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pinPdfId } from "../src/output/pdf-id.js";
import { resolveToday } from "../src/output/today.js";
import { repackZip } from "../src/output/zip.js";

/** Name, stored date and time of each entry, read from the local headers of a zip. */
/** The compression method of the entry of that name, from its local header. */
function zipMethod(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const [size, nameLength, extraLength] = [view.getUint32(at + 18, true), view.getUint16(at + 26, true), view.getUint16(at + 28, true)];
    if (new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)) === name) return view.getUint16(at + 8, true);
    at += 30 + nameLength + extraLength + size;
  }
  throw new Error(`no entry ${name}`);
}

function zipEntries(bytes: Uint8Array): Array<{ name: string; date: string; time: string }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const [time, date] = [view.getUint16(at + 10, true), view.getUint16(at + 12, true)];
    const [size, nameLength, extraLength] = [view.getUint32(at + 18, true), view.getUint16(at + 26, true), view.getUint16(at + 28, true)];
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const pad = (n: number) => String(n).padStart(2, "0");
    entries.push({
      name,
      date: `${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)}`,
      time: `${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`,
    });
    at += 30 + nameLength + extraLength + size;
  }
  return entries;
}

async function tinyWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 1, 16));
  workbook.addWorksheet("Sheet").addRow(["Perú", 1]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("repackZip", () => {
  afterEach(() => vi.useRealTimers());

  it("exceljs stamps the clock ⇒ two writes differ, and re-packed they are the same bytes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-03T09:00:00Z"));
    const first = await tinyWorkbook();
    vi.setSystemTime(new Date("2025-03-03T10:00:00Z"));
    const second = await tinyWorkbook();
    expect(sha256(second)).not.toBe(sha256(first));
    expect(sha256(repackZip(second, { date: "2025-02-16" }))).toBe(sha256(repackZip(first, { date: "2025-02-16" })));
  });

  it("any entry order ⇒ [Content_Types].xml first, then by name, no folders, all at noon of the date", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const zip = zipSync({ "xl/": {}, "xl/b.xml": text("b"), "[Content_Types].xml": text("t"), "_rels/.rels": text("r"), "a.xml": text("a") });
    const repacked = repackZip(zip, { date: "2025-02-16" });
    expect(zipEntries(repacked)).toEqual(
      ["[Content_Types].xml", "_rels/.rels", "a.xml", "xl/b.xml"].map((name) => ({ name, date: "2025-02-16", time: "12:00:00" })),
    );
    expect(new TextDecoder().decode(unzipSync(repacked)["xl/b.xml"])).toBe("b");
  });

  it("stored entries ⇒ deflated when that makes them smaller, the same contents; compressed ones copied as they are", () => {
    const xml = new TextEncoder().encode("<row><c>Perú</c></row>".repeat(200));
    const zip = zipSync({ "a.xml": [xml, { level: 0 }], "b.bin": [new Uint8Array([1]), { level: 0 }], "c.xml": [xml, { level: 9 }] });
    const repacked = repackZip(zip, { date: "2025-02-16" });
    const methods = Object.fromEntries(["a.xml", "b.bin", "c.xml"].map((name) => [name, zipMethod(repacked, name)]));
    expect(methods).toEqual({ "a.xml": 8, "b.bin": 0, "c.xml": 8 });
    expect(repacked.length).toBeLessThan(zip.length);
    const files = unzipSync(repacked);
    expect([files["a.xml"], files["b.bin"], files["c.xml"]]).toEqual([xml, new Uint8Array([1]), xml]);
  });

  it.each([
    ["1970-01-01", "1980-01-01"],
    ["2150-06-01", "2099-12-31"],
  ])("a date zips cannot hold (%s) ⇒ the nearest they can (%s)", (date, stored) => {
    const repacked = repackZip(zipSync({ "a.xml": new Uint8Array([1]) }), { date });
    expect(zipEntries(repacked)[0]!.date).toBe(stored);
  });

  it.each(["UTC", "America/Lima", "Asia/Kolkata", "Pacific/Kiritimati", "America/Santiago"])("TZ=%s ⇒ the same bytes as everywhere", async (tz) => {
    const bytes = await tinyWorkbook();
    const here = sha256(repackZip(bytes, { date: "2024-09-08" }));
    // The re-pack reads local time, so run it in a child process with another zone.
    const child = execFileSync(process.execPath, ["--input-type=module", "-e", REPACK_IN_CHILD], {
      input: Buffer.from(bytes),
      env: { ...process.env, TZ: tz },
    }).toString();
    expect(child).toBe(here);
  });
});

// Re-packs stdin with the built module and prints its sha256.
const REPACK_IN_CHILD = `
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { repackZip } from "${new URL("../dist/output/zip.js", import.meta.url).href}";
const bytes = repackZip(new Uint8Array(readFileSync(0)), { date: "2024-09-08" });
process.stdout.write(createHash("sha256").update(bytes).digest("hex"));
`;

function tinyPdf(text: string): Promise<Uint8Array> {
  const date = new Date(Date.UTC(2025, 1, 16));
  const doc = new PDFDocument({ info: { Title: "Same info", CreationDate: date, ModDate: date } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.text(text);
  doc.end();
  return done;
}

const idOf = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]{32})>/.exec(Buffer.from(bytes).toString("latin1"))?.[1];

describe("pinPdfId", () => {
  it("two packets with the same properties ⇒ pdfkit gives one id; pinned, each has its own", async () => {
    const [one, two] = [await tinyPdf("one"), await tinyPdf("two")];
    expect(idOf(one)).toBe(idOf(two));
    expect(idOf(pinPdfId(one))).not.toBe(idOf(pinPdfId(two)));
  });

  it("a packet ⇒ the md5 of its bytes as id, same length, a valid file", async () => {
    const bytes = await tinyPdf("one");
    const pinned = pinPdfId(bytes);
    expect(idOf(pinned)).toBe(createHash("md5").update(bytes).digest("hex"));
    expect(pinned.length).toBe(bytes.length);
    expect(pinPdfId(await tinyPdf("one"))).toEqual(pinned);
    const path = join(await mkdtemp(join(tmpdir(), "briefkit-pdf-")), "pinned.pdf");
    await writeFile(path, pinned);
    expect(execFileSync("qpdf", ["--check", path]).toString()).toContain("No syntax or stream encoding errors found");
  });
});

describe("resolveToday", () => {
  const now = new Date("2026-11-23T23:30:00Z");
  it.each<[string | undefined, string]>([
    [undefined, "2026-11-23"],
    ["", "2026-11-23"],
    ["1739718000", "2025-02-16"],
    ["0", "1970-01-01"],
  ])("SOURCE_DATE_EPOCH=%j ⇒ %s", (epoch, today) => {
    expect(resolveToday({ env: { SOURCE_DATE_EPOCH: epoch }, now })).toBe(today);
  });

  it.each(["yesterday", "-5", "1.5", "99999999999999"])("SOURCE_DATE_EPOCH=%j ⇒ a usage error", (epoch) => {
    expect(() => resolveToday({ env: { SOURCE_DATE_EPOCH: epoch }, now })).toThrow(`SOURCE_DATE_EPOCH "${epoch}" is not a number of seconds since 1970-01-01`);
  });
});
