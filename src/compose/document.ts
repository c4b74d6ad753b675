import { Lexer, type Token, type Tokens } from "marked";

/** A run of text with one style. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type Block =
  | { type: "heading"; level: number; content: Inline[] }
  | { type: "paragraph"; content: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  /** `leftOut`: rows the template did not write out (`::: more N` after the table). */
  | { type: "table"; header: Inline[][]; rows: Inline[][][]; leftOut?: number }
  | { type: "matrix"; which: "period" | "window" }
  | { type: "cover"; children: Block[] }
  | { type: "pagebreak" }
  | { type: "rule" }
  /** A table of contents of the headings down to `depth`, with page numbers. */
  | { type: "toc"; depth: number }
  /** A partner's topic profile over the trailing window: its `top` topics when given, else all. */
  | { type: "profile"; partner: string; top?: number };

/** The format-neutral tree that renderers draw. */
export interface Document {
  blocks: Block[];
}

/** Rows a table in the packet shows at most; the workbook lists them all. */
export const MAX_TABLE_ROWS = 200;

const DIRECTIVE = /^:::\s*(\w+)?\s*(.*?)\s*$/;

/**
 * Parses the Markdown a packet template writes into a document tree.
 * Besides Markdown it knows these directive lines:
 * `::: matrix period|window`, `::: pagebreak`, `::: toc [depth]`,
 * `::: profile PARTNER-ID [TOP]`, `::: more N` (right after a table: N more rows
 * exist than the template wrote) and a `::: cover` … `:::` block.
 */
export function parseDocument(markdown: string, name: string): Document {
  const stack: Block[][] = [[]];
  let chunk: string[] = [];
  const flush = () => {
    stack[stack.length - 1]!.push(...parseMarkdown(chunk.join("\n")));
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
    const current = stack[stack.length - 1]!;
    if (word === undefined) {
      if (stack.length === 1) throw directiveError(name, index, "a ::: closes no open block");
      const children = stack.pop()!;
      stack[stack.length - 1]!.push({ type: "cover", children });
    } else if (word === "cover") {
      stack.push([]);
    } else if (word === "pagebreak") {
      current.push({ type: "pagebreak" });
    } else if (word === "matrix" && (argument === "period" || argument === "window")) {
      current.push({ type: "matrix", which: argument });
    } else if (word === "toc" && /^[1-6]?$/.test(argument)) {
      current.push({ type: "toc", depth: argument === "" ? 2 : Number(argument) });
    } else if (word === "profile" && argument !== "") {
      current.push(profileBlock(argument));
    } else if (word === "more" && /^\d+$/.test(argument)) {
      const table = current[current.length - 1];
      if (table?.type !== "table") throw directiveError(name, index, "::: more N follows no table");
      table.leftOut = (table.leftOut ?? 0) + Number(argument);
    } else {
      throw directiveError(name, index, `unknown directive "::: ${word} ${argument}"; known: matrix period, matrix window, pagebreak, toc [depth], profile PARTNER-ID [TOP], more N, cover`);
    }
  });
  flush();
  if (stack.length > 1) throw directiveError(name, markdown.split("\n").length - 1, "a ::: cover block is not closed with :::");
  return { blocks: stack[0]! };
}

// `::: profile PARTNER-ID [TOP]`: a number after the id is how many topics the chart shows.
function profileBlock(argument: string): Block {
  const match = /^(.*\S)\s+(\d+)$/.exec(argument);
  return match ? { type: "profile", partner: match[1]!, top: Number(match[2]) } : { type: "profile", partner: argument };
}

function directiveError(name: string, index: number, message: string): Error {
  return new Error(`${name} (rendered line ${index + 1}): ${message}`);
}

function parseMarkdown(text: string): Block[] {
  if (text.trim() === "") return [];
  return new Lexer({ gfm: true }).lex(text).flatMap(toBlocks);
}

function toBlocks(token: Token): Block[] {
  switch (token.type) {
    case "heading":
      return [{ type: "heading", level: token.depth, content: inlines(token.tokens) }];
    case "paragraph":
      return [{ type: "paragraph", content: inlines(token.tokens) }];
    case "text":
      return [{ type: "paragraph", content: inlines(token.tokens ?? [token]) }];
    case "list":
      return [{
        type: "list",
        ordered: token.ordered,
        items: (token as Tokens.List).items.map((item) => inlines(item.tokens.flatMap(unwrap))),
      }];
    case "table": {
      const table = token as Tokens.Table;
      return [{
        type: "table",
        header: table.header.map((cell) => inlines(cell.tokens)),
        rows: table.rows.map((row) => row.map((cell) => inlines(cell.tokens))),
      }];
    }
    case "hr":
      return [{ type: "rule" }];
    case "space":
      return [];
    default:
      return [{ type: "paragraph", content: [{ text: token.raw.trim() }] }];
  }
}

// List items wrap their text in paragraph or text tokens; keep their inline children.
function unwrap(token: Token): Token[] {
  if ((token.type === "text" || token.type === "paragraph") && "tokens" in token && token.tokens) return token.tokens;
  return [token];
}

function inlines(tokens: Token[] | undefined, style: Omit<Inline, "text"> = {}): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "strong":
        out.push(...inlines(token.tokens, { ...style, bold: true }));
        break;
      case "em":
        out.push(...inlines(token.tokens, { ...style, italic: true }));
        break;
      case "link":
        out.push(...inlines(token.tokens, { ...style, link: token.href }));
        break;
      case "br":
        out.push({ ...style, text: "\n" });
        break;
      case "text":
      case "escape":
      case "codespan":
        if ("tokens" in token && token.tokens && token.tokens.length > 0) out.push(...inlines(token.tokens, style));
        else out.push({ ...style, text: decodeEntities(token.text) });
        break;
      default:
        out.push({ ...style, text: decodeEntities(token.raw) });
    }
  }
  return merge(out);
}

// marked leaves a few characters as HTML entities in text tokens.
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function merge(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.link === run.link) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/** The plain text of a run of inlines. */
export function plainText(content: readonly Inline[]): string {
  return content.map((run) => run.text).join("");
}
