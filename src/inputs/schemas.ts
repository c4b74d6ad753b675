import { z } from "zod";
import { isRealDate, parseDate, type DateOrder } from "../dates.js";
import type { IssueCode } from "../errors.js";
import { suggest } from "./validate.js";

export const ENGAGEMENT_KINDS = ["dialogue", "visit", "meeting", "talks", "exercise", "workshop", "other"] as const;
export const STATUSES = ["completed", "planned", "cancelled"] as const;
export const PARTNER_KINDS = ["country", "organization"] as const;

export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
export type Status = (typeof STATUSES)[number];

/** Excel refuses cells longer than this. */
export const MAX_CELL_LENGTH = 32_767;

export interface Partner {
  id: string;
  name: string;
  kind: string;
  region: string;
  line: number;
  /** Values of the file's columns the schema does not know, by header (see InputData.otherColumns). */
  extra?: Record<string, string>;
}

export interface Topic {
  id: string;
  name: string;
  category: string;
  description: string;
  line: number;
  /** Values of the file's columns the schema does not know, by header (see InputData.otherColumns). */
  extra?: Record<string, string>;
}

export interface Engagement {
  id: string;
  startDate: string;
  endDate: string | null;
  title: string;
  /** Partner ids (resolved from ids or names once all files are read). */
  partners: string[];
  /** Topic ids. */
  topics: string[];
  kind: EngagementKind;
  location: string;
  officials: string[];
  summary: string;
  sourceUrl: string | null;
  status: Status;
  /** Columns the schema does not know, by the header the user typed. */
  extra: Record<string, string>;
  line: number;
}

export interface Initiative {
  year: number;
  partners: string[];
  title: string;
  objective: string;
  topics: string[];
  status: Status;
  line: number;
  /** Values of the file's columns the schema does not know, by header (see InputData.otherColumns). */
  extra?: Record<string, string>;
}

/** A zod issue carrying one of briefkit's issue codes and, where it helps, a hint. */
function fail(ctx: z.RefinementCtx, input: string, code: IssueCode, message: string, hint?: string): never {
  ctx.issues.push({ code: "custom", message, input, params: { code, hint: hint ?? null } });
  return z.NEVER as never;
}

const cell = z.string().optional().default("");
const text = cell.transform((v) => v.trim());
const required = cell.transform((v, ctx) =>
  v.trim() === "" ? fail(ctx, v, "value_required", "a value is required") : v.trim(),
);
const list = text.transform((v) =>
  v.split(";").map((s) => s.trim()).filter((s) => s !== ""),
);
const requiredList = list.transform((v, ctx) =>
  v.length === 0 ? fail(ctx, "", "value_required", "at least one value is required", 'separate several values with ";"') : v,
);

function oneOf<T extends string>(values: readonly T[], fallback: T) {
  return text.transform((v, ctx): T => {
    if (v === "") return fallback;
    const found = values.find((allowed) => allowed === v.toLowerCase());
    if (found !== undefined) return found;
    const guess = suggest(v, values);
    const hint = guess === null ? `an empty cell means ${fallback}` : `did you mean "${guess}"?`;
    return fail(ctx, v, "value_invalid", `"${v}" is not one of ${values.join(", ")}`, hint);
  });
}

function date(order: DateOrder | null, optional: boolean) {
  return text.transform((v, ctx): string | null => {
    if (v === "") return optional ? null : fail(ctx, v, "value_required", "a date is required", "write it as YYYY-MM-DD");
    const parsed = parseDate(v, order);
    if (parsed.ok) return parsed.iso;
    if (parsed.code !== "date_ambiguous") return fail(ctx, v, parsed.code, parsed.message, parsed.hint);
    const message = describeAmbiguous(v);
    return message === null
      ? fail(ctx, v, "date_invalid", `"${v}" is not a date`, "that day does not exist either way round; dates are written YYYY-MM-DD")
      : fail(ctx, v, "date_ambiguous", message, parsed.hint);
  });
}

/** `"03/04/2025" is ambiguous: it could be 2025-04-03 (day first) or 2025-03-04 (month first)`; `null` when it is no day at all. */
function describeAmbiguous(value: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return null;
  const [a, b, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const iso = (m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const readings = [
    ...(isRealDate(y, b, a) ? [`${iso(b, a)} (day first)`] : []),
    ...(isRealDate(y, a, b) && a !== b ? [`${iso(a, b)} (month first)`] : []),
  ];
  if (readings.length === 0) return null;
  if (readings.length === 2) return `"${value}" is ambiguous: it could be ${readings.join(" or ")}`;
  return `"${value}" is not written YYYY-MM-DD (it can only mean ${readings[0]!.replace(/ \(.*\)$/, "")})`;
}

const url = text.transform((v, ctx): string | null => {
  if (v === "") return null;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    return fail(ctx, v, "url_invalid", `"${v}" is not a web address`, "write the full address, starting with https://");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return fail(ctx, v, "url_invalid", `links must start with http: or https:, not ${parsed.protocol}`, "link to the public web page of the source");
  }
  return v;
});

const year = text.transform((v, ctx): number => {
  if (!/^\d{4}$/.test(v)) return fail(ctx, v, "value_invalid", `"${v}" is not a year`, "write a four-digit year, for example 2026");
  return Number(v);
});

/** The columns of each input file: which are required, and how each cell is read. */
export function createSchemas(options: { dateOrder: DateOrder | null }) {
  const engagement = z
    .object({
      id: required,
      start_date: date(options.dateOrder, false),
      end_date: date(options.dateOrder, true),
      title: required,
      partners: requiredList,
      topics: requiredList,
      kind: oneOf(ENGAGEMENT_KINDS, "other"),
      location: text,
      officials: list,
      summary: text,
      source_url: url,
      status: oneOf(STATUSES, "completed"),
    })
    .superRefine((row, ctx) => {
      if (row.end_date !== null && row.start_date !== null && row.end_date < row.start_date) {
        ctx.issues.push({
          code: "custom",
          path: ["end_date"],
          input: row.end_date,
          message: `end_date ${row.end_date} is before start_date ${row.start_date}`,
          params: { code: "date_order", hint: "swap the two dates, or leave end_date empty for a one-day engagement" },
        });
      }
    });
  const partner = z.object({
    id: required,
    name: required,
    kind: oneOf(PARTNER_KINDS, "country"),
    region: text,
  });
  const topic = z.object({ id: required, name: required, category: text, description: text });
  const initiative = z.object({
    year,
    partners: requiredList,
    title: required,
    objective: text,
    topics: list,
    status: oneOf(STATUSES, "planned"),
  });
  return { engagement, partner, topic, initiative };
}

export type Schemas = ReturnType<typeof createSchemas>;

/** The input files, their required columns and the schema that reads their rows. */
export const INPUT_FILES = {
  engagements: {
    name: "engagements.csv",
    required: ["id", "start_date", "title", "partners", "topics"],
    known: ["id", "start_date", "end_date", "title", "partners", "topics", "kind", "location", "officials", "summary", "source_url", "status"],
    optionalFile: false,
  },
  topics: {
    name: "cooperation-areas.csv",
    required: ["id", "name"],
    known: ["id", "name", "category", "description"],
    optionalFile: false,
  },
  partners: {
    name: "partners.csv",
    required: ["id", "name"],
    known: ["id", "name", "kind", "region"],
    optionalFile: false,
  },
  initiatives: {
    name: "initiatives.csv",
    required: ["year", "partners", "title"],
    known: ["year", "partners", "title", "objective", "topics", "status"],
    optionalFile: true,
  },
} as const;

export type InputKind = keyof typeof INPUT_FILES;
