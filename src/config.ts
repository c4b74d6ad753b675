import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { z } from "zod";
import { BriefkitError } from "./errors.js";
import { suggest } from "./inputs/validate.js";
import { jsonErrorPlace } from "./json-error.js";

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Longest marking, an & counting as two. The workbook prints the marking in
 * the header and the footer of every sheet, where Excel allows 255
 * characters with its codes (an & is written &&) and the page number. A
 * marking is never cut short: a part of a marking would misstate it.
 */
export const MAX_MARKING = 200;

/** A marking that fits every sheet's header and footer; see MAX_MARKING. */
export const markingSchema = z.string().superRefine((marking, context) => {
  const length = marking.length + (marking.match(/&/g)?.length ?? 0);
  if (length <= MAX_MARKING) return;
  const amps = length > marking.length ? ` (an & counts as two)` : "";
  context.addIssue({
    code: "custom",
    message: `${length} characters${amps}, more than the ${MAX_MARKING} a marking may have: the workbook prints it in the header and footer of every sheet, where Excel allows 255 characters with the page number`,
  });
});

/** The PDF/A levels the packet can be written to; `b` is visual conformance. */
export const PDFA_LEVELS = ["PDF/A-1b", "PDF/A-2b", "PDF/A-3b"] as const;
export type PdfaLevel = (typeof PDFA_LEVELS)[number];

const LOCALES = ["en-US", "es-PE"] as const;

