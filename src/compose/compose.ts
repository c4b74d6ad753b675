import { z } from "zod";
import { markingSchema } from "../config.js";
import { BriefkitError } from "../errors.js";
import { jsonErrorPlace } from "../json-error.js";
import type { Briefing } from "../model/briefing.js";
import { assertTemplatesValid } from "./check-templates.js";
import { toTemplateContext } from "./context.js";
import { parseDocument, type Document } from "./document.js";
import { createEnvironment, renderTemplate } from "./environment.js";
import { registerLocaleHelpers } from "./locale.js";
import type { Templates } from "./templates.js";

const sheetName = z
  .string()
  .min(1)
  .max(31, "a sheet name has at most 31 characters")
  .refine((name) => !/[[\]:*?/\\]/.test(name), "a sheet name cannot contain [ ] : * ? / \\")
  .refine((name) => !name.startsWith("'") && !name.endsWith("'"), "a sheet name cannot begin or end with '")
  .refine((name) => name.toLowerCase() !== "history", "Excel keeps the sheet name History for itself");

const MAX_PAGE_NUMBER = 40;

function columns<const K extends string>(keys: readonly K[]) {
  return z.object({ name: sheetName, columns: z.object(Object.fromEntries(keys.map((k) => [k, z.string()])) as Record<K, z.ZodString>) });
}

/** What the workbook template must give: sheet names, headers and the About rows. */
export const workbookSpecSchema = z.object({
  title: z.string(),
  subject: z.string(),
  marking: markingSchema,
  /** The printed page number, as in the PDF labels; {page} and {pages} are filled in by the spreadsheet program. */
  pageNumber: z
    .string()
    .refine((s) => s.includes("{page}"), "must contain {page}")
    // With the marking (see MAX_MARKING), the page footer stays within Excel's 255 characters.
    .refine((s) => s.length + (s.match(/&/g)?.length ?? 0) <= MAX_PAGE_NUMBER, `has at most ${MAX_PAGE_NUMBER} characters (an & counts as two)`)
    .default("Page {page} of {pages}"),
  /** The Excel number format of date cells, such as yyyy-mm-dd or dd/mm/yyyy. */
  dateFormat: z.string().min(1).default("yyyy-mm-dd"),
  sheets: z.object({
    about: z.object({ name: sheetName }),
    matrix: z.object({ name: sheetName, windowTitle: z.string(), periodTitle: z.string(), note: z.string(), corner: z.string(), total: z.string() }),
    engagements: columns(["id", "start_date", "end_date", "title", "kind", "status", "partners", "topics", "location", "officials", "summary", "source_url"])
      .extend({
        tooManyLinks: z.string(),
        linkTooLong: z.string().default("Excel opens links of at most 2,079 characters; this source link is longer, so it is plain text."),
      }),
    engagementTopics: columns(["id", "date", "status", "partner", "topic", "partner_id", "topic_id"]),
    upcoming: columns(["start_date", "end_date", "title", "kind", "partners", "topics", "location"]),
    partners: columns(["id", "name", "kind", "region", "window_count"]),
    areas: columns(["id", "name", "category", "description"]),
    initiatives: columns(["year", "title", "objective", "partners", "topics", "status"]),
    issues: columns(["severity", "file", "line", "column", "value", "message", "hint", "left_out"]).extend({
      leftOut: z.object({ row: z.string(), file: z.string() }),
    }),
  }),
  about: z.array(z.tuple([z.string(), z.union([z.string(), z.number()])])),
});

export type WorkbookSpec = z.infer<typeof workbookSpecSchema>;

/** Words the PDF renderer draws itself, from `labels.json.hbs`. */
export const packetLabelsSchema = z.object({
  pageNumber: z.string().refine((s) => s.includes("{page}"), "must contain {page}"),
  matrixTotal: z.string(),
  title: z.string(),
  subject: z.string(),
  matrixLegend: z.string().default("Engagements per cell"),
  /** The captions of the two heat maps, drawn above each and read as its table's caption. */
  matrixWindowCaption: z.string().default("Engagements per partner (rows) and topic (columns) in the trailing window, with totals"),
  matrixPeriodCaption: z.string().default("Engagements per partner (rows) and topic (columns) in the period, with totals"),
  matrixAdded: z.string().default("added this period"),
  profileAlt: z.string().default("Engagements per topic,"),
  profileEmpty: z.string().default("No engagements in the window."),
  /** The language the templates are written in, for the PDF's language tag; default: the config's locale. */
  lang: z.string().min(1).optional(),
  tableMore: z.string().default("… and {count} more rows: see the workbook.").describe("Below a table cut short in the PDF; {count} is the rows left out."),
});

export type PacketLabels = z.infer<typeof packetLabelsSchema>;

/** The composed packet and workbook text of a briefing. */
export interface Composition {
  packet: Document;
  workbook: WorkbookSpec;
  labels: PacketLabels;
}

/**
 * Renders the templates with a briefing. Pure: the templates are already read.
 * The templates are checked first, every field in every loop, and a problem
 * is an error naming the template (relative to `cwd`, default the working
 * folder), its line and its column.
 */
export function composeBriefing(briefing: Briefing, templates: Templates, options: { cwd?: string } = {}): Composition {
  assertTemplatesValid({ templates, cwd: options.cwd ?? process.cwd() });
  const env = createEnvironment(templates.partials);
  registerLocaleHelpers(env, briefing.config.locale);
  const context = toTemplateContext(briefing);
  const packetText = renderTemplate({ env, template: templates.packet, context });
  let packet: Document;
  try {
    packet = parseDocument(packetText, templates.packet.name);
  } catch (error) {
    throw new BriefkitError({ code: "template", location: templates.packet.name, message: (error as Error).message, cause: error });
  }
  const workbook = parseJson(plainSpaces(renderTemplate({ env, template: templates.workbook, context })), templates.workbook.name, workbookSpecSchema);
  assertUniqueSheetNames(workbook, templates.workbook.name);
  const drawn = parseJson(renderTemplate({ env, template: templates.labels, context }), templates.labels.name, packetLabelsSchema);
  // The labels drawn on the pages (a heat map's caption names the period) keep their dates whole; the title and subject are file properties.
  const labels = { ...drawn, title: plainSpaces(drawn.title), subject: plainSpaces(drawn.subject) };
  return { packet, workbook, labels };
}

// The no-break spaces that keep a date on one line of the packet (see dateTexts) mean nothing in a sheet's
// title or a file's properties, where a search for "Feb 10, 2025" should find the date.
function plainSpaces(text: string): string {
  return text.replace(/\u00a0/g, " ");
}

function parseJson<S extends z.ZodType>(text: string, name: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The line is the output's, not the template's: the text of it says which part of the template made it.
    const { line, column, reason, lineText } = jsonErrorPlace(text, error);
    const message = `${name}: the template's output is not valid JSON: ${reason}, at line ${line}, column ${column} of the output, which reads: ${lineText}`;
    throw new BriefkitError({ code: "template", location: name, message, cause: error });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new BriefkitError({ code: "template", location: name, message: `${name}: ${detail}` });
  }
  return result.data;
}

function assertUniqueSheetNames(spec: WorkbookSpec, name: string): void {
  const seen = new Set<string>();
  for (const sheet of Object.values(spec.sheets)) {
    const key = sheet.name.toLowerCase();
    if (seen.has(key)) throw new BriefkitError({ code: "template", location: name, message: `${name}: two sheets are named "${sheet.name}"` });
    seen.add(key);
  }
}
