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

/** The environment's own state: the escape of the template being rendered. */
interface Escaping {
  active: Escape;
}

const escapings = new WeakMap<object, Escaping>();

// Handlebars' own escapeExpression, as a template of another environment sees it.
function escapeWith(escape: Escape, value: unknown): string {
  if (value !== null && typeof value === "object" && typeof (value as { toHTML?: unknown }).toHTML === "function") {
    return (value as { toHTML: () => string }).toHTML();
  }
  if (value === null || value === undefined) return "";
  return escape(String(value));
}

type TemplateSpec = { main: (container: { escapeExpression: (value: unknown) => string }, ...rest: unknown[]) => string };

/**
 * Makes the templates of `env` escape with the environment's active escape
 * instead of the HTML one. A compiled template reads its escape from its own
 * container each time it runs, so each template's container is given this
 * environment's escape as its main program starts; the shared Handlebars
 * Utils, and every other environment, are left as they are.
 */
function escapeInOwnWay(env: typeof Handlebars, escaping: Escaping): void {
  const escape = (value: unknown) => escapeWith(escaping.active, value);
  const template = env.template.bind(env);
  env.template = ((spec: TemplateSpec) => {
    const main = spec.main;
    spec.main = function (this: unknown, container, ...rest) {
      container.escapeExpression = escape;
      return main.call(this, container, ...rest);
    };
    return template(spec as never);
  }) as typeof env.template;
}

function withEscape<T>(env: typeof Handlebars, syntax: TemplateSyntax, run: () => T): T {
  const escaping = escapings.get(env);
  if (escaping === undefined) throw new Error("the Handlebars environment was not made by createEnvironment");
  const previous = escaping.active;
  escaping.active = ESCAPES[syntax];
  try {
    return run();
  } finally {
    escaping.active = previous;
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
  const escaping: Escaping = { active: ESCAPES.markdown };
  escapings.set(env, escaping);
  escapeInOwnWay(env, escaping);
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
    return withEscape(env, template.syntax, () => compiled(options.context));
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
