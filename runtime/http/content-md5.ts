// `@httpChecksumRequired`: the Content-MD5 header.

import { toBase64 } from "../base64.js";
import { utf8 } from "../text.js";

/** The Content-MD5 header of a body (RFC 1864), MD5 as RFC 1321 defines it. */
export function contentMd5(body: string | Uint8Array): string {
  const bytes = typeof body === "string" ? utf8(body) : body;
  const words = new Int32Array((((bytes.length + 8) >>> 6) + 1) * 16);
  for (let i = 0; i < bytes.length; i++) words[i >> 2] = words[i >> 2]! | (bytes[i]! << ((i % 4) * 8));
  words[bytes.length >> 2] = words[bytes.length >> 2]! | (0x80 << ((bytes.length % 4) * 8));
  words[words.length - 2] = bytes.length * 8;
  words[words.length - 1] = Math.floor(bytes.length / 0x20000000);
  const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  const sines = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32));
  const state = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
  for (let block = 0; block < words.length; block += 16) {
    let [a, b, c, d] = state as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const x = (a + f + sines[i]! + words[block + g]!) | 0;
      const s = shifts[round * 4 + (i % 4)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    state[0] = (state[0]! + a) | 0;
    state[1] = (state[1]! + b) | 0;
    state[2] = (state[2]! + c) | 0;
    state[3] = (state[3]! + d) | 0;
  }
  const digest = new Uint8Array(16);
  for (let i = 0; i < 16; i++) digest[i] = (state[i >> 2]! >>> ((i % 4) * 8)) & 255;
  return toBase64(digest);
}
