import { original as textOf, type Problem, type Shape } from "./template-scope.js";

/** A partial a template can call: a file of partials/ or an inline block. `program` is null when it does not parse. */
export interface PartialDef {
  name: string;
  file: string;
  program: hbs.AST.Program | null;
  used: boolean;
}

/** A problem at a place of a template, and the text it is about as written. */
export interface Found extends Problem {
  file: string;
  line: number;
  column: number;
  value: string;
}

/** What a walk over one template carries: where it is, the partials it can call, what it found. */
export interface Walk {
  file: string;
  partials: ReadonlyMap<string, PartialDef>;
  found: Map<string, Found>;
  /** Partials already checked with a given `this`, so that each is walked once per kind of caller. */
  checked: Set<string>;
  ids: Map<Shape, number>;
  /** How many partials deep the walk is. */
  depth: number;
}

/** How deep partials may call partials while being checked. */
export const MAX_PARTIAL_DEPTH = 16;

/** A number for each shape a walk meets, to know a partial was checked with it already. */
export function shapeId(walk: Walk, shape: Shape): number {
  let id = walk.ids.get(shape);
  if (id === undefined) walk.ids.set(shape, (id = walk.ids.size + 1));
  return id;
}

/** Records a problem at a node, once per place and message. */
export function report(walk: Walk, node: hbs.AST.Node, problem: Problem, written = textOf(node)): void {
  const { line, column } = node.loc.start;
  const found: Found = { ...problem, file: walk.file, line, column: column + 1, value: written };
  const key = `${found.file}:${line}:${column}:${found.message}`;
  if (!walk.found.has(key)) walk.found.set(key, found);
}

