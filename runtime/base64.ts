// Blobs: their bytes, and base64 both ways.

import { utf8 } from "./text.js";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A blob's bytes: a Uint8Array as is, a string as its UTF-8. */
export function blobBytes(data: unknown): Uint8Array {
  if (typeof data !== "string" && !(data instanceof Uint8Array)) throw new Error("a blob must be a Uint8Array or a string");
  return typeof data === "string" ? utf8(data) : data;
}

/** Base64 of bytes, or of the UTF-8 bytes of a string. */
export function toBase64(data: Uint8Array | string): string {
  const b = blobBytes(data);
  let s = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[n >> 18]! + B64[(n >> 12) & 63]! + (i + 1 < b.length ? B64[(n >> 6) & 63]! : "=") + (i + 2 < b.length ? B64[n & 63]! : "=");
  }
  return s;
}

export function fromBase64(v: unknown): Uint8Array {
  if (typeof v !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 === 1) throw new Error("a blob is not valid base64");
  const digits = v.replace(/=+$/, "");
  const out = new Uint8Array((digits.length * 3) >> 2);
  let bits = 0;
  let n = 0;
  let j = 0;
  for (let i = 0; i < digits.length; i++) {
    n = (n << 6) | B64.indexOf(digits[i]!);
    bits += 6;
    if (bits >= 8) out[j++] = (n >> (bits -= 8)) & 255;
  }
  return out;
}
