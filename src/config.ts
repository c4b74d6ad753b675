import { readFile } from "node:fs/promises";
import { z } from "zod";
import { BriefkitError } from "./errors.js";
import { suggest } from "./inputs/validate.js";

/** The PDF/A levels the packet can be written to; `b` is visual conformance. */
export const PDFA_LEVELS = ["PDF/A-1b", "PDF/A-2b", "PDF/A-3b"] as const;
export type PdfaLevel = (typeof PDFA_LEVELS)[number];

/** The settings of `briefkit.config.json`; every key is optional. */
export const configSchema = z
  .object({
    title: z.string().min(1).optional(),
    office: z.string().optional(),
    marking: z.string().optional(),
    author: z.string().optional(),
    locale: z.enum(["en-US", "es-PE"]).optional(),
    timeZone: z.string().optional(),
    focus: z.string().optional(),
    dateOrder: z.enum(["DMY", "MDY"]).optional(),
    windowWeeks: z.number().int().min(1).max(520).optional(),
    formats: z.array(z.enum(["xlsx", "pdf"])).min(1).optional(),
    pdfa: z.enum(PDFA_LEVELS).nullable().optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

/** Settings after defaults are applied. */
export interface Config {
  title: string;
  office: string;
  marking: string;
  author: string;
  locale: "en-US" | "es-PE";
  timeZone: string;
  focus: string | null;
  dateOrder: "DMY" | "MDY" | null;
  windowWeeks: number;
  formats: Array<"xlsx" | "pdf">;
  /** Write the packet as PDF/A of this level; null for plain PDF. */
  pdfa: PdfaLevel | null;
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
  pdfa: null,
};

/** Applies defaults to a validated config file. */
export function resolveConfig(file: ConfigFile): Config {
  const defined = Object.fromEntries(Object.entries(file).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_CONFIG, ...defined };
}

/** Validates the parsed JSON of a config file; `path` is used in messages. */
export function parseConfig(json: unknown, path: string): Config {
  const result = configSchema.safeParse(json);
  if (result.success) return resolveConfig(result.data);
  const known = Object.keys(configSchema.shape);
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
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new BriefkitError({ code: "config", location: options.path, message: `${options.path}: not valid JSON (${(error as Error).message})`, cause: error });
  }
  return parseConfig(json, options.path);
}
