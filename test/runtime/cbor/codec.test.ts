// runtime/cbor against RFC 8949's Appendix A examples (decoding every form, encoding the
// preferred one), the rpcv2Cbor value mapping, and round trips of random values.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CborDecimal, CborDecodeError, decode, encode, MAX_DEPTH } from "../../../runtime/cbor/index.js";
import { normal, propertyParams, value } from "./arbitraries.js";

const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s/g, ""), "hex"));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const utf8 = (s: string) => new TextEncoder().encode(s);

// [value, its preferred encoding]: encode gives these bytes, decode gives the value back.
const PREFERRED: [string, unknown, string][] = [
  ["0", 0, "00"], ["1", 1, "01"], ["10", 10, "0a"], ["23", 23, "17"], ["24", 24, "1818"], ["25", 25, "1819"],
  ["100", 100, "1864"], ["1000", 1000, "1903e8"], ["1000000", 1000000, "1a000f4240"],
  ["1000000000000", 1000000000000, "1b000000e8d4a51000"],
  ["2^64-1", 18446744073709551615n, "1bffffffffffffffff"], ["2^64", 18446744073709551616n, "c249010000000000000000"],
  ["-2^64", -18446744073709551616n, "3bffffffffffffffff"], ["-2^64-1", -18446744073709551617n, "c349010000000000000000"],
  ["-1", -1, "20"], ["-10", -10, "29"], ["-100", -100, "3863"], ["-1000", -1000, "3903e7"],
  ["1.1", 1.1, "fb3ff199999999999a"], ["1.5 (single)", 1.5, "fa3fc00000"], ["100000.5", 100000.5, "fa47c35040"],
  ["max single", 3.4028234663852886e38, "fa7f7fffff"], ["1e300", 1.0e300, "fb7e37e43c8800759c"], ["-4.1", -4.1, "fbc010666666666666"],
  ["-0", -0, "fa80000000"], ["Infinity", Infinity, "fa7f800000"], ["NaN", NaN, "fa7fc00000"], ["-Infinity", -Infinity, "faff800000"],
  ["2^53 (an unsafe integer number)", 2 ** 53, "fa5a000000"],
  ["false", false, "f4"], ["true", true, "f5"], ["null", null, "f6"],
  ["1(1363896240)", new Date(1363896240000), "c11a514b67b0"], ["1(1363896240.5)", new Date(1363896240500), "c1fb41d452d9ec200000"],
  ["1(-1)", new Date(-1000), "c120"],
  ["4([-2, 27315])", new CborDecimal(27315n, -2), "c48221196ab3"],
  ["4([1, 2^70])", new CborDecimal(1n << 70n, 1), "c48201c249400000000000000000"],
  ["4([0, 0]) from an exponent of -0", new CborDecimal(0n, -0), "c4820000"],
  ["4([-300, 5])", new CborDecimal(5n, -300), "c48239012b05"],
  ["h''", new Uint8Array(), "40"], ["h'01020304'", hex("01020304"), "4401020304"],
  ['""', "", "60"], ['"a"', "a", "6161"], ['"IETF"', "IETF", "6449455446"], ['"\\"\\\\"', '"\\', "62225c"],
  ['"ü"', "ü", "62c3bc"], ['"水"', "水", "63e6b0b4"], ['"𐅑"', "𐅑", "64f0908591"],
  ["24-char string", "abcdefghijklmnopqrstuvwx", "7818" + toHex(utf8("abcdefghijklmnopqrstuvwx"))],
  ["300-char non-ASCII string", "é".repeat(150), "79012c" + "c3a9".repeat(150)],
  ["[]", [], "80"], ["[1, 2, 3]", [1, 2, 3], "83010203"], ["[1, [2, 3], [4, 5]]", [1, [2, 3], [4, 5]], "8301820203820405"],
  ["[1..25]", Array.from({ length: 25 }, (_, i) => i + 1), "98190102030405060708090a0b0c0d0e0f101112131415161718181819"],
  ["{}", {}, "a0"], ['{"a": 1, "b": [2, 3]}', { a: 1, b: [2, 3] }, "a26161016162820203"],
  ['["a", {"b": "c"}]', ["a", { b: "c" }], "826161a161626163"],
  ['{"a": "A", … "e": "E"}', { a: "A", b: "B", c: "C", d: "D", e: "E" }, "a56161614161626142616361436164614461656145"],
];

