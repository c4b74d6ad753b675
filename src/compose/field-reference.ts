import { CONTEXT_FIELDS, type Field, type Fields } from "./fields.js";
import { BLOCK_HELPERS, BUILT_IN_HELPERS, HELPERS, SCOPE_NAMES, type HelperSpec } from "./helper-specs.js";

/** Where the reference is kept, from the package's folder. */
export const FIELD_REFERENCE_PATH = "docs/template-fields.md";

/**
 * The reference of what a template can use, as Markdown: every field of the
 * context, the names inside blocks, and the helpers. Written from the
 * declarations the template checker uses, so the two never differ.
 */
export function renderFieldReference(): string {
  return [
    "# Template fields",
    "",
    "<!-- Written by `npm run docs:fields` from src/compose/fields.ts and src/compose/helper-specs.ts; a test keeps it in step. -->",
    "",
    "What the templates (`packet.md.hbs`, `workbook.json.hbs`, `labels.json.hbs` and the files of `partials/`) can use.",
    "Before it renders, `briefkit build` checks every template against this list, inside every loop and every",
    "`{{#if}}` whether the period fills it or not, and names the file, line and column of each field, helper,",
    "option or partial it does not know, with the nearest one it does.",
    "",
    "## Fields",
    "",
    "`list[].field` is a field of each item of a list: `{{#each list}}{{field}}{{/each}}`. Text marked *or empty*",
    "is the empty text when there is none, so `{{#if field}}` tells.",
    "",
    "| Field | Type | What it is |",
    "|---|---|---|",
    ...fieldRows(CONTEXT_FIELDS, ""),
    "",
    "## Inside blocks",
    "",
    "| Name | What it is |",
    "|---|---|",
    ...SCOPE_NAMES.map(([name, description]) => `| \`${name}\` | ${cell(description)} |`),
    "",
    "## Block helpers",
    "",
    "| Helper | What it does |",
    "|---|---|",
    ...Object.entries(BLOCK_HELPERS).map(([name, spec]) => `| ${code(spec.usage)} (${name}) | ${cell(spec.description)}${options(spec.hash)} |`),
    "",
    "## Helpers",
    "",
    "| Helper | Takes | What it gives |",
    "|---|---|---|",
    ...Object.entries({ ...HELPERS, ...BUILT_IN_HELPERS }).map(([name, spec]) => helperRow(name, spec)),
    "",
  ].join("\n");
}

function fieldRows(fields: Fields, prefix: string): string[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    return [`| \`${path}\` | ${typeOf(field)} | ${cell(field.description)} |`, ...childRows(field, path)];
  });
}

function childRows(field: Field, path: string): string[] {
  if (field.type === "object") return fieldRows(field.fields, `${path}.`);
  if (field.type === "list") return field.items.type === "object" ? fieldRows(field.items.fields, `${path}[].`) : [];
  return [];
}

function typeOf(field: Field): string {
  if (field.type === "list") return field.items.type === "object" ? "list" : `list of ${typeOf(field.items)}`;
  const name = field.type === "boolean" ? "true or false" : field.type;
  return field.type !== "object" && field.blank ? `${name}, or empty` : name;
}

function helperRow(name: string, spec: HelperSpec): string {
  const params = spec.params.map((p) => `${p.name}${p.optional ? " (optional)" : ""}${spec.rest && p === spec.params.at(-1) ? " …" : ""}: ${p.description}`);
  return `| ${code(spec.usage)} (${name}) | ${cell(params.join("<br>"))}${options(spec.hash)} | ${cell(spec.description)} |`;
}

function options(hash: HelperSpec["hash"]): string {
  return Object.entries(hash ?? {}).map(([key, option]) => `<br>${key}=: ${cell(option.description)}`).join("");
}

function code(text: string): string {
  return text.split(" or ").map((part) => `\`${part.replace(/\|/g, "\\|")}\``).join(" or ");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
