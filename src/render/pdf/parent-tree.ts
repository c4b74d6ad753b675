import type { Doc } from "./layout.js";

/** How many pages are added between two passes over the parent tree. */
const PASS_EVERY = 16;

interface WrittenReference {
  id: number;
  gen: number;
  offset: number;
  toString(): string;
}

/**
 * Lets the structure elements already written out be freed while the packet
 * is drawn.
 *
 * The structure tree's parent tree maps every marked-content id of every
 * page to its structure element, and pdfkit keeps the element's whole
 * reference object there (its dictionary, its parent's, …) until the end,
 * though it only ever prints it as "12 0 R". Every few pages, the written
 * ones are swapped for a small reference that prints the same. Entries of
 * another shape are left alone.
 */
export function trimParentTreeAsPagesAdd(doc: Doc): void {
  let added = 0;
  doc.on("pageAdded", () => {
    added++;
    if (added % PASS_EVERY === 0) trimParentTree(doc);
  });
}

/** Swaps the written structure elements in the parent tree for small references; how many it swapped. */
export function trimParentTree(doc: Doc): number {
  const items = parentTreeItems(doc);
  if (items === undefined) return 0;
  let swapped = 0;
  for (const [key, value] of Object.entries(items)) {
    if (Array.isArray(value)) {
      value.forEach((entry: unknown, i) => {
        const small = smallReference(entry);
        if (small === undefined) return;
        value[i] = small;
        swapped++;
      });
    } else {
      const small = smallReference(value);
      if (small === undefined) continue;
      items[key] = small;
      swapped++;
    }
  }
  return swapped;
}

/** The number tree pdfkit keeps the parent tree in, if it is there. */
function parentTreeItems(doc: Doc): Record<string, unknown> | undefined {
  const tree = (doc as { getStructParentTree?: () => unknown }).getStructParentTree?.call(doc);
  const items = (tree as { _items?: unknown } | undefined)?._items;
  return typeof items === "object" && items !== null ? (items as Record<string, unknown>) : undefined;
}

/** A reference of the same class holding only its number, when `entry` is a reference already written out. */
function smallReference(entry: unknown): object | undefined {
  if (!isWritten(entry)) return undefined;
  const small = Object.create(Object.getPrototypeOf(entry) as object) as { id: number; gen: number };
  small.id = entry.id;
  small.gen = entry.gen;
  try {
    return String(small) === String(entry) ? small : undefined;
  } catch {
    return undefined;
  }
}

function isWritten(entry: unknown): entry is WrittenReference {
  if (typeof entry !== "object" || entry === null) return false;
  const { id, gen, offset } = entry as Partial<WrittenReference>;
  // The small references have no offset, so they are not swapped again.
  return typeof id === "number" && typeof gen === "number" && typeof offset === "number";
}
