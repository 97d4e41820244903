// runtime/cbor's decoder on hostile bytes: every malformed input is a CborDecodeError — never
// another exception, a hang, a stack overflow or an allocation the input's size does not justify.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CborDecodeError, decode, encode } from "../../../runtime/cbor/index.js";
import { propertyParams, value } from "./arbitraries.js";

const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s/g, ""), "hex"));

/** decode's outcome: the value, or the CborDecodeError's message; any other throw fails the test. */
function attempt(bytes: Uint8Array): { ok: true } | { ok: false; message: string } {
  try {
    decode(bytes);
    return { ok: true };
  } catch (e) {
    if (!(e instanceof CborDecodeError)) throw new Error(`decode threw ${String(e)} for ${Buffer.from(bytes).toString("hex")}`);
    return { ok: false, message: e.message };
  }
}

const MALFORMED: [string, string, RegExp][] = [
  ["empty input", "", /unexpected end of input at byte 0/],
  ["truncated 1-byte argument", "18", /needs 1 bytes but 0 are left/],
  ["truncated 8-byte argument", "1b000000", /needs 8 bytes/],
  ["truncated float", "fb3ff19999", /needs 8 bytes/],
  ["byte string longer than the input", "5a7fffffff00", /declared length 2147483647 exceeds the 1 bytes left/],
  ["text string of 2^64 - 1 bytes", "7bffffffffffffffff", /declared length 18446744073709551615 exceeds/],
  ["array of 2^32 - 1 items", "9affffffff00", /declared length 4294967295 exceeds/],
  ["map of 2^63 pairs", "bb8000000000000000a0", /declared length/],
  ["map with more pairs than bytes / 2", "a3616101", /declared length 3 exceeds the 3 bytes left/],
  ["array cut short", "82 81 01", /unexpected end of input at byte 3/],
  ["array cut inside an item", "82 19 01", /item needs 2 bytes but 1 are left at byte 1/],
  ["reserved additional info 28", "1c", /reserved additional information 28/],
  ["reserved additional info 29 (negative)", "3d", /reserved additional information 29/],
  ["reserved additional info 30 (text)", "7e", /reserved additional information 30/],
  ["reserved additional info 30 (simple)", "fe", /reserved additional information 30/],
  ["indefinite unsigned integer", "1f", /indefinite length not allowed/],
  ["indefinite tag", "df00", /indefinite length not allowed/],
  ["break at top level", "ff", /break outside an indefinite-length item at byte 0/],
  ["break in a definite array", "8201ff", /break outside/],
  ["break as a map value", "bf6161ffff", /break outside/],
  ["indefinite array without a break", "9f0102", /without a break/],
  ["indefinite string without a break", "7f6161", /without a break/],
  ["text chunk in a byte string", "5f6161ff", /chunk of an indefinite-length byte string is not a definite one/],
  ["nested indefinite chunk", "7f7f6161ffff", /chunk of an indefinite-length text string is not a definite one/],
  ["invalid UTF-8", "62c328", /not valid UTF-8 at byte 0/],
  ["lone continuation byte", "6180", /not valid UTF-8/],
  ["overlong encoding", "62c080", /not valid UTF-8/],
  ["UTF-16 surrogate", "63eda080", /not valid UTF-8/],
  ["beyond U+10FFFF", "64f4908080", /not valid UTF-8/],
  ["invalid UTF-8 in a long string", "7828" + "61".repeat(39) + "ff", /not valid UTF-8/],
  ["invalid UTF-8 in a map key", "a162c3280a", /not valid UTF-8/],
  ["invalid UTF-8 in a chunk", "7f61c3ff", /not valid UTF-8/],
  ["integer map key", "a10102", /map key is not a text string \(major type 0\)/],
  ["byte-string map key", "a1416101", /map key is not a text string \(major type 2\)/],
  ["unassigned simple value", "e0", /unsupported simple value 0/],
  ["two-byte simple value", "f820", /unsupported simple value 32/],
  ["two-byte simple value below 32", "f810", /unsupported simple value 16/],
  ["trailing bytes", "0000", /1 bytes after the end of the item at byte 1/],
  ["tag 1 on a string", "c16161", /tag 1 \(timestamp\) must hold an integer or a float/],
  ["tag 1 on a bignum", "c1c24101", /tag 1 \(timestamp\) must hold/],
  ["tag 1 out of the Date range", "c1fb7ff0000000000000", /not a representable date/],
  ["tag 1 NaN", "c1f97e00", /not a representable date/],
  ["tag 2 on an integer", "c201", /tag 2 \(bignum\) must hold a byte string/],
  ["tag 3 at the end", "c3", /tag 3 \(bignum\) must hold a byte string/],
  ["bignum over 8 KiB", "c2592001" + "ff".repeat(8193), /bignum of 8193 bytes exceeds the limit of 8192 at byte 1/],
  ["decimal with a bignum mantissa over 8 KiB", "c48200c3592001" + "ff".repeat(8193), /bignum of 8193 bytes exceeds the limit/],
  ["tag 4 on an integer", "c401", /tag 4 \(decimal fraction\) must hold an array of two items/],
  ["tag 4 with three items", "c483010203", /must hold an array of two items/],
  ["tag 4 with a float exponent", "c482f93c0001", /expected an integer/],
  ["tag 4 with a huge exponent", "c4821b7fffffffffffffff01", /exponent out of range/],
  ["tag 4 with a string mantissa", "c482016161", /expected an integer/],
  ["tag 4 indefinite with three items", "c49f010203ff", /must hold an array of two items/],
];

