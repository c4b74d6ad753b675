/**
 * What each helper of helpers.ts and locale.ts takes and gives, and what
 * Handlebars' own block helpers offer inside their blocks. The template
 * checker holds every call to these; docs/template-fields.md is written
 * from them; a test keeps them in step with the helpers registered.
 */

export interface HelperParam {
  name: string;
  description: string;
  /** The argument must be a list. */
  list?: boolean;
  /** The argument may be left out. */
  optional?: boolean;
}

export interface HelperSpec {
  usage: string;
  description: string;
  params: readonly HelperParam[];
  /** The last parameter may be given any number of times, at least once. */
  rest?: boolean;
  /** Options given as `name=value`; `values`: the only values it accepts. */
  hash?: Readonly<Record<string, { description: string; values?: readonly string[] }>>;
  /** What it gives; `list`: the list it was given, cut short. */
  returns: "text" | "number" | "boolean" | "list";
}

const value = (name: string, description: string): HelperParam => ({ name, description });

/** The helpers briefkit adds. */
export const HELPERS: Readonly<Record<string, HelperSpec>> = {
  eq: { usage: '{{#if (eq status "planned")}}', description: "Whether two values are the same.", params: [value("a", "A value."), value("b", "Another value.")], returns: "boolean" },
  gt: { usage: "{{#if (gt count 1)}}", description: "Whether the first number is greater than the second.", params: [value("a", "A number."), value("b", "Another number.")], returns: "boolean" },
  and: { usage: "{{#if (and office marking)}}", description: "Whether every value is true (not empty, not zero).", params: [value("values", "The values.")], rest: true, returns: "boolean" },
  or: { usage: "{{#if (or windowEngagements.length upcoming.length)}}", description: "Whether any value is true (not empty, not zero).", params: [value("values", "The values.")], rest: true, returns: "boolean" },
  not: { usage: "{{#if (not focus)}}", description: "Whether the value is false, empty or zero.", params: [value("value", "A value.")], returns: "boolean" },
  len: { usage: "{{len partners}}", description: "How many items a list has.", params: [{ name: "list", description: "A list.", list: true }], returns: "number" },
  join: {
    usage: '{{join partners ", "}}',
    description: "The items of a list joined by the separator.",
    params: [{ name: "list", description: "A list.", list: true }, { name: "separator", description: 'What goes between items; default ", ".', optional: true }],
    returns: "text",
  },
  plural: {
    usage: '{{plural counts.upcoming "engagement" "engagements"}}',
    description: "The count, written as the locale writes numbers, and the word for one or for many.",
    params: [value("count", "A number."), value("one", "The word for one."), value("many", "The word for any other count.")],
    returns: "text",
  },
  minus: {
    usage: "::: more {{minus counts.upcoming 15}}",
    description: "A number less another, never below 0: how many rows a list cut short leaves out.",
    params: [value("a", "A number."), value("b", "The number taken from it.")],
    returns: "number",
  },
  first: {
    usage: "{{#each (first highlights.busiestTopics 3)}}",
    description: "The first n items of a list.",
    params: [{ name: "list", description: "A list.", list: true }, value("n", "How many.")],
    returns: "list",
  },
  date: {
    usage: '{{date asOf.iso style="long"}}',
    description: "An ISO date as the locale writes it, on the UTC calendar; any other text as it is.",
    params: [value("value", "An ISO date (2025-02-14).")],
    hash: { style: { description: "short (14/2/2025), medium (14 feb. 2025, the default), long (14 de febrero de 2025) or month (febrero de 2025).", values: ["short", "medium", "long", "month"] } },
    returns: "text",
  },
  number: { usage: "{{number counts.engagements}}", description: "A number as the locale writes it (12,345.5); anything else as it is.", params: [value("value", "A number.")], returns: "text" },
};

/** Handlebars' own helpers, as templates may use them. */
export const BUILT_IN_HELPERS: Readonly<Record<string, HelperSpec>> = {
  lookup: {
    usage: '{{lookup counts "upcoming"}}',
    description: "The field of an object, or the item of a list, that the key names; checked only when the key is written out.",
    params: [value("object", "An object or a list."), value("key", "A field's name or an item's number.")],
    returns: "text",
  },
  log: { usage: '{{log "reached" count}}', description: "Writes the values to the console; writes nothing into the output.", params: [value("values", "Anything.")], rest: true, hash: { level: { description: "debug, info, warn or error.", values: ["debug", "info", "warn", "error"] } }, returns: "text" },
};

export interface BlockSpec {
  usage: string;
  description: string;
  hash?: Readonly<Record<string, { description: string }>>;
}

/** Handlebars' block helpers: each takes one value. `{{else}}` runs when the block does not. */
export const BLOCK_HELPERS: Readonly<Record<string, BlockSpec>> = {
  each: { usage: "{{#each periodEngagements}}…{{else}}…{{/each}} or {{#each partners as |partner i|}}", description: "Runs once per item of a list, the item being `this`; the else part runs when the list is empty." },
  if: { usage: "{{#if office}}…{{else}}…{{/if}}", description: "Runs when the value is true: not false, empty text, zero or an empty list.", hash: { includeZero: { description: "true: zero counts as true." } } },
  unless: { usage: "{{#unless focus}}…{{/unless}}", description: "Runs when the value is false, empty text, zero or an empty list." },
  with: { usage: "{{#with period}}{{label}}{{/with}} or {{#with period as |p|}}", description: "Runs with the object as `this`; the else part runs when it is empty." },
};

/** Names every template can use besides its fields. */
export const SCOPE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["this", "The current object: the item inside {{#each}}, the object inside {{#with}}, the value given to a partial."],
  ["../field", "A field of the object outside the current {{#each}} or {{#with}} ({{#if}} and {{#unless}} keep the object they are in)."],
  ["@root.field", "A field of the top of the context, anywhere."],
  ["as |item index|", "Block parameters of {{#each}} (the item and its number) and {{#with}} (the object)."],
  ["@index", "Inside {{#each}}: the item's number, from 0."],
  ["@first", "Inside {{#each}}: whether it is the first item."],
  ["@last", "Inside {{#each}}: whether it is the last item."],
  ["@key", "Inside {{#each}}: the item's number, or the field's name over an object."],
  ["list.length", "How many items a list has; the only field of a list."],
  ["{{> name}}", "A partial: a file of partials/ (its name without .md.hbs or .json.hbs) or a {{#*inline \"name\"}} block; {{> name value}} runs it with the value as `this`."],
];
