import { suggest } from "../inputs/validate.js";
import type { Fields } from "./fields.js";
import { BLOCK_HELPERS, BUILT_IN_HELPERS, HELPERS, type HelperSpec } from "./helper-specs.js";
import { MAX_PARTIAL_DEPTH, report, shapeId, type PartialDef, type Walk } from "./template-report.js";
import { ANY, article, helperSpec, isProblem, isSimple, lookupKey, original, resolvePath, value, type Frame, type Problem, type Scope } from "./template-scope.js";

type Node = hbs.AST.Node;
type Call = { path: hbs.AST.PathExpression | hbs.AST.Literal; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash; loc: hbs.AST.SourceLocation };

/** Checks every statement of a program; its inline partials are known throughout it. */
export function checkProgram(program: hbs.AST.Program, scope: Scope, walk: Walk): void {
  const inline = new Map<string, PartialDef>();
  for (const node of program.body) {
    const block = node as hbs.AST.DecoratorBlock;
    const [name] = block.params ?? [];
    if (node.type === "DecoratorBlock" && block.path.original === "inline" && name?.type === "StringLiteral") {
      inline.set((name as hbs.AST.StringLiteral).value, { name: (name as hbs.AST.StringLiteral).value, file: walk.file, program: block.program, used: false });
    }
  }
  const inner = inline.size === 0 ? walk : { ...walk, partials: new Map([...walk.partials, ...inline]) };
  for (const node of program.body) checkStatement(node, scope, inner);
  // An inline partial no call reached is checked where it is written, so that its typos are found too.
  for (const def of inline.values()) if (!def.used && def.program) checkProgram(def.program, scope, { ...inner, file: def.file });
}

function checkStatement(node: Node, scope: Scope, walk: Walk): void {
  switch (node.type) {
    case "MustacheStatement": {
      const mustache = node as hbs.AST.MustacheStatement;
      const written = checkCall(mustache, scope, walk, "mustache");
      const { type } = written.shape;
      if (type === "object" || type === "list") {
        const name = `${original(mustache.path)}${mustache.params.length > 0 ? " …" : ""}`;
        const hint = type === "list" ? `write {{join ${name} ", "}} or {{#each ${name}}}…{{/each}}` : "write one of its fields";
        const prints = type === "list" ? "its items with bare commas" : "[object Object]";
        report(walk, mustache.path, { code: "template_misuse", message: `"${name}" is ${article(type)}: it would print as ${prints}`, hint });
      }
      return;
    }
    case "BlockStatement":
      return checkBlock(node as hbs.AST.BlockStatement, scope, walk);
    case "PartialStatement":
      return checkPartial(node as hbs.AST.PartialStatement, scope, walk, false);
    case "PartialBlockStatement":
      checkProgram((node as hbs.AST.PartialBlockStatement).program, scope, walk);
      return checkPartial(node as hbs.AST.PartialBlockStatement, scope, walk, true);
    case "DecoratorBlock":
    case "Decorator": {
      const decorator = node as hbs.AST.Decorator;
      if (original(decorator.path) === "inline" && node.type === "DecoratorBlock") return;
      report(walk, decorator.path, { code: "template_helper_unknown", message: `"${original(decorator.path)}" is not a decorator`, hint: "the only decorator is {{#*inline \"name\"}}…{{/inline}}" });
      return;
    }
  }
}

function checkBlock(block: hbs.AST.BlockStatement, scope: Scope, walk: Walk): void {
  const name = block.path.original;
  const hasArgs = block.params.length > 0 || (block.hash?.pairs.length ?? 0) > 0;
  const builtIn = isSimple(block.path) && Object.hasOwn(BLOCK_HELPERS, name) ? BLOCK_HELPERS[name] : undefined;
  let target: Frame;
  if (builtIn !== undefined) {
    for (const pair of block.hash?.pairs ?? []) checkOption(name, builtIn.hash, pair, scope, walk);
    if (block.params.length !== 1) report(walk, block.path, { code: "template_misuse", message: `#${name} takes one value, not ${block.params.length}`, hint: builtIn.usage });
    target = block.params[0] ? checkExpression(block.params[0], scope, walk) : { shape: ANY, path: "" };
  } else if (helperSpec(block.path) !== undefined) {
    report(walk, block.path, { code: "template_misuse", message: `${name} is not a block helper`, hint: `write {{#if (${name} …)}}…{{/if}}` });
    return checkBranches(block, checkCall(block, scope, walk, "block"), scope, walk, "if");
  } else if (hasArgs) {
    return checkBranches(block, checkCall(block, scope, walk, "block"), scope, walk, "if");
  } else {
    target = lookupField(block.path, scope, walk);
  }
  // A block named by a field runs as Handlebars runs it: over a list's items, in an object, or in a value other than true.
  const { type } = target.shape;
  const kind = builtIn !== undefined ? name : type === "list" ? "each" : type === "boolean" ? "if" : "with";
  checkBranches(block, target, scope, walk, kind);
}

