import { createHash } from "node:crypto";

// pdfkit writes `/ID [<hex> <hex>]` in the trailer, from the info dictionary alone.
const TRAILER_ID = /\/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]/;
const TRAILER = Buffer.from("trailer", "latin1");

/**
 * Replaces the PDF's file identifier with a digest of its bytes, so that two
 * packets share an identifier only when they are the same file. The new
 * identifier has the length of the old one and the trailer follows the
 * cross-reference table, so no offset moves. Returns a copy; only the
 * trailer is read as text.
 */
export function pinPdfId(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = buffer.lastIndexOf(TRAILER);
  if (tail < 0) return bytes;
  const found = TRAILER_ID.exec(buffer.toString("latin1", tail));
  if (found === null) return bytes;
  const digest = createHash("md5").update(bytes).digest("hex");
  const pinned = new Uint8Array(bytes);
  pinned.set(Buffer.from(`/ID [<${digest}> <${digest}>]`, "latin1"), tail + found.index);
  return pinned;
}
