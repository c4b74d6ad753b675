import { relative, resolve } from "node:path";
import Handlebars from "handlebars";
import { BriefkitError, formatIssue, type Issue } from "../errors.js";
import { CONTEXT_FIELD } from "./fields.js";
import { partialName, type TemplateSource } from "./environment.js";
import type { Scope } from "./template-scope.js";
import type { Templates } from "./templates.js";
import type { Found, PartialDef, Walk } from "./template-report.js";
import { checkProgram } from "./template-walk.js";

/**
 * Checks every template and partial against the fields and helpers a
 * template can use (src/compose/fields.ts, helper-specs.ts), without
 * rendering: a field inside a loop that this period leaves empty is checked
 * too. Returns every problem of every template, each at its file (relative
 * to `cwd`), line and column, with the nearest known name as its hint.
 */
export function checkTemplates(options: { templates: Templates; cwd: string }): Issue[] {
  const { templates, cwd } = options;
  const display = (source: TemplateSource) => relative(cwd, resolve(cwd, source.name)) || source.name;
  const issues: Issue[] = [];
  const parse = (source: TemplateSource): hbs.AST.Program | null => {
    try {
      return Handlebars.parse(source.source);
    } catch (error) {
      issues.push(syntaxIssue(display(source), error));
      return null;
    }
  };
  const partials = new Map<string, PartialDef>(
    templates.partials.map((source) => [partialName(source.name), { name: partialName(source.name), file: display(source), program: parse(source), used: false }]),
  );
  const found = new Map<string, Found>();
  const walk = (file: string): Walk => ({ file, partials, found, checked: new Set(), ids: new Map(), depth: 0 });
  for (const source of [templates.packet, templates.workbook, templates.labels]) {
    const program = parse(source);
    if (program !== null) checkProgram(program, rootScope(), walk(display(source)));
  }
  // A partial no template calls is checked at the top of the context, where `{{> name}}` would run it.
  for (const def of partials.values()) if (!def.used && def.program !== null) checkProgram(def.program, rootScope(), walk(def.file));
  for (const problem of found.values()) issues.push(toIssue(problem));
  return issues;
}

/**
 * Throws a BriefkitError holding every problem of the templates, when there
 * is one; its message names the first at its file, line and column.
 */
export function assertTemplatesValid(options: { templates: Templates; cwd: string }): void {
  const issues = checkTemplates(options);
  const [first] = issues;
  if (first === undefined) return;
  const more = issues.length === 1 ? "" : ` (and ${issues.length - 1} more ${issues.length === 2 ? "problem" : "problems"} in the templates)`;
  const text = formatIssue(first).replace(/\n\s*hint: /, "; ");
  throw new BriefkitError({ code: "template", location: `${first.file}:${first.line}`, message: `${text}${more}`, issues });
}

function rootScope(): Scope {
  const root = { shape: CONTEXT_FIELD, path: "" };
  return { frames: [root], root, params: new Map(), data: new Set() };
}

function toIssue(found: Found): Issue {
  return { file: found.file, line: found.line, column: String(found.column), value: found.value, severity: "error", code: found.code, message: found.message, hint: found.hint };
}

// Handlebars says where a parse failed in three ways: a line and column on the error, "on line N" in the
// text, and the lexer's place for the token it could not take.
function syntaxIssue(file: string, error: unknown): Issue {
  const info = error as { message?: string; lineNumber?: number; column?: number };
  const raw = String(info.message ?? error);
  const lexed = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
  const stated = Number(/on line (\d+)/.exec(raw)?.[1] ?? NaN);
  let line: number | null = info.lineNumber ?? (Number.isFinite(stated) ? stated : null);
  let column: number | null = info.column !== undefined ? info.column + 1 : null;
  if (info.lineNumber === undefined && lexed !== undefined && (line === null || lexed.first_line === line)) {
    line = lexed.first_line;
    column = lexed.first_column + 1;
  }
  const lines = raw.split("\n");
  const message = (lines.length > 1 ? lines[lines.length - 1]! : raw.replace(/\s*- \d+:\d+$/, "")).trim();
  const unmatched = /^(\S+) doesn't match (\S+)$/.exec(message);
  return {
    file, line, column: column === null ? null : String(column), value: null, severity: "error", code: "template_syntax",
    message: `not valid Handlebars: ${message}`, hint: unmatched ? `close {{#${unmatched[1]}}} with {{/${unmatched[1]}}}, not {{/${unmatched[2]}}}` : null,
  };
}
