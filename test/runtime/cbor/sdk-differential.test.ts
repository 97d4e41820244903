// runtime/cbor against AWS SDK v3's codec (@smithy/core/cbor) on random values, both ways:
// each decodes what the other encoded to the same value, and the bytes are equal wherever both
// write preferred serialization. They differ for non-integer numbers only: the SDK writes every
// one as a double, this codec the shorter of single and double that is exact (and -0, NaN and
// ±Infinity as singles; the SDK writes -0 as the integer 0). Decimals with a positive exponent
// are left out: the SDK writes them from its decimal text (-10 as 4([0, -10]), not 4([1, -1]))
// and misreads them (4([1, -1]) as "-1.01"), which has its own test.

import { cbor } from "@smithy/core/cbor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CborDecimal, decode, encode } from "../../../runtime/cbor/index.js";
import { fromSdk, normal, propertyParams, reduced, toSdk, value } from "./arbitraries.js";

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

/** Decimals compared by value (1.50 = 1.5), -0 as 0 (the SDK cannot carry it). */
function comparable(v: unknown): unknown {
  if (v instanceof CborDecimal) return reduced(v);
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(comparable);
  if (v === null || typeof v !== "object" || v instanceof Date || v instanceof Uint8Array) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, comparable(x)]));
}

describe("runtime/cbor against SDK v3's codec", () => {
  it("writes the same bytes as the SDK for values without fractional numbers (decimals with exponents ≤ 0)", () => {
    fc.assert(
      fc.property(value({ floats: false, decimals: "fractional" }), (v) => {
        expect(toHex(encode(v))).toBe(toHex(cbor.serialize(toSdk(v))));
      }),
      propertyParams(400),
    );
  });

  it("the SDK reads what this codec writes, value for value", () => {
    fc.assert(
      fc.property(value({ floats: true, decimals: "fractional" }), (v) => {
        expect(comparable(fromSdk(cbor.deserialize(encode(v))))).toEqual(comparable(normal(v)));
      }),
      propertyParams(400),
    );
  });

  it("decimals with a positive exponent: this codec reads them right, the SDK does not", () => {
    const minusTen = Buffer.from("c4820120", "hex"); // 4([1, -1]) = -1 × 10^1
    expect(String(decode(minusTen))).toBe("-10");
    expect(String(cbor.deserialize(minusTen))).toBe("-1.01");
  });

  it("this codec reads what the SDK writes, value for value", () => {
    fc.assert(
      fc.property(value({ floats: true, decimals: "fractional" }), (v) => {
        expect(comparable(decode(cbor.serialize(toSdk(v))))).toEqual(comparable(normal(v)));
      }),
      propertyParams(400),
    );
  });
});
