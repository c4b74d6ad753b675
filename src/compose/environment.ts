import Handlebars from "handlebars";
import { BriefkitError } from "../errors.js";
import { registerHelpers } from "./helpers.js";

/** The output syntax of a template decides how values are escaped in it. */
export type TemplateSyntax = "markdown" | "json";

type Escape = (text: string) => string;

const ESCAPES: Record<TemplateSyntax, Escape> = {
  markdown: escapeMarkdown,
  json: (text) => JSON.stringify(text).slice(1, -1),
};

// Handlebars binds its escape function when a template is first run, from
// the shared Utils. Templates of this environment are only ever run inside
// `withEscape`, so they bind to `dispatchEscape`, which escapes for the
// syntax of the template being rendered. Other Handlebars users in the
// process see the HTML escape again once rendering returns.
let activeEscape: Escape | null = null;
const htmlEscape = Handlebars.Utils.escapeExpression;

function dispatchEscape(value: unknown): string {
  if (activeEscape === null) return htmlEscape(value as string);
  if (value !== null && typeof value === "object" && typeof (value as { toHTML?: unknown }).toHTML === "function") {
    return (value as { toHTML: () => string }).toHTML();
  }
  if (value === null || value === undefined) return "";
  return activeEscape(String(value));
}

function withEscape<T>(syntax: TemplateSyntax, run: () => T): T {
  const utils = Handlebars.Utils as { escapeExpression: (value: unknown) => string };
  const previous = utils.escapeExpression;
  const previousActive = activeEscape;
  utils.escapeExpression = dispatchEscape;
  activeEscape = ESCAPES[syntax];
  try {
    return run();
  } finally {
    activeEscape = previousActive;
    utils.escapeExpression = previous;
  }
}

/**
 * Escapes text so that Markdown shows it as typed: ASCII punctuation that
 * Markdown gives meaning to is backslash-escaped, and line breaks inside a
 * value become spaces so a value never starts a new block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ").replace(/[\\`*_{}[\]()<>#+\-.!|~&$:@]/g, "\\$&");
}

export interface TemplateSource {
  /** Shown in error messages, for example `templates/packet.md.hbs`. */
  name: string;
  source: string;
  syntax: TemplateSyntax;
}

/** An isolated Handlebars environment in strict mode with briefkit's helpers and the given partials. */
export function createEnvironment(partials: readonly TemplateSource[] = []): typeof Handlebars {
  const env = Handlebars.create();
  registerHelpers(env);
  for (const partial of partials) {
    env.registerPartial(partialName(partial.name), env.compile(partial.source, { strict: true, preventIndent: true }));
  }
  return env;
}

/** The name a partial file is called by: `partials/cover.md.hbs` is `{{> cover}}`. */
export function partialName(path: string): string {
  return path.replace(/^.*[\\/]/, "").replace(/\.(md|json)\.hbs$|\.hbs$/, "");
}

/**
 * Renders a template with a plain-object context. A typo in a field name is
 * an error naming the template and line.
 */
export function renderTemplate(options: { env: typeof Handlebars; template: TemplateSource; context: object }): string {
  const { env, template } = options;
  try {
    const compiled = env.compile(template.source, { strict: true, preventIndent: true });
    return withEscape(template.syntax, () => compiled(options.context));
  } catch (error) {
    throw templateError(template.name, error);
  }
}

function templateError(name: string, error: unknown): BriefkitError {
  const info = error as { message?: string; lineNumber?: number };
  const raw = String(info.message ?? error);
  const line = info.lineNumber ?? Number(/(?:line |- )(\d+)/.exec(raw)?.[1] ?? NaN);
  const where = Number.isFinite(line) ? `${name}:${line}` : name;
  const missing = /^"([^"]+)" not defined in/.exec(raw);
  const message = missing
    ? `"${missing[1]}" is not a field the template can use here`
    : raw.replace(/\s*- \d+:\d+$/, "").split("\n")[0];
  return new BriefkitError({ code: "template", location: where, message: `${where}: ${message}`, cause: error });
}
