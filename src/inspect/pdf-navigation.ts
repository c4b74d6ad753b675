import type { PageRef, PdfDocument } from "./pdf-reader.js";

/** A link annotation on a page and where it goes: `<address>`, or `p. N` inside the document. */
export interface PageLink {
  page: number;
  target: string;
  text: string;
}

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  url: string | null;
  items: OutlineNode[];
}

/** The outline as an indented list, each bookmark with the page it opens. */
export async function describeBookmarks(doc: PdfDocument): Promise<string[]> {
  const outline = ((await doc.getOutline()) ?? []) as OutlineNode[];
  if (outline.length === 0) return ["(none)"];
  const lines: string[] = [];
  const walk = async (nodes: readonly OutlineNode[], depth: number): Promise<void> => {
    for (const node of nodes) {
      const where = node.url !== null ? `<${node.url}>` : await describeDest(doc, node.dest);
      lines.push(`${"  ".repeat(depth + 1)}${node.title} → ${where}`);
      await walk(node.items, depth + 1);
    }
  };
  await walk(outline, 0);
  return lines;
}

/**
 * One line per link: page, the text it sits on and where it goes. A link
 * pdfkit splits over the lines of a wrapped text is shown once.
 */
export function describeLinks(links: readonly PageLink[]): string[] {
  if (links.length === 0) return ["(none)"];
  const merged: PageLink[] = [];
  for (const link of links) {
    const last = merged.at(-1);
    if (last !== undefined && last.page === link.page && last.target === link.target) {
      last.text = `${last.text} ${link.text}`.trim();
    } else merged.push({ ...link });
  }
  return merged.map((link) => `  p. ${link.page}: ${link.text === "" ? "(no text)" : JSON.stringify(link.text)} → ${link.target}`);
}

/** `p. N` for a destination inside the document, by name or as an explicit array. */
export async function describeDest(doc: PdfDocument, dest: string | unknown[] | null): Promise<string> {
  const explicit = typeof dest === "string" ? await doc.getDestination(dest) : dest;
  const ref = explicit?.[0];
  if (ref === null || typeof ref !== "object") return "(no page)";
  try {
    return `p. ${(await doc.getPageIndex(ref as PageRef)) + 1}`;
  } catch {
    return "(no page)";
  }
}