// Forms the encoder never writes, and what they decode to.
const DECODE_ONLY: [string, string, unknown][] = [
  ["half 0.0", "f90000", 0], ["half -0.0", "f98000", -0], ["half 1.0", "f93c00", 1], ["half 1.5", "f93e00", 1.5],
  ["half 65504", "f97bff", 65504], ["half subnormal", "f90001", 5.960464477539063e-8], ["half 2^-14", "f90400", 0.00006103515625],
  ["half -4", "f9c400", -4], ["half Infinity", "f97c00", Infinity], ["half NaN", "f97e00", NaN], ["half -Infinity", "f9fc00", -Infinity],
  ["single 100000", "fa47c35000", 100000], ["double Infinity", "fb7ff0000000000000", Infinity], ["double NaN", "fb7ff8000000000000", NaN],
  ["double -Infinity", "fbfff0000000000000", -Infinity], ["undefined reads as null", "f7", null],
  ["uint in 8 bytes", "1b0000000000000001", 1], ["2^53 - 1", "1b001fffffffffffff", Number.MAX_SAFE_INTEGER],
  ["2^53 is a bigint", "1b0020000000000000", 2n ** 53n], ["-2^53 is a bigint", "3b001fffffffffffff", -(2n ** 53n)],
  ["-(2^53 - 1)", "3b001ffffffffffffe", -Number.MAX_SAFE_INTEGER],
  ["bignum 1 is a bigint", "c24101", 1n], ["negative bignum", "c34100", -1n], ["empty bignum", "c240", 0n],
  ["bignum as indefinite bytes", "c25f4101ff", 1n],
  ["bignum of 8 KiB, the limit", "c2592000" + "ff".repeat(8192), (1n << 65536n) - 1n],
  ["1(half 1.5)", "c1f93e00", new Date(1500)], ["1(single)", "c1fa47c35000", new Date(100000000)],
  ["1(1.1) to the millisecond", "c1fb3ff199999999999a", new Date(1100)],
  ["4 with a bignum mantissa", "c48221c24201f4", new CborDecimal(500n, -2)],
  ["4 with a negative bignum mantissa", "c48200c34101", new CborDecimal(-2n, 0)],
  ["4 as an indefinite array", "c49f2102ff", new CborDecimal(2n, -2)],
  ["unknown tag 0 is read through", "c074323031332d30332d32315432303a30343a30305a", "2013-03-21T20:04:00Z"],
  ["tag 23", "d74401020304", hex("01020304")], ["tag 32", "d82076687474703a2f2f7777772e6578616d706c652e636f6d", "http://www.example.com"],
  ["self-described CBOR", "d9d9f7a0", {}],
  ["(_ h'0102', h'030405')", "5f42010243030405ff", hex("0102030405")], ["(_ )", "5fff", new Uint8Array()],
  ['(_ "strea", "ming")', "7f657374726561646d696e67ff", "streaming"], ["[_ ]", "9fff", []],
  ["[_ 1, [2, 3], [_ 4, 5]]", "9f018202039f0405ffff", [1, [2, 3], [4, 5]]], ["[1, [_ 2, 3], [4, 5]]", "83019f0203ff820405", [1, [2, 3], [4, 5]]],
  ['{_ "a": 1, "b": [_ 2, 3]}', "bf61610161629f0203ffff", { a: 1, b: [2, 3] }],
  ['{_ "Fun": true, "Amt": -2}', "bf6346756ef563416d7421ff", { Fun: true, Amt: -2 }],
  ["indefinite key", "a17f6161ff01", { a: 1 }], ["non-shortest heads", "b8017900016118ff", { a: 255 }],
  ["a repeated key: the last wins", "a2616101616102", { a: 2 }],
];

describe("runtime/cbor: RFC 8949 Appendix A", () => {
  it.each(PREFERRED)("encodes %s in its preferred form and decodes it back", (_name, v, bytes) => {
    expect(toHex(encode(v))).toBe(bytes);
    expect(decode(hex(bytes))).toEqual(normal(v));
  });
  it.each(DECODE_ONLY)("decodes %s", (_name, bytes, v) => {
    expect(decode(hex(bytes))).toEqual(v);
  });
});

