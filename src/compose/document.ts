import { Lexer, type Token } from "marked";
import { BLOCKS, type Block, type BlockKind, type BlockParser } from "./blocks.js";

export type { Block, BlockKind, BlockOf } from "./blocks.js";
export { plainText, type Inline } from "./inlines.js";

/** The format-neutral tree that renderers draw. */
export interface Document {
  blocks: Block[];
}

/** Rows a table in the packet shows at most; the workbook lists them all. */
export const MAX_TABLE_ROWS = 200;

const DIRECTIVE = /^:::\s*(\w+)?\s*(.*?)\s*$/;

type Entry = [BlockKind, BlockParser<BlockKind>];
// The registry's entries, each kind with its own parser; typed loosely here, where blocks are built from them.
const ENTRIES = Object.entries(BLOCKS) as Entry[];
const BY_TOKEN = new Map(ENTRIES.flatMap(([kind, parser]) => (parser.markdown?.tokens ?? []).map((token) => [token, { kind, parse: parser.markdown!.parse }] as const)));
const KNOWN = [
  ...ENTRIES.flatMap(([, parser]) => parser.directive?.usage ?? []),
  ...ENTRIES.flatMap(([, parser]) => parser.amendment?.usage ?? []),
  ...ENTRIES.flatMap(([, parser]) => parser.enclosure?.usage ?? []),
].join(", ");

/** Blocks being collected: the document's, or those of an enclosing block not yet closed. */
interface Level {
  blocks: Block[];
  enclosure?: { word: string; close: (children: Block[]) => Block };
}

/**
 * Parses the Markdown a packet template writes into a document tree.
 * Besides Markdown it knows the directive lines of the BLOCKS registry:
 * `::: matrix period|window`, `::: pagebreak`, `::: toc [depth]`,
 * `::: profile PARTNER-ID [TOP]`, `::: more N` (right after a table: N more rows
 * exist than the template wrote) and a `::: cover` … `:::` block.
 */
export function parseDocument(markdown: string, name: string): Document {
  const stack: Level[] = [{ blocks: [] }];
  const top = () => stack[stack.length - 1]!;
  let chunk: string[] = [];
  const flush = () => {
    top().blocks.push(...parseMarkdown(chunk.join("\n")));
    chunk = [];
  };
  markdown.split(/\r?\n/).forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) {
      chunk.push(line);
      return;
    }
    flush();
    const [, word] = match;
    // Values in a template are Markdown-escaped, so `{{id}}` arrives as `united\-states`.
    const argument = (match[2] ?? "").replace(/\\(.)/g, "$1");
    const problem = word === undefined ? closeLevel(stack) : applyDirective(stack, word, argument);
    if (problem !== undefined) throw directiveError(name, index, problem);
  });
  flush();
  const open = top().enclosure;
  if (open !== undefined) throw directiveError(name, markdown.split("\n").length - 1, `a ::: ${open.word} block is not closed with :::`);
  return { blocks: stack[0]!.blocks };
}

/** Closes the innermost enclosing block; what is wrong, if anything. */
function closeLevel(stack: Level[]): string | undefined {
  const { blocks, enclosure } = stack[stack.length - 1]!;
  if (enclosure === undefined) return "a ::: closes no open block";
  stack.pop();
  stack[stack.length - 1]!.blocks.push(enclosure.close(blocks));
  return undefined;
}

/** Adds the block a directive line makes, changes the block before it, or opens an enclosing block; what is wrong, if anything. */
function applyDirective(stack: Level[], word: string, argument: string): string | undefined {
  const { blocks } = stack[stack.length - 1]!;
  for (const [kind, { directive, amendment, enclosure }] of ENTRIES) {
    const fields = directive?.word === word ? directive.parse(argument) : undefined;
    if (fields !== undefined) {
      blocks.push({ type: kind, ...fields } as Block);
      return undefined;
    }
    if (amendment?.word === word && amendment.argument.test(argument)) {
      const last = blocks[blocks.length - 1];
      if (last?.type !== kind) return `::: ${amendment.usage} follows no ${kind}`;
      amendment.amend(last, argument);
      return undefined;
    }
    if (enclosure?.word === word) {
      stack.push({ blocks: [], enclosure: { word, close: (children) => ({ type: kind, ...enclosure.close(children) }) as Block } });
      return undefined;
    }
  }
  return `unknown directive "::: ${word} ${argument}"; known: ${KNOWN}`;
}

function directiveError(name: string, index: number, message: string): Error {
  return new Error(`${name} (rendered line ${index + 1}): ${message}`);
}

function parseMarkdown(text: string): Block[] {
  if (text.trim() === "") return [];
  return new Lexer({ gfm: true }).lex(text).flatMap(toBlocks);
}

function toBlocks(token: Token): Block[] {
  if (token.type === "space") return [];
  const maker = BY_TOKEN.get(token.type);
  // Markdown the packet has no block for (HTML, code, quotes) is kept as its plain text.
  if (maker === undefined) return [{ type: "paragraph", content: [{ text: token.raw.trim() }] }];
  return [{ type: maker.kind, ...maker.parse(token) } as Block];
}
