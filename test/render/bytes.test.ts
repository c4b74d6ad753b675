import { describe, expect, it } from "vitest";
import { ownBytes } from "../../src/render/bytes.js";

describe("ownBytes", () => {
  it("a Buffer with its memory to itself ⇒ the same memory, not a copy", () => {
    const buffer = Buffer.alloc(100_000, 7);
    const bytes = ownBytes(buffer);
    expect(bytes.buffer).toBe(buffer.buffer);
    expect(bytes.byteLength).toBe(100_000);
  });

  it("a small Buffer in Node's shared pool ⇒ a copy that owns exactly its bytes, to hand to a thread", () => {
    const buffer = Buffer.from("Perú");
    expect(buffer.buffer.byteLength).toBeGreaterThan(buffer.byteLength);
    const bytes = ownBytes(buffer);
    expect(bytes.buffer).not.toBe(buffer.buffer);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(Buffer.from(bytes).toString()).toBe("Perú");
  });
});
