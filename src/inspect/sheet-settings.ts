import type ExcelJS from "exceljs";

/** `1 ⇒ A`, `28 ⇒ AB` */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The settings of a sheet a reviewer checks, one `name: value` line each; unset ones are left out. */
export function describeSettings(sheet: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  const add = (name: string, value: string | null) => {
    if (value !== null) lines.push(`${name}: ${value}`);
  };
  if (sheet.state !== "visible") add("state", sheet.state);
  add("frozen panes", describeFrozen(sheet.views));
  add("filter", describeFilter(sheet.autoFilter));
  add("tables", describeTables(sheet));
  // exceljs leaves what a file does not set as null, whatever its types say.
  const merges = sheet.model.merges ?? [];
  add("merged", merges.length === 0 ? null : [...merges].sort(compareRanges).join(", "));
  // Read back by exceljs but missing from its types.
  add("conditional formats", describeConditional((sheet as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings));
  add("print", describePrint(sheet.pageSetup ?? {}));
  const hf: Partial<ExcelJS.HeaderFooter> = sheet.headerFooter ?? {};
  add("header", describeHeaderFooter(hf.oddHeader));
  add("footer", describeHeaderFooter(hf.oddFooter));
  if (hf.differentOddEven) {
    add("even page header", describeHeaderFooter(hf.evenHeader));
    add("even page footer", describeHeaderFooter(hf.evenFooter));
  }
  if (hf.differentFirst) {
    add("first page header", describeHeaderFooter(hf.firstHeader));
    add("first page footer", describeHeaderFooter(hf.firstFooter));
  }
  return lines;
}

function describeFrozen(views: readonly Partial<ExcelJS.WorksheetView>[] | null): string | null {
  const view = views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (view?.state !== "frozen") return null;
  const rows = view.ySplit ?? 0;
  const columns = view.xSplit ?? 0;
  const parts: string[] = [];
  if (rows > 0) parts.push(rows === 1 ? "row 1" : `rows 1-${rows}`);
  if (columns > 0) parts.push(columns === 1 ? "column A" : `columns A-${columnLetter(columns)}`);
  return parts.length === 0 ? null : parts.join(", ");
}

function describeFilter(filter: ExcelJS.AutoFilter | undefined): string | null {
  if (filter === undefined || filter === null) return null;
  if (typeof filter === "string") return filter;
  const corner = (at: string | { row: number; column: number }) => (typeof at === "string" ? at : `${columnLetter(at.column)}${at.row}`);
  return `${corner(filter.from)}:${corner(filter.to)}`;
}

function describeTables(sheet: ExcelJS.Worksheet): string | null {
  // Loaded tables keep their range as `tableRef`, which exceljs's types do not name.
  const tables = (sheet.getTables() as unknown as Array<{ table?: { name?: string; tableRef?: string; style?: { theme?: string } } }>)
    .map((entry) => entry.table ?? {})
    .map((table) => `${table.name ?? "(unnamed)"} ${table.tableRef ?? ""}${table.style?.theme ? ` (${table.style.theme})` : ""}`.trim());
  return tables.length === 0 ? null : tables.join(", ");
}

function describeConditional(formats: readonly ExcelJS.ConditionalFormattingOptions[] | undefined): string | null {
  if (formats === undefined || formats.length === 0) return null;
  return formats.map((format) => `${format.ref} ${format.rules.map((rule) => rule.type).join("+")}`).join(", ");
}

const PAPER: Record<number, string> = { 1: "Letter", 5: "Legal", 8: "A3", 9: "A4", 11: "A5" };

function describePrint(setup: Partial<ExcelJS.PageSetup>): string {
  const parts: string[] = [setup.orientation ?? "portrait"];
  parts.push(setup.paperSize === undefined ? "default paper" : (PAPER[setup.paperSize] ?? `paper size ${setup.paperSize}`));
  if (setup.fitToPage) {
    const pages = (n: number | undefined, way: string) => (n ? `${n} ${n === 1 ? "page" : "pages"} ${way}` : `any pages ${way}`);
    parts.push(`fit to ${pages(setup.fitToWidth, "wide")} × ${pages(setup.fitToHeight, "tall")}`);
  } else if (setup.scale !== undefined && setup.scale !== 100) parts.push(`scale ${setup.scale}%`);
  if (setup.printTitlesRow) parts.push(`repeat rows ${setup.printTitlesRow}`);
  if (setup.printTitlesColumn) parts.push(`repeat columns ${setup.printTitlesColumn}`);
  if (setup.printArea) parts.push(`print area ${setup.printArea}`);
  const m = setup.margins;
  if (m !== undefined && m !== null) parts.push(`margins ${m.left}/${m.right}/${m.top}/${m.bottom} in (left/right/top/bottom)`);
  return parts.join(", ");
}

const SECTIONS = { L: "left", C: "center", R: "right" } as const;
const FIELDS: Record<string, string> = { P: "{page}", N: "{pages}", D: "{date}", T: "{time}", F: "{file}", A: "{sheet}", Z: "{path}", G: "{picture}" };

/**
 * `&C&BSECRET` ⇒ `center "SECRET"`: the three sections of an Excel header or
 * footer, with fields named and formatting codes left out.
 */
export function describeHeaderFooter(code: string | null | undefined): string | null {
  if (code === undefined || code === null || code === "") return null;
  const sections: Array<[string, string]> = [];
  let current: [string, string] = ["center", ""];
  const pattern = /&&|&[LCR]|&"[^"]*"|&K[0-9A-Fa-f]{6}|&K\d{2}[+-]\d{3}|&\d+|&[A-Za-z]|&|[^&]+/g;
  for (const [token] of code.matchAll(pattern)) {
    const section = SECTIONS[token.slice(1) as keyof typeof SECTIONS];
    if (token.length === 2 && section !== undefined) {
      if (current[1] !== "") sections.push(current);
      current = [section, ""];
    } else if (token === "&&") current[1] += "&";
    else if (!token.startsWith("&")) current[1] += token;
    else current[1] += FIELDS[token.slice(1)] ?? "";
  }
  if (current[1] !== "") sections.push(current);
  return sections.length === 0 ? null : sections.map(([name, text]) => `${name} ${JSON.stringify(text)}`).join(", ");
}

function compareRanges(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