/** A text given once, or per locale: `{ "en-US": "…", "es-PE": "…" }`. */
function localizedText(text: z.ZodType<string>, what: string) {
  const perLocale = z.object(Object.fromEntries(LOCALES.map((l) => [l, text.optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<z.ZodType<string>>>).strict();
  return z.union([text, perLocale]).optional().describe(`${what} Either one text, or one per locale: { "en-US": "…", "es-PE": "…" }.`);
}

/** The settings of `briefkit.config.json`; every key is optional. */
export const configSchema = z
  .object({
    $schema: z.string().optional().describe("Where editors find this schema, for completion and checks."),
    title: localizedText(z.string().min(1), "Title of the packet and the workbook."),
    office: localizedText(z.string(), "The issuing office, shown on the cover."),
    marking: localizedText(markingSchema, `Classification marking printed at the top and bottom of every page and sheet; at most ${MAX_MARKING} characters.`),
    author: z.string().optional().describe("Author written into the file properties."),
    locale: z.enum(["en-US", "es-PE"]).optional().describe("Language of the reports: picks templates/<locale>/ when it exists, and how dates and numbers are written."),
    timeZone: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone name, such as America/Lima or UTC")
      .optional()
      .describe("IANA time zone that decides what 'today' is, for the default period and --last-week."),
    focus: z.string().optional().describe("Partner id left out of the matrix rows (the country the briefing is about)."),
    dateOrder: z.enum(["DMY", "MDY"]).optional().describe("How to read dates such as 03/04/2025 in the inputs: DMY or MDY. Without it they are refused as ambiguous."),
    windowWeeks: z.number().int().min(1).max(520).optional().describe("Length of the trailing window, in weeks."),
    formats: z.array(z.enum(["xlsx", "pdf"])).min(1).optional().describe("What build writes when --format is not given."),
    inputs: z.string().min(1).optional().describe("Folder of the input files, relative to this file (flag: --inputs)."),
    templates: z.string().min(1).optional().describe("Folder of the templates, relative to this file (flag: --templates)."),
    out: z.string().min(1).optional().describe("Folder the reports are written to, relative to this file (flag: --out)."),
    pdfa: z.enum(PDFA_LEVELS).nullable().optional().describe("Write the packet as PDF/A of this level (PDF/A-1b, PDF/A-2b or PDF/A-3b); null or absent for plain PDF."),
  })
  .strict()
  .describe("Settings of briefkit for one briefing folder. Flags override them; they override the defaults.");

export type ConfigFile = z.infer<typeof configSchema>;

export type Locale = (typeof LOCALES)[number];

/** The config keys that may be given per locale. */
export type LocalizedKey = "title" | "office" | "marking";

/** Settings after defaults are applied. */
export interface Config {
  title: string;
  office: string;
  marking: string;
  author: string;
  locale: Locale;
  timeZone: string;
  focus: string | null;
  dateOrder: "DMY" | "MDY" | null;
  windowWeeks: number;
  formats: Array<"xlsx" | "pdf">;
  /** Folders named by the config, resolved against its folder; null when not set. */
  inputs: string | null;
  templates: string | null;
  out: string | null;
  /** Write the packet as PDF/A of this level; null for plain PDF. */
  pdfa: PdfaLevel | null;
  /** The texts given per locale, from which `title`, `office` and `marking` are picked (see inLocale). */
  localized?: Partial<Record<LocalizedKey, Partial<Record<Locale, string>>>>;
}

export const DEFAULT_CONFIG: Config = {
  title: "Defense engagements briefing",
  office: "",
  marking: "UNCLASSIFIED",
  author: "briefkit",
  locale: "en-US",
  timeZone: "UTC",
  focus: null,
  dateOrder: null,
  windowWeeks: 52,
  formats: ["xlsx", "pdf"],
  inputs: null,
  templates: null,
  out: null,
  pdfa: null,
};

/** Applies defaults to a validated config file; folder keys are resolved against `baseDir`. */
export function resolveConfig(file: ConfigFile, baseDir = "."): Config {
  const { $schema: _schema, ...settings } = file;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  const localized: NonNullable<Config["localized"]> = {};
  for (const key of ["title", "office", "marking"] as const) {
    const value = defined[key];
    if (value !== null && typeof value === "object") {
      localized[key] = value as Partial<Record<Locale, string>>;
      delete defined[key];
    }
  }
  const config: Config = { ...DEFAULT_CONFIG, ...defined };
  if (Object.keys(localized).length > 0) return inLocale({ ...withFolders(config, baseDir), localized }, config.locale);
  return withFolders(config, baseDir);
}

/**
 * The config for a locale: its title, office and marking are the texts given
 * for that locale, else for en-US, else the first one given, else the default.
 */
export function inLocale(config: Config, locale: Locale): Config {
  const picked: Partial<Record<LocalizedKey, string>> = {};
  for (const [key, texts] of Object.entries(config.localized ?? {}) as Array<[LocalizedKey, Partial<Record<Locale, string>>]>) {
    picked[key] = texts[locale] ?? texts["en-US"] ?? Object.values(texts)[0] ?? DEFAULT_CONFIG[key];
  }
  return { ...config, ...picked, locale };
}

function withFolders(config: Config, baseDir: string): Config {
  for (const key of ["inputs", "templates", "out"] as const) {
    const value = config[key];
    if (value !== null && !isAbsolute(value)) config[key] = join(baseDir, value);
  }
  return config;
}

/** Validates the parsed JSON of a config file; `path` is used in messages and to resolve folders. */
export function parseConfig(json: unknown, path: string): Config {
  const result = configSchema.safeParse(json);
  if (result.success) return resolveConfig(result.data, dirname(path));
  const known = Object.keys(configSchema.shape).filter((key) => key !== "$schema");
  const lines = result.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const guess = suggest(key, known);
        return `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}; known keys: ${known.join(", ")}`;
      });
    }
    return [`${issue.path.join(".") || "(top)"}: ${issue.message}`];
  });
  throw new BriefkitError({ code: "config", location: path, message: `${path}: ${lines.join("\n  ")}` });
}

/** The JSON Schema of `briefkit.config.json`, for editor completion; `schema/` holds it as published. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: "input" }),
    title: "briefkit.config.json",
  };
}

/**
 * Reads a config file. A missing file gives the defaults unless the user
 * named it explicitly.
 */
export async function loadConfig(options: { path: string; explicit: boolean }): Promise<Config> {
  let text: string;
  try {
    text = await readFile(options.path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && !options.explicit) return DEFAULT_CONFIG;
    throw new BriefkitError({ code: "config", location: options.path, message: `${options.path}: cannot read the config file (${(error as Error).message})`, cause: error });
  }
  let json: unknown;
  const body = text.replace(/^\uFEFF/, "");
  try {
    json = JSON.parse(body);
  } catch (error) {
    const { line, column, reason } = jsonErrorPlace(body, error);
    const message = `${options.path}:${line}:${column}: not valid JSON: ${reason} (names and text go in double quotes, with a comma between entries and none after the last)`;
    throw new BriefkitError({ code: "config", location: `${options.path}:${line}:${column}`, message, cause: error });
  }
  return parseConfig(json, options.path);
}