function checkBranches(block: hbs.AST.BlockStatement, target: Frame, scope: Scope, walk: Walk, kind: string): void {
  if (kind === "each" || kind === "with") {
    const inner = kind === "each" ? eachScope(block, target, scope, walk) : withScope(block, target, scope);
    checkProgram(block.program, inner, walk);
  } else {
    checkProgram(block.program, scope, walk);
  }
  if (block.inverse) checkProgram(block.inverse, scope, walk);
}

function eachScope(block: hbs.AST.BlockStatement, target: Frame, scope: Scope, walk: Walk): Scope {
  const { shape } = target;
  let item: Frame = { shape: ANY, path: `${target.path}[]` };
  if (shape.type === "list") item = { shape: shape.items, path: `${target.path}[]` };
  else if (shape.type !== "object" && shape.type !== "any") {
    const param = block.params[0] ?? block.path;
    report(walk, param, { code: "template_misuse", message: `#each needs a list; "${original(param)}" is ${article(shape.type)}`, hint: "write {{#if …}} to test a value" });
  }
  const [itemName, indexName] = block.program.blockParams ?? [];
  const params = new Map(scope.params);
  if (indexName !== undefined) params.set(indexName, { shape: value(shape.type === "object" ? "text" : "number"), path: `@index` });
  if (itemName !== undefined) params.set(itemName, item);
  return { ...scope, frames: [item, ...scope.frames], params, data: new Set(["index", "first", "last", "key"]) };
}

function withScope(block: hbs.AST.BlockStatement, target: Frame, scope: Scope): Scope {
  const [name] = block.program.blockParams ?? [];
  const params = new Map(scope.params);
  if (name !== undefined) params.set(name, target);
  return { ...scope, frames: [target, ...scope.frames], params };
}

function checkPartial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope: Scope, walk: Walk, block: boolean): void {
  const args = node.params.map((param) => checkExpression(param, scope, walk));
  const hash = (node.hash?.pairs ?? []).map((pair) => [pair.key, checkExpression(pair.value, scope, walk)] as const);
  if (node.name.type === "SubExpression") return void checkCall(node.name as hbs.AST.SubExpression, scope, walk, "sexpr");
  const name = original(node.name);
  if (name === "@partial-block") return;
  const def = walk.partials.get(name);
  if (def === undefined) {
    if (block) return;
    const names = [...walk.partials.keys()];
    const guess = suggest(name, names);
    const hint = guess !== null ? `did you mean "${guess}"?` : names.length > 0 ? `the partials are ${names.join(", ")}` : "a partial is a file of partials/ or a {{#*inline \"name\"}} block";
    return report(walk, node.name, { code: "template_partial_unknown", message: `there is no partial "${name}"`, hint });
  }
  if (args.length > 1) report(walk, node.name, { code: "template_misuse", message: `a partial takes at most one value, not ${args.length}`, hint: `write {{> ${name} value}}, or name=value pairs` });
  def.used = true;
  if (def.program === null) return;
  let context = args[0] ?? scope.frames[0] ?? scope.root;
  if (hash.length > 0) {
    const base = context.shape.type === "object" ? context.shape.fields : {};
    context = { shape: { type: "object", description: "", fields: { ...base, ...(Object.fromEntries(hash.map(([key, frame]) => [key, frame.shape])) as Fields) } }, path: context.path };
  }
  // Once per partial and kind of `this`; a partial that calls itself with ever new values stops at MAX_PARTIAL_DEPTH.
  const key = `${def.file}\0${name}\0${shapeId(walk, context.shape)}\0${[...scope.data].join()}`;
  if (walk.checked.has(key) || walk.depth >= MAX_PARTIAL_DEPTH) return;
  walk.checked.add(key);
  checkProgram(def.program, { frames: [context], root: scope.root, params: new Map(), data: scope.data }, { ...walk, file: def.file, depth: walk.depth + 1 });
}

