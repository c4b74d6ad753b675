import { beforeAll, describe, expect, it } from "vitest";
import { composeBriefing, workbookSpecSchema, type WorkbookSpec } from "../../src/compose/compose.js";
import { loadTemplates } from "../../src/compose/templates.js";
import { buildReports } from "../../src/build.js";
import type { Briefing } from "../../src/model/briefing.js";
import { columnNumber, makeTable, type ListSheetKey, type Lookups } from "../../src/render/xlsx/columns.js";
import { AREAS, ENGAGEMENTS, ENGAGEMENT_TOPICS, INITIATIVES, ISSUES, PARTNERS, UPCOMING } from "../../src/render/xlsx/list-sheets.js";
import { PERIOD, SPECIAL, config } from "./xlsx-helpers.js";

const LISTS = [ENGAGEMENTS, ENGAGEMENT_TOPICS, UPCOMING, PARTNERS, AREAS, INITIATIVES, ISSUES].map((list) => ({
  sheet: list.sheet as ListSheetKey,
  keys: list.columns.map((column) => column.key as string),
  tableName: list.tableName,
}));
const sheetShape = workbookSpecSchema.shape.sheets.shape;

describe.each(LISTS.map((list) => [list.sheet, list] as const))("the %s sheet's declaration", (sheet, list) => {
  it("declares each column key of the workbook template once", () => {
    expect(new Set(list.keys).size).toBe(list.keys.length);
    expect([...list.keys].sort()).toEqual(Object.keys(sheetShape[sheet].shape.columns.shape).sort());
  });

  it("has a table name of its own, of letters only", () => {
    expect(list.tableName).toMatch(/^[A-Za-z]+$/);
    expect(LISTS.filter((other) => other.tableName === list.tableName)).toHaveLength(1);
  });
});

it("every list sheet of the workbook template is declared", () => {
  expect(LISTS.map((list) => list.sheet).sort()).toEqual(Object.keys(sheetShape).filter((key) => key !== "about" && key !== "matrix").sort());
});

describe("a list sheet's table", () => {
  let briefing: Briefing;
  let spec: WorkbookSpec;
  const look: Lookups = {
    partnerName: (id) => `P:${id}`, topicName: (id) => `T:${id}`,
    partnerNames: (ids) => ids.join("+"), topicNames: (ids) => ids.join("+"),
    windowCount: (id) => id.length, leftOut: { row: "row", file: "file" },
  };
  beforeAll(async () => {
    const built = await buildReports({ inputs: SPECIAL, templates: "templates", config, period: PERIOD, asOf: PERIOD.to, formats: [], allowInvalid: true });
    spec = composeBriefing(built.briefing, await loadTemplates("templates")).workbook;
    // Two columns partners.csv adds, filled in for the first partner only.
    const partners = built.briefing.partners.map((p, i) => ({ ...p, extra: i === 0 ? { Desk: "North", Notes: "=1+1" } : undefined }));
    briefing = { ...built.briefing, partners, otherColumns: { ...built.briefing.otherColumns, partners: ["Desk", "Notes"] } };
  });

  it("headers ⇒ the template's, by key, in the order of the declaration, then the extra columns", () => {
    const reversed = Object.fromEntries(Object.keys(spec.sheets.partners.columns).reverse().map((key) => [key, `Header of ${key}`]));
    const changed = { ...spec, sheets: { ...spec.sheets, partners: { name: "People", columns: reversed as WorkbookSpec["sheets"]["partners"]["columns"] } } };
    const table = makeTable({ list: PARTNERS, spec: changed, briefing, items: briefing.partners, look });
    expect(table.name).toBe("People");
    expect(table.columns.map((column) => column.header)).toEqual([...PARTNERS.columns.map((c) => `Header of ${c.key}`), ...briefing.otherColumns.partners]);
  });

  it("rows ⇒ one cell per column from its value, then each extra column's value or empty", () => {
    const table = makeTable({ list: PARTNERS, spec, briefing, items: briefing.partners, look });
    const rows = [...(table.rows as Iterable<readonly unknown[]>)];
    expect(rows).toHaveLength(briefing.partners.length);
    briefing.partners.forEach((partner, r) => {
      expect(rows[r]!.slice(0, 5)).toEqual([partner.id, partner.name, partner.kind, partner.region, partner.id.length]);
      expect(rows[r]!.slice(5)).toEqual(r === 0 ? ["North", "=1+1"] : ["", ""]);
    });
  });

  it("asynchronous items ⇒ asynchronous rows, in order", async () => {
    async function* items() {
      yield* briefing.engagements.slice(0, 3);
    }
    const table = makeTable({ list: ENGAGEMENTS, spec, briefing, items: items(), look });
    const ids: unknown[] = [];
    for await (const row of table.rows) ids.push(row[0]);
    expect(ids).toEqual(briefing.engagements.slice(0, 3).map((e) => e.id));
  });

  it("the matrix finds the Engagement topics columns by key", () => {
    expect(["date", "status", "partner_id", "topic_id"].map((key) => columnNumber(ENGAGEMENT_TOPICS, key as "date"))).toEqual([2, 3, 6, 7]);
  });
});
