import { describe, expect, it } from "vitest";
import { decodeText, utf8Bytes } from "../../src/inputs/decode.js";
import { fileIssue } from "../../src/inputs/read.js";

const text = "id,name\nperu,Perú\nvictor,Víctor – “quoted”\n";

function utf16(value: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(value, "utf16le");
  if (bigEndian) le.swap16();
  return new Uint8Array([...(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), ...le]);
}

describe("decodeText", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(text), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), "utf-8"],
    ["UTF-16 LE with BOM", utf16(text, false), "utf-16le"],
    ["UTF-16 BE with BOM", utf16(text, true), "utf-16be"],
  ])("%s ⇒ the same text", (_, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text, encoding });
  });

  it("Windows-1252 ⇒ accents kept", () => {
    const bytes = new Uint8Array([...Buffer.from("id,name\nperu,Per"), 0xfa, ...Buffer.from("\nv,V"), 0xed, ...Buffer.from("ctor "), 0x96, 0x0a]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: "id,name\nperu,Perú\nv,Víctor –\n", encoding: "windows-1252" });
  });

  it("decides on the whole file, not its start", () => {
    const bytes = new Uint8Array([...Buffer.from("a".repeat(100_000)), 0xe9]);
    const result = decodeText(bytes);
    expect(result.ok && result.encoding).toBe("windows-1252");
  });

  it("bytes with NUL ⇒ not text", () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false, reason: "binary" });
  });
});

describe("utf8Bytes", () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  it.each([
    ["plain UTF-8", bytes(0x61, 0x2c, 0xc3, 0xba, 0x0a), bytes(0x61, 0x2c, 0xc3, 0xba, 0x0a)],
    ["a UTF-8 byte-order mark", bytes(0xef, 0xbb, 0xbf, 0x61, 0x0c, 0x09), bytes(0x61, 0x0c, 0x09)],
    ["Windows-1252 (not UTF-8)", bytes(0x50, 0x65, 0x72, 0xfa), null],
    ["a UTF-16 byte-order mark", bytes(0xff, 0xfe, 0x61, 0x00), null],
    ["a NUL byte", bytes(0x61, 0x00, 0x62), null],
    ["a control character", bytes(0x61, 0x07, 0x62), null],
  ])("%s ⇒ %j", (_, input, expected) => {
    const result = utf8Bytes(input);
    expect(result === null ? null : [...result]).toEqual(expected === null ? null : [...expected]);
    // Whatever it accepts, decodeText reads as the same text.
    if (result !== null) expect(decodeText(input)).toMatchObject({ ok: true, text: new TextDecoder().decode(result) });
  });
});

describe("a file too large to hold as one string", () => {
  it("⇒ an issue that says so and how to split it, not that the file is not text", () => {
    const file = { path: "inputs/engagements.csv", bytes: new Uint8Array(3 * 1_048_576) };
    expect(fileIssue("engagements", file, "too_large")).toMatchObject({
      file: "inputs/engagements.csv",
      code: "file_unreadable",
      severity: "error",
      message: expect.stringContaining("too large to read at once (3 MB)"),
      hint: expect.stringContaining("split the archive"),
    });
  });
});