/** Checks a mustache, a block's opening or a subexpression, and says what it gives. */
function checkCall(call: Call, scope: Scope, walk: Walk, mode: "mustache" | "block" | "sexpr"): Frame {
  const { path } = call;
  if (path.type !== "PathExpression") return checkExpression(path, scope, walk);
  const pathExpr = path as hbs.AST.PathExpression;
  const hasArgs = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0 || mode === "sexpr";
  const spec = scope.params.has(pathExpr.original) && !hasArgs ? undefined : helperSpec(pathExpr);
  if (spec !== undefined) return callHelper(pathExpr.original, spec, call, scope, walk);
  if (!hasArgs) return lookupField(pathExpr, scope, walk);
  const name = pathExpr.original;
  const helpers = Object.keys({ ...HELPERS, ...BUILT_IN_HELPERS });
  const guess = isSimple(pathExpr) ? suggest(name, helpers) : null;
  const problem: Problem = Object.hasOwn(BLOCK_HELPERS, name)
    ? { code: "template_misuse", message: `${name} is a block helper`, hint: `write {{#${name} …}}…{{/${name}}}` }
    : { code: "template_helper_unknown", message: `"${name}" is not a helper`, hint: guess !== null ? `did you mean "${guess}"?` : `the helpers are ${helpers.join(", ")}` };
  report(walk, pathExpr, problem);
  for (const param of call.params) checkExpression(param, scope, walk);
  for (const pair of call.hash?.pairs ?? []) checkExpression(pair.value, scope, walk);
  return { shape: ANY, path: name };
}

function callHelper(name: string, spec: HelperSpec, call: Call, scope: Scope, walk: Walk): Frame {
  const args = call.params.map((param) => checkExpression(param, scope, walk));
  const required = spec.params.filter((p) => !p.optional).length;
  if (args.length < required || (!spec.rest && args.length > spec.params.length)) {
    const takes = spec.rest ? `at least ${required}` : required === spec.params.length ? `${required}` : `${required} or ${spec.params.length}`;
    report(walk, call.path, { code: "template_misuse", message: `${name} takes ${takes} ${spec.params.length === 1 && !spec.rest ? "value" : "values"}, not ${args.length}`, hint: spec.usage });
  }
  args.forEach((arg, index) => {
    const param = spec.params[Math.min(index, spec.params.length - 1)];
    const { type } = arg.shape;
    if (param?.list && type !== "list" && type !== "any") {
      report(walk, call.params[index]!, { code: "template_misuse", message: `${name} needs a list${param.name === "list" ? "" : ` as its ${param.name}`}; "${original(call.params[index]!)}" is ${article(type)}`, hint: spec.usage });
    }
  });
  for (const pair of call.hash?.pairs ?? []) checkOption(name, spec.hash, pair, scope, walk);
  if (name === "lookup") {
    const [object, key] = args;
    const found = object === undefined || key === undefined ? { shape: ANY, path: name } : lookupKey(object, call.params[1]!);
    if (isProblem(found)) report(walk, call.params[1]!, found);
    return isProblem(found) ? { shape: ANY, path: name } : found;
  }
  if (spec.returns === "list") return args[0]?.shape.type === "list" ? args[0] : { shape: ANY, path: name };
  return { shape: value(spec.returns), path: name };
}

function checkOption(helper: string, options: HelperSpec["hash"], pair: hbs.AST.HashPair, scope: Scope, walk: Walk): void {
  checkExpression(pair.value, scope, walk);
  const known = options ?? {};
  const option = Object.hasOwn(known, pair.key) ? known[pair.key] : undefined;
  if (option === undefined) {
    const guess = suggest(pair.key, Object.keys(known));
    const hint = guess !== null ? `did you mean "${guess}"?` : Object.keys(known).length > 0 ? `its options are ${Object.keys(known).join(", ")}` : "it takes no name=value options";
    return report(walk, pair, { code: "template_misuse", message: `${helper} has no option "${pair.key}"`, hint }, pair.key);
  }
  const written = pair.value.type === "StringLiteral" ? (pair.value as hbs.AST.StringLiteral).value : null;
  if (option.values && written !== null && !option.values.includes(written)) {
    report(walk, pair.value, { code: "template_misuse", message: `${helper}'s ${pair.key} is not "${written}"`, hint: `write one of ${option.values.join(", ")}` });
  }
}

/** Checks a parameter, a hash value or a subexpression, and says what it gives. */
function checkExpression(expression: hbs.AST.Expression, scope: Scope, walk: Walk): Frame {
  switch (expression.type) {
    case "PathExpression": return lookupField(expression as hbs.AST.PathExpression, scope, walk);
    case "SubExpression": return checkCall(expression as hbs.AST.SubExpression, scope, walk, "sexpr");
    case "StringLiteral": return { shape: value("text"), path: "" };
    case "NumberLiteral": return { shape: value("number"), path: "" };
    case "BooleanLiteral": return { shape: value("boolean"), path: "" };
    default: return { shape: ANY, path: "" };
  }
}

function lookupField(path: hbs.AST.PathExpression, scope: Scope, walk: Walk): Frame {
  const result = resolvePath(path, scope);
  if (!isProblem(result)) return result;
  report(walk, path, result);
  return { shape: ANY, path: path.original };
}