describe("runtime/cbor: the value model", () => {
  it("omits map members whose value is undefined", () => {
    expect(toHex(encode({ a: 1, b: undefined, c: 2 }))).toBe("a2616101616302");
    const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i % 2 ? undefined : i]));
    expect(decode(encode(wide))).toEqual(Object.fromEntries(Object.entries(wide).filter(([, v]) => v !== undefined)));
  });
  it("refuses values it cannot represent, naming them", () => {
    expect(() => encode(undefined)).toThrow(/undefined/);
    expect(() => encode([undefined])).toThrow(/undefined/);
    expect(() => encode(() => 1)).toThrow(/function/);
    expect(() => encode(Symbol("s"))).toThrow(/symbol/);
    expect(() => encode(new Map())).toThrow(/Map/);
    expect(() => encode(new Date(NaN))).toThrow(/invalid Date/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encode(cyclic)).toThrow(/deeper than 256/);
    const sneaky = { get a() { return encode(1); } };
    expect(() => encode(sneaky)).toThrow(/encode called while encoding/);
    expect(decode(encode({ a: 1 }))).toEqual({ a: 1 }); // and the next call is fine
  });
  it("encodes and decodes nesting up to MAX_DEPTH", () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i++) deep = [deep];
    expect(decode(encode(deep))).toEqual(deep);
    expect(() => encode([deep])).toThrow(TypeError);
  });
  it("keeps a __proto__ key as an own member, never as the prototype", () => {
    const decoded = decode(hex("a169" + toHex(utf8("__proto__")) + "a161780a")) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, "__proto__")?.value).toEqual({ x: 10 });
  });
  it("returns byte strings that do not alias the input, a Buffer's neither, small or large", () => {
    const large = Uint8Array.from({ length: 100 }, (_, i) => i);
    for (const blob of [hex("01020304"), large]) {
      for (const input of [encode([blob, blob]), Buffer.from(encode([blob, blob]))]) {
        const out = decode(input) as Uint8Array[];
        input.fill(9);
        expect(out.map((b) => b.constructor === Uint8Array)).toEqual([true, true]);
        expect(out).toEqual([blob, blob]);
      }
    }
  });
  it("keeps no view of the input in its key cache (a reused Buffer cannot change a later key)", () => {
    const input = Buffer.from(encode({ name: 1 }));
    expect(decode(input)).toEqual({ name: 1 });
    input.write("nbme", 2, "latin1");
    expect(decode(input)).toEqual({ nbme: 1 });
    expect(decode(encode({ name: 1 }))).toEqual({ name: 1 });
  });
  it("reads and writes decimals as text", () => {
    const cases: [string, string][] = [
      ["1.50", "1.50"], ["-0.0002", "-0.0002"], ["12e3", "12000"], ["+.5", "0.5"], ["7", "7"], ["1e40", "1e40"], ["-3e-40", "-3e-40"], ["0.000", "0.000"],
    ];
    for (const [text, printed] of cases) expect(String(CborDecimal.parse(text))).toBe(printed);
    for (const bad of ["", ".", "1.2.3", "1e", "0x10", "NaN", "1_000"]) expect(() => CborDecimal.parse(bad)).toThrow(SyntaxError);
    expect(() => new CborDecimal(1n, 2 ** 60)).toThrow(RangeError);
  });
  it("decodes a long run of structures with the same member names (the key cache) exactly", () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ [`k${i % 37}`]: i, id: `item-${i}`, ü: `v${i % 11}` }));
    expect(decode(encode(items))).toEqual(items);
    const bytes = encode(items);
    expect(decode(bytes)).toEqual(items); // a second decode, served from the cache
    // Strings alike at both ends and in the middle share cache slots: each must still read as itself.
    const alike = Array.from({ length: 3000 }, (_, i) => `x${String(i).padStart(2, "0")}-${String(i * 7).padStart(5, "0")}y`);
    expect(decode(encode(alike))).toEqual(alike);
    expect(decode(encode({ [alike[1]!]: alike[2], [alike[2]!]: alike[1] }))).toEqual({ [alike[1]!]: alike[2], [alike[2]!]: alike[1] });
  });
  it("round-trips a long string and a large blob (heads of 4 bytes, a grown buffer)", () => {
    const text = "ab€".repeat(30_000);
    const blob = Uint8Array.from({ length: 100_000 }, (_, i) => i & 0xff);
    const back = decode(encode({ text, blob })) as { text: string; blob: Uint8Array };
    expect(back.text === text).toBe(true);
    expect(Buffer.compare(back.blob, blob)).toBe(0);
  });
  it("errors carry the byte offset", () => {
    const error = (() => {
      try {
        decode(hex("8201ff"));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CborDecodeError);
    expect(error).toMatchObject({ name: "CborDecodeError", offset: 2 });
    expect(String(error)).toMatch(/break outside an indefinite-length item at byte 2/);
  });
});

describe("runtime/cbor: random values", () => {
  it("writes any string, lone surrogates too, as TextEncoder's UTF-8 after the shortest head", () => {
    const units = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom("a", "é", "\ud800", "\udc00", "😀")), maxLength: 90 });
    fc.assert(
      fc.property(units, (s) => {
        const body = new TextEncoder().encode(s);
        const head = body.length < 24 ? [0x60 | body.length] : body.length < 256 ? [0x78, body.length] : [0x79, body.length >> 8, body.length & 0xff];
        expect(toHex(encode(s))).toBe(toHex(Uint8Array.from([...head, ...body])));
      }),
      propertyParams(1000),
    );
  });

  it("decode(encode(v)) equals v, and re-encoding gives the same bytes", () => {
    fc.assert(
      fc.property(value({ floats: true, decimals: true }), (v) => {
        const bytes = encode(v);
        const back = decode(bytes);
        expect(back).toEqual(normal(v));
        expect(toHex(encode(back))).toBe(toHex(bytes));
      }),
      propertyParams(300),
    );
  });
});
