import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

/** The encodings briefkit recognises in input files. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; reason: "binary" | "too_large" };

/**
 * Turns the bytes of a whole file into text. A byte-order mark decides
 * UTF-8 or UTF-16; otherwise the whole file is tried as UTF-8, and if it is
 * not valid UTF-8 it is read as Windows-1252 (Excel's "CSV" on Windows).
 * Files with NUL bytes (and no UTF-16 mark) are not text.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeWith(bytes.subarray(3), "utf-8");
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return decodeWith(bytes.subarray(2), "utf-16le");
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return decodeWith(bytes.subarray(2), "utf-16be");
  }
  if (bytes.includes(0)) return { ok: false, reason: "binary" };
  const utf8 = decodeWith(bytes, "utf-8");
  if (utf8.ok || utf8.reason === "too_large") return utf8;
  return decodeWith(bytes, "windows-1252");
}

/**
 * The bytes of a file, without its byte-order mark, when they are UTF-8 text
 * that decodeText would accept as they are; null when decodeText must decide
 * (another encoding, or not text). Lets a large file be parsed without ever
 * being held as one string.
 */
export function utf8Bytes(bytes: Uint8Array): Uint8Array | null {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null;
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) return null;
  // Control characters are single bytes in UTF-8: every byte of a longer character is 0x80 or more.
  for (const byte of body) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) return null;
  return body;
}

function decodeWith(bytes: Uint8Array, encoding: TextEncoding): DecodeResult {
  try {
    // Node's TextDecoder reads "windows-1252" as Latin-1 when built without
    // full ICU, losing –, “ ” and €; iconv-lite has the real table.
    const text =
      encoding === "windows-1252"
        ? iconv.decode(Buffer.from(bytes), "windows-1252")
        : new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    if (hasControlCharacters(text)) return { ok: false, reason: "binary" };
    return { ok: true, text, encoding };
  } catch (error) {
    // Past V8's longest string (about 536 million characters) the file cannot be held as text.
    if ((error as NodeJS.ErrnoException).code === "ERR_STRING_TOO_LONG" || error instanceof RangeError) return { ok: false, reason: "too_large" };
    return { ok: false, reason: "binary" };
  }
}

// Text files hold tabs and line ends, never other C0 controls.
function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/.test(text);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
