import type { Token } from "marked";

/** A run of text with one style. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

/** The styled runs of marked's inline tokens, neighbours of one style merged. */
export function inlines(tokens: Token[] | undefined, style: Omit<Inline, "text"> = {}): Inline[] {
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
