import { createHash } from "node:crypto";

// pdfkit writes `/ID [<hex> <hex>]` in the trailer, from the info dictionary alone.
const TRAILER_ID = /\/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]/g;

/**
 * Replaces the PDF's file identifier with a digest of its bytes, so that two
 * packets share an identifier only when they are the same file. The new
 * identifier has the length of the old one and the trailer follows the
 * cross-reference table, so no offset moves.
 */
export function pinPdfId(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString("latin1");
  const tail = text.lastIndexOf("trailer");
  if (tail < 0) return bytes;
  const digest = createHash("md5").update(bytes).digest("hex");
  const trailer = text.slice(tail).replace(TRAILER_ID, `/ID [<${digest}> <${digest}>]`);
  return new Uint8Array(Buffer.from(text.slice(0, tail) + trailer, "latin1"));
}
