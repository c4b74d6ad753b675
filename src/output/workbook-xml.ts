/**
 * What exceljs writes into a workbook that Excel would repair, or that the
 * schema means otherwise, fixed in the XML as the zip is re-packed:
 * - the streaming writer marks text cells `t="str"`, a formula's string,
 *   with no formula: they become inline strings;
 * - a table with no totals row says `totalsRowShown="1"`: it says 0;
 * - a sheet's filter lacks the hidden `_xlnm._FilterDatabase` name Excel
 *   writes beside it: it gets one;
 * - print titles quote a sheet name without doubling its apostrophes.
 *
 * The parts come in the order the re-pack writes them, `xl/workbook.xml`
 * after the sheets whose filters it names. A sheet is fixed a chunk at a
 * time, so a big one is never held whole.
 */

/** Fixes a part given a chunk at a time: each call returns what is ready. */
export interface ChunkFixer {
  push(chunk: Uint8Array): Buffer;
  end(): Buffer;
}

/** The fixes of one workbook, told its parts in the order they are written. */
export interface WorkbookFixes {
  /** The fixer of a worksheet, streamed; null for any other part. */
  sheet(name: string): ChunkFixer | null;
  /** How a small part is fixed whole (its new bytes, or null when it stays as it is); null for a part left alone. */
  part(name: string): ((bytes: Uint8Array) => Uint8Array | null) | null;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const TABLE = /^xl\/tables\/[^/]+\.xml$/;
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/** The fixes of one workbook's re-pack. */
export function workbookFixes(): WorkbookFixes {
  const targets = new Map<string, string>();
  const filters = new Map<string, string>();
  return {
    sheet: (name) => (SHEET.test(name) ? sheetFixer((ref) => filters.set(name, ref)) : null),
    part(name) {
      if (TABLE.test(name)) return (bytes) => changed(bytes, fixTable);
      if (name === WORKBOOK) return (bytes) => changed(bytes, (xml) => fixWorkbook(xml, { targets, filters }));
      if (name !== WORKBOOK_RELS) return null;
      return (bytes) => {
        readTargets(text(bytes), targets);
        return null;
      };
    },
  };
}

const text = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

function changed(bytes: Uint8Array, fix: (xml: string) => string): Uint8Array | null {
  const xml = text(bytes);
  const fixed = fix(xml);
  return fixed === xml ? null : Buffer.from(fixed, "utf8");
}

const CELL_START = Buffer.from("<c ");
const CELL_END = Buffer.from("</c>");
const TAG_START = Buffer.from("<");
const STRING_CELL = Buffer.from(' t="str"><v>');
const VALUE_END = Buffer.from("</v>");
const INLINE = Buffer.from(' t="inlineStr"><is><t>');
const INLINE_PRESERVED = Buffer.from(' t="inlineStr"><is><t xml:space="preserve">');
const INLINE_END = Buffer.from("</t></is>");
const FILTER_START = Buffer.from("<autoFilter ");
const FILTER = /<autoFilter ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/;

/**
 * A worksheet's text cells as inline strings, and its filter's range told to
 * `onFilter`. Each chunk is fixed up to its last whole cell (or, past the
 * cells, its last whole tag); the rest waits for the next chunk.
 */
export function sheetFixer(onFilter: (ref: string) => void): ChunkFixer {
  let rest: Buffer = Buffer.alloc(0);
  const fix = (data: Buffer): Buffer => {
    const at = data.indexOf(FILTER_START);
    const filter = at < 0 ? null : FILTER.exec(data.toString("latin1", at, at + 64));
    if (filter) onFilter(filter[1]!);
    return inlineStrings(data);
  };
  return {
    push(chunk) {
      const data = rest.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([rest, chunk]);
      const open = data.lastIndexOf(CELL_START);
      const cut = open > data.lastIndexOf(CELL_END) ? open : data.lastIndexOf(TAG_START);
      if (cut <= 0) {
        rest = data;
        return Buffer.alloc(0);
      }
      // A copy, so that the chunk it came from can go.
      rest = Buffer.from(data.subarray(cut));
      return fix(data.subarray(0, cut));
    },
    end() {
      const last = rest;
      rest = Buffer.alloc(0);
      return fix(last);
    },
  };
}

// Every text cell in `data` is whole: its value ends before the next cell starts.
function inlineStrings(data: Buffer): Buffer {
  let at = data.indexOf(STRING_CELL);
  if (at < 0) return data;
  const pieces: Buffer[] = [];
  let from = 0;
  for (; at >= 0; at = data.indexOf(STRING_CELL, from)) {
    const start = at + STRING_CELL.length;
    const end = data.indexOf(VALUE_END, start);
    pieces.push(data.subarray(from, at), edgeSpace(data, start, end) ? INLINE_PRESERVED : INLINE, data.subarray(start, end), INLINE_END);
    from = end + VALUE_END.length;
  }
  pieces.push(data.subarray(from));
  return Buffer.concat(pieces);
}

// Excel trims text that begins or ends with white space unless told to keep it.
function edgeSpace(data: Buffer, start: number, end: number): boolean {
  const space = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
  return end > start && (space(data[start]) || space(data[end - 1]));
}

function fixTable(xml: string): string {
  return /totalsRowCount="[1-9]/.test(xml) ? xml : xml.replace(' totalsRowShown="1"', ' totalsRowShown="0"');
}

/** The parts the workbook's relationships point to, by id: `rId3` → `xl/worksheets/sheet1.xml`. */
function readTargets(xml: string, targets: Map<string, string>): void {
  for (const [tag] of xml.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id !== null && target !== null) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
}

/** The workbook's defined names with print titles quoted right and a hidden filter name for each filtered sheet. */
function fixWorkbook(xml: string, known: { targets: Map<string, string>; filters: Map<string, string> }): string {
  const sheets = [...xml.matchAll(/<sheet\s[^>]*>/g)].map(([tag]) => ({
    name: attribute(tag, "name") ?? "",
    part: known.targets.get(attribute(tag, "r:id") ?? "") ?? "",
  }));
  const quoted = xml.replace(/(<definedName name="_xlnm\.Print_(?:Titles|Area)" localSheetId="(\d+)">)([^<]*)(<\/definedName>)/g, (all, open: string, index: string, body: string, close: string) => {
    const sheet = sheets[Number(index)];
    if (sheet === undefined) return all;
    const refs = [...unescapeXml(body).matchAll(/!(\$?[A-Z]*\$?\d*:\$?[A-Z]*\$?\d*)(?=,|$)/g)].map((m) => `${quoteSheetName(sheet.name)}!${m[1]}`);
    return `${open}${escapeXml(refs.join(","))}${close}`;
  });
  const names = sheets.flatMap((sheet, index) => {
    const ref = known.filters.get(sheet.part);
    if (ref === undefined) return [];
    const absolute = ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return [`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(`${quoteSheetName(sheet.name)}!${absolute}`)}</definedName>`];
  });
  if (names.length === 0) return quoted;
  if (quoted.includes("</definedNames>")) return quoted.replace("</definedNames>", `${names.join("")}</definedNames>`);
  return quoted.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`);
}

/** A sheet name as a reference gives it: `'Partner''s list'`. */
function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name.replace(".", "\\.")}="([^"]*)"`).exec(tag);
  return match === null ? null : unescapeXml(match[1]!);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, code: string) => {
    if (code.startsWith("#x") || code.startsWith("#X")) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code] ?? all;
  });
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
