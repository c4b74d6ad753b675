import type { Token, Tokens } from "marked";
import { inlines, type Inline } from "./inlines.js";

/**
 * What each kind of packet block holds besides its `type`. A new kind is a
 * line here and its entry in BLOCKS below; each renderer keys a table of
 * drawers by the same kinds, so the compiler asks for its drawing too.
 */
export interface BlockFields {
  heading: { level: number; content: Inline[] };
  paragraph: { content: Inline[] };
  list: { ordered: boolean; items: Inline[][] };
  /** `leftOut`: rows the template did not write out (`::: more N` after the table). */
  table: { header: Inline[][]; rows: Inline[][][]; leftOut?: number };
  rule: Record<never, never>;
  matrix: { which: "period" | "window" };
  pagebreak: Record<never, never>;
  /** A table of contents of the headings down to `depth`, with page numbers. */
  toc: { depth: number };
  /** A partner's topic profile over the trailing window: its `top` topics when given, else all. */
  profile: { partner: string; top?: number };
  cover: { children: Block[] };
}

/** The kinds of block a packet document is made of. */
export type BlockKind = keyof BlockFields;

/** A block of one kind. */
export type BlockOf<K extends BlockKind> = { type: K } & BlockFields[K];

/** A block of the packet's format-neutral document. */
export type Block = { [K in BlockKind]: BlockOf<K> }[BlockKind];

/** How a template writes one kind of block: as Markdown, as directive lines, or both. */
export interface BlockParser<K extends BlockKind> {
  /** The marked block tokens the kind is made from. */
  markdown?: { tokens: readonly string[]; parse: (token: Token) => BlockFields[K] };
  /** A line `::: word argument`; `parse` gives undefined for an argument that does not fit. */
  directive?: { word: string; usage: readonly string[]; parse: (argument: string) => BlockFields[K] | undefined };
  /** A line `::: word argument` right after a block of this kind, that changes it. */
  amendment?: { word: string; usage: string; argument: RegExp; amend: (block: BlockOf<K>, argument: string) => void };
  /** A line `::: word` opening a block that holds the blocks up to the next `:::` line. */
  enclosure?: { word: string; usage: string; close: (children: Block[]) => BlockFields[K] };
}

/**
 * How each kind of block is written in a packet template. The order of the
 * entries is the order in which an error lists the known directives.
 */
export const BLOCKS: { readonly [K in BlockKind]: BlockParser<K> } = {
  heading: {
    markdown: { tokens: ["heading"], parse: (token) => ({ level: (token as Tokens.Heading).depth, content: inlines((token as Tokens.Heading).tokens) }) },
  },
  paragraph: {
    markdown: { tokens: ["paragraph", "text"], parse: (token) => ({ content: inlines((token as Tokens.Text).tokens ?? [token]) }) },
  },
  list: {
    markdown: {
      tokens: ["list"],
      parse: (token) => ({ ordered: (token as Tokens.List).ordered, items: (token as Tokens.List).items.map((item) => inlines(item.tokens.flatMap(unwrap))) }),
    },
  },
  table: {
    markdown: {
      tokens: ["table"],
      parse: (token) => {
        const table = token as Tokens.Table;
        return { header: table.header.map((cell) => inlines(cell.tokens)), rows: table.rows.map((row) => row.map((cell) => inlines(cell.tokens))) };
      },
    },
    // The template writes out only the first rows of a long table and says how many it left out.
    amendment: {
      word: "more",
      usage: "more N",
      argument: /^\d+$/,
      amend: (table, argument) => {
        table.leftOut = (table.leftOut ?? 0) + Number(argument);
      },
    },
  },
  rule: { markdown: { tokens: ["hr"], parse: () => ({}) } },
  matrix: {
    directive: {
      word: "matrix",
      usage: ["matrix period", "matrix window"],
      parse: (argument) => (argument === "period" || argument === "window" ? { which: argument } : undefined),
    },
  },
  pagebreak: { directive: { word: "pagebreak", usage: ["pagebreak"], parse: () => ({}) } },
  toc: {
    directive: { word: "toc", usage: ["toc [depth]"], parse: (argument) => (/^[1-6]?$/.test(argument) ? { depth: argument === "" ? 2 : Number(argument) } : undefined) },
  },
  profile: { directive: { word: "profile", usage: ["profile PARTNER-ID [TOP]"], parse: profileFields } },
  cover: { enclosure: { word: "cover", usage: "cover", close: (children) => ({ children }) } },
};

// `::: profile PARTNER-ID [TOP]`: a number after the id is how many topics the chart shows.
function profileFields(argument: string): BlockFields["profile"] | undefined {
  if (argument === "") return undefined;
  const match = /^(.*\S)\s+(\d+)$/.exec(argument);
  return match ? { partner: match[1]!, top: Number(match[2]) } : { partner: argument };
}

// List items wrap their text in paragraph or text tokens; keep their inline children.
function unwrap(token: Token): Token[] {
  if ((token.type === "text" || token.type === "paragraph") && "tokens" in token && token.tokens) return token.tokens;
  return [token];
}
