import type { Field } from "./fields.js";
import { suggest } from "../inputs/validate.js";
import { BUILT_IN_HELPERS, HELPERS, type HelperSpec } from "./helper-specs.js";

/** What an expression gives: a declared field, or something no declaration says (a `lookup` with a computed key). */
export type Shape = Field | { type: "any"; description: string };

/** A value of a known shape and the name the docs give it, such as `periodEngagements[]`. */
export interface Frame {
  shape: Shape;
  path: string;
}

/** What a problem found in a template says; its place is added by whoever found it. */
export interface Problem {
  code: "template_field_unknown" | "template_helper_unknown" | "template_partial_unknown" | "template_misuse";
  message: string;
  hint: string | null;
}

/** What the names of a template mean at one point of it. */
export interface Scope {
  /** `this` first, then the objects outside it, as `../` reaches them. */
  frames: readonly Frame[];
  root: Frame;
  /** Block parameters (`as |item index|`), the innermost first. */
  params: ReadonlyMap<string, Frame>;
  /** The `@` variables of the innermost `#each` (index, first, last, key). */
  data: ReadonlySet<string>;
}

export const ANY: Shape = { type: "any", description: "" };
export const value = (type: "text" | "number" | "boolean"): Shape => ({ type, description: "" });

/** The path expression of Handlebars' AST, as far as resolving it needs. */
export interface PathLike {
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}

/** Resolves a path (`title`, `../window.weeks`, `@root.period.text`, `partner.name`, `@index`) at a point of a template. */
export function resolvePath(path: PathLike, scope: Scope): Frame | Problem {
  const scoped = /^\.|^this\b/.test(path.original);
  if (path.data) return resolveData(path, scope);
  const [head] = path.parts;
  const param = path.depth === 0 && !scoped && head !== undefined ? scope.params.get(head) : undefined;
  if (param !== undefined) return walk(param, path.parts.slice(1), path.original);
  const frame = scope.frames[path.depth];
  if (frame === undefined) {
    const around = path.depth === 1 ? "no #each or #with is around it" : `fewer than ${path.depth} #each or #with blocks are around it`;
    return misuse(`"${path.original}" goes above the top of the context: ${around}`, "write @root.field for a field of the top of the context");
  }
  return walk(frame, path.parts, path.original);
}

const DATA: Readonly<Record<string, Shape>> = { index: value("number"), first: value("boolean"), last: value("boolean"), key: value("text") };

function resolveData(path: PathLike, scope: Scope): Frame | Problem {
  const [head = "", ...rest] = path.parts;
  if (head === "root") return walk(scope.root, rest, path.original);
  const shape = DATA[head];
  if (shape !== undefined && scope.data.has(head)) return walk({ shape, path: `@${head}` }, rest, path.original);
  if (shape !== undefined) return misuse(`"${path.original}" is only known inside {{#each}}`, null);
  const known = ["root", ...scope.data];
  const guess = suggest(head, known);
  return {
    code: "template_field_unknown",
    message: `"@${head}" is not a variable a template can use here`,
    hint: guess === null ? `the variables here are ${known.map((name) => `@${name}`).join(", ")}` : `did you mean "@${guess}"?`,
  };
}

function walk(start: Frame, parts: readonly string[], original: string): Frame | Problem {
  let frame = start;
  for (const part of parts) {
    const next = step(frame, part, original);
    if ("code" in next) return next;
    frame = next;
  }
  return frame;
}

function step(frame: Frame, part: string, original: string): Frame | Problem {
  const { shape } = frame;
  const within = original === part ? "" : ` (in "${original}")`;
  if (shape.type === "any") return { shape: ANY, path: `${frame.path}.${part}` };
  if (shape.type === "list") {
    if (part === "length") return { shape: value("number"), path: `${frame.path}.length` };
    if (/^\d+$/.test(part)) return { shape: shape.items, path: `${frame.path}[]` };
    return misuse(
      `"${part}" is not a field of ${describe(frame)}, which is a list${within}`,
      `write {{#each ${frame.path || "this"}}}…{{${part}}}…{{/each}} to use a field of each item; a list's only field is length`,
    );
  }
  if (shape.type === "object") {
    const field = Object.hasOwn(shape.fields, part) ? shape.fields[part] : undefined;
    if (field !== undefined) return { shape: field, path: frame.path === "" ? part : `${frame.path}.${part}` };
    const names = Object.keys(shape.fields);
    const guess = suggest(part, names);
    return {
      code: "template_field_unknown",
      message: `"${part}" is not a field of ${describe(frame)}${within}`,
      hint: guess !== null ? `did you mean "${guess}"?` : names.length <= 12 ? `its fields are ${names.join(", ")}` : "briefkit's docs/template-fields.md lists the fields",
    };
  }
  return misuse(`"${part}" is not a field of ${describe(frame)}, which is ${article(shape.type)}${within}`, null);
}

/** How messages name a frame: `the briefing`, `period`, `an item of periodEngagements`. */
export function describe(frame: Frame): string {
  if (frame.path === "") return "the briefing";
  if (frame.path.endsWith("[]")) return `an item of ${frame.path.slice(0, -2)}`;
  return frame.path;
}

export function article(type: Shape["type"]): string {
  return { text: "text", number: "a number", boolean: "true or false", object: "an object", list: "a list", any: "a value" }[type];
}

function misuse(message: string, hint: string | null): Problem {
  return { code: "template_misuse", message, hint };
}

/** Whether a resolved value is a problem to report. */
export function isProblem(result: Frame | Problem): result is Problem {
  return "code" in result;
}

/** A `lookup` with its key written out is a field like any other; with a computed key, only a list's items are known. */
export function lookupKey(object: Frame, key: hbs.AST.Expression): Frame | Problem {
  if (key.type === "StringLiteral" || key.type === "NumberLiteral") {
    const part = String((key as hbs.AST.StringLiteral).value);
    return resolvePath({ data: false, depth: 0, parts: [part], original: part }, { frames: [object], root: object, params: new Map(), data: new Set() });
  }
  return object.shape.type === "list" ? { shape: object.shape.items, path: `${object.path}[]` } : { shape: ANY, path: `${object.path}.*` };
}

/** The helper a path names, when it is one name that is a helper. */
export function helperSpec(path: hbs.AST.PathExpression): HelperSpec | undefined {
  if (!isSimple(path)) return undefined;
  const name = path.original;
  return Object.hasOwn(HELPERS, name) ? HELPERS[name] : Object.hasOwn(BUILT_IN_HELPERS, name) ? BUILT_IN_HELPERS[name] : undefined;
}

/** Whether a path is one plain name, which Handlebars tries as a helper first. */
export function isSimple(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1 && !/^\.|^this\b/.test(path.original);
}

/** A node's text as the template writes it. */
export function original(node: hbs.AST.Node): string {
  const { original: text, value: literal } = node as { original?: unknown; value?: unknown };
  return String(text ?? literal ?? "");
}