describe("runtime/cbor: malformed input", () => {
  it.each(MALFORMED)("%s is a CborDecodeError", (_name, bytes, message) => {
    const result = attempt(hex(bytes));
    expect(result).toMatchObject({ ok: false });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it("refuses nesting deeper than 256 without exhausting the stack", () => {
    for (const opener of ["81", "9f", "a16161", "bf6161", "d82a"]) {
      const result = attempt(hex(opener.repeat(100_000) + "00"));
      expect(result).toMatchObject({ ok: false });
      expect(result.ok === false && result.message).toMatch(/nested deeper than 256 at byte/);
    }
  });

  it("allocates nothing for a declared count or length the input cannot hold", () => {
    // 2^28 items would be a 2 GB array, 2^28 bytes a 256 MB buffer: each fails first.
    const lies = ["9a10000000", "ba10000000", "5a10000000", "7a10000000", "c25a10000000"].map((h) => hex(h + "00".repeat(16)));
    const before = process.memoryUsage();
    for (let i = 0; i < 1000; i++) for (const lie of lies) expect(attempt(lie)).toMatchObject({ ok: false });
    const after = process.memoryUsage();
    expect(after.heapUsed - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
  });
});

// Mutations of a valid encoding: hostile bytes that are almost right reach deeper than random ones.
const HEADS = [0x1b, 0x3b, 0x5b, 0x5f, 0x7b, 0x7f, 0x9b, 0x9f, 0xbb, 0xbf, 0xc1, 0xc2, 0xc4, 0xdf, 0xf7, 0xf9, 0xfc, 0xff, 0x1c, 0x80];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...HEADS), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...HEADS), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("ff" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === "flip" && out.length > 0) out[at] = out[at]! ^ (1 << m.bit);
    else if (m.kind === "set" && out.length > 0) out[at] = m.byte;
    else if (m.kind === "insert") out.splice(at, 0, m.byte);
    else if (m.kind === "cut") out = out.slice(0, at);
    else if (m.kind === "ff") out.splice(at, m.count, ...Array<number>(m.count).fill(0xff));
  }
  return Uint8Array.from(out);
}

describe("runtime/cbor: hostile bytes (properties)", () => {
  it("random bytes decode or give a CborDecodeError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => {
        attempt(bytes);
      }),
      propertyParams(3000),
    );
  });

  it("mutated encodings of random values decode or give a CborDecodeError", () => {
    let failures = 0;
    let runs = 0;
    fc.assert(
      fc.property(value({ floats: true, decimals: true }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (v, mutations) => {
        runs++;
        if (!attempt(mutate(encode(v), mutations)).ok) failures++;
      }),
      propertyParams(1500),
    );
    // The property must exercise the error paths, not only inputs that happen to stay valid.
    expect(failures).toBeGreaterThan(runs / 4);
  });

  it("truncating a valid encoding anywhere is a CborDecodeError", () => {
    fc.assert(
      fc.property(value({ floats: true, decimals: true }), fc.nat(), (v, n) => {
        const bytes = encode(v);
        const cut = bytes.subarray(0, n % bytes.length);
        expect(attempt(cut)).toMatchObject({ ok: false });
      }),
      propertyParams(500),
    );
  });
});
