import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/render/xlsx/cells.js";
import type { RowSource } from "../../src/render/xlsx/columns.js";
import { writeTable, type ColumnSpec, type TableResult } from "../../src/render/xlsx/sheet.js";
import { readWorkbook } from "./xlsx-helpers.js";

const COLUMNS: ColumnSpec[] = [{ header: "Id" }, { header: "Text", wrap: true }, { header: "Link" }];

/** One sheet written by the streaming writer from `rows`; the sheet read back and what writeTable returned. */
async function streamSheet(rows: RowSource | ((sheet: ExcelJS.Worksheet) => RowSource), options: { linkLimit?: number; widthSample?: number } = {}) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("List");
  const source = typeof rows === "function" ? rows(sheet) : rows;
  const result: TableResult = await writeTable({ sheet, tableName: "List", columns: COLUMNS, rows: source, marking: "M", stream: true, ...options });
  sheet.commit();
  await workbook.commit();
  return { result, sheet: (await readWorkbook(Buffer.concat(chunks))).getWorksheet("List")! };
}

async function memorySheet(rows: readonly CellValue[][]) {
  const workbook = new ExcelJS.Workbook();
  await writeTable({ sheet: workbook.addWorksheet("List"), tableName: "List", columns: COLUMNS, rows, marking: "M" });
  return (await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()))).getWorksheet("List")!;
}

const row = (n: number, text = `row ${n}`): CellValue[] => [n, text, { link: `https://example.org/${n}`, text: `example.org/${n}` }];
const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));

describe("writeTable with the streaming writer", () => {
  it("a generator ⇒ each row past the width sample is written and committed before the next one is made", async () => {
    // For each row asked for: the sheet rows added so far, and whether the last of them is committed.
    const seen: Array<[number, boolean]> = [];
    await streamSheet(function* (sheet) {
      let added = 0;
      const addRow = sheet.addRow.bind(sheet);
      sheet.addRow = (value: unknown) => ((added += 1), addRow(value));
      // The streaming writer refuses to hand out a row it has committed.
      const committed = (n: number) => {
        try {
          sheet.getRow(n);
          return false;
        } catch {
          return true;
        }
      };
      for (let n = 1; n <= 6; n++) {
        seen.push([added, added > 0 && committed(added)]);
        yield row(n);
      }
    }, { widthSample: 3 });
    // Rows 1–3 wait for the widths; then the header and each row are written as soon as they are made.
    expect(seen).toEqual([[0, false], [0, false], [0, false], [4, true], [5, true], [6, true]]);
  });

  it("a sheet of 16 MB of XML ⇒ at most about 4 MB of it waits for the zip at any time", async () => {
    // What waits is in the pass-through stream exceljs puts between the sheet and the zip (exceljs 4 internals).
    type Pipe = { _writableState: { length: number }; _readableState: { length: number } };
    const waiting = (sheet: ExcelJS.Worksheet) => {
      const pipe = (sheet as unknown as { stream: { pipes: Pipe[] } }).stream.pipes[0]!;
      return pipe._writableState.length + pipe._readableState.length;
    };
    // Letters that do not repeat within the zip's window, so that compressing them takes a while.
    let seed = 1;
    const letters = Array.from({ length: 1 << 20 }, () => String.fromCharCode(97 + ((seed = (seed * 48_271) % 2_147_483_647) % 26))).join("");
    let most = 0;
    const { sheet } = await streamSheet(function* (sheet) {
      for (let n = 1; n <= 8_000; n++) {
        most = Math.max(most, waiting(sheet));
        const at = (n * 104_729) % (letters.length - 2_000);
        yield row(n, letters.slice(at, at + 2_000));
      }
    }, { widthSample: 10 });
    expect(values(sheet)).toHaveLength(8_001);
    expect(most).toBeLessThan(5 * 1024 * 1024);
  });

  it("an async source ⇒ the same cells as the array written in memory", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 1));
    const { sheet } = await streamSheet((async function* () {
      for (const r of rows) yield await Promise.resolve(r);
    })());
    const memory = await memorySheet(rows);
    expect(values(sheet)).toEqual(values(memory));
    expect(sheet.autoFilter).toBe("A1:C41");
    expect([1, 2, 3].map((c) => sheet.getColumn(c).width)).toEqual([1, 2, 3].map((c) => memory.getColumn(c).width));
  });

  it.each([
    [2, "the first two rows ⇒ the width of their text", 8],
    [10, "every row ⇒ the width of the long text", 29],
  ])("widths fitted to %i rows: %s", async (widthSample, _, width) => {
    const rows = [row(1, "short"), row(2, "short"), row(3, "a longer text of some words")];
    const { sheet } = await streamSheet(rows, { widthSample });
    expect(sheet.getColumn(2).width).toBe(width);
    expect(values(sheet).map((r) => r[1])).toEqual(["Text", "short", "short", "a longer text of some words"]);
  });

  it("links beyond the limit ⇒ plain text, and the first such row is reported", async () => {
    const { result, sheet } = await streamSheet([1, 2, 3].map((n) => row(n)), { linkLimit: 2, widthSample: 1 });
    expect(result.firstUnlinkedRow).toBe(4);
    expect(sheet.getCell("C2").value).toMatchObject({ hyperlink: "https://example.org/1" });
    expect(sheet.getCell("C3").value).toMatchObject({ hyperlink: "https://example.org/2" });
    expect(sheet.getCell("C4").value).toBe("https://example.org/3");
  });

  it("no rows ⇒ a header with a filter", async () => {
    const { sheet } = await streamSheet([]);
    expect(values(sheet)).toEqual([["Id", "Text", "Link"]]);
    expect(sheet.autoFilter).toBe("A1:C1");
  });
});
