// Blobs: their bytes, and base64 both ways: Node's Buffer where there is one (native, several
// times a loop's speed), else atob/btoa, which every browser has (and Node ≥ 16).

import { nodeBuffer, utf8 } from "./text.js";

declare function atob(data: string): string;
declare function btoa(data: string): string;

/** A blob's bytes: a Uint8Array as is, a string as its UTF-8. */
export function blobBytes(data: unknown): Uint8Array {
  if (typeof data !== "string" && !(data instanceof Uint8Array)) throw new Error("a blob must be a Uint8Array or a string");
  return typeof data === "string" ? utf8(data) : data;
}

/** Base64 of bytes, or of the UTF-8 bytes of a string. */
export function toBase64(data: Uint8Array | string): string {
  const b = blobBytes(data);
  if (nodeBuffer !== undefined) return nodeBuffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
  let binary = "";
  // In slices: fromCharCode takes the bytes as arguments, and engines cap their number.
  for (let i = 0; i < b.length; i += 0x8000) binary += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of base64 text (padding optional); anything else throws. */
export function fromBase64(v: unknown): Uint8Array {
  if (typeof v !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 === 1) throw new Error("a blob is not valid base64");
  if (nodeBuffer !== undefined) {
    const b = nodeBuffer.from(v, "base64");
    // A plain Uint8Array view of the Buffer's bytes, as a browser gets.
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  // Without its padding: atob rejects padding that does not end a multiple of 4 characters ("QQ=").
  const binary = atob(v.replace(/=+$/, ""));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
