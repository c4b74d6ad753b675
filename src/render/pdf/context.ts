import type { PacketLabels } from "../../compose/compose.js";
import type { Block } from "../../compose/document.js";
import type { Briefing } from "../../model/briefing.js";
import type { Doc } from "./layout.js";
import type { ProfileScale } from "./profile.js";
import type { StructParent } from "./tags.js";
import type { ReservedToc } from "./toc.js";

/** Where the names of the briefing's partners and topics come from. */
export interface NameSource {
  briefing: Briefing;
  partnerName: (id: string) => string;
  topicName: (id: string) => string;
}

/** The state of one packet being drawn. */
export interface DrawContext extends NameSource {
  doc: Doc;
  labels: PacketLabels;
  /** The Document element at the root of the structure tree. */
  root: StructParent;
  /** The outline item of the current top-level heading, for nesting. */
  outline: PDFKit.PDFOutline | null;
  /** Destination names of the headings that a table of contents lists. */
  destinations: Map<Block, string>;
  /** Page number (1-based) of each destination, filled in while drawing. */
  pages: Map<string, number>;
  tocs: ReservedToc[];
  /** The count the darkest shade stands for in both heat maps and every partner's chart. */
  scale: number;
  /** The one scale of every partner's chart. */
  barScale: ProfileScale;
}
