/**
 * A Buffer's bytes as a Uint8Array that owns its whole memory, so that it
 * can be handed to another thread: the same memory when the Buffer has it to
 * itself (a large one always does), a copy when it sits in Node's shared pool.
 */
export function ownBytes(buffer: Buffer): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer);
}
