// fast-check arbitraries over the CBOR codec's value model, the normal form a decoded value has,
// and conversions to and from AWS SDK v3's codec model (for the differential tests).

import fc from "fast-check";
import { NumericValue } from "@smithy/core/serde";
import { tag } from "@smithy/core/cbor";
import { CborDecimal } from "../../../runtime/cbor/index.js";

/** Property runs: a fixed seed and few runs by default, more with CBOR_PROPERTY_RUNS. */
export const propertyParams = (runs: number): fc.Parameters<unknown> => ({
  seed: Number(process.env.CBOR_PROPERTY_SEED ?? 0x5eed),
  numRuns: Number(process.env.CBOR_PROPERTY_RUNS ?? runs),
});

// Dates from year 0001 to 9999: beyond ±2^41 s a double of seconds has no millisecond resolution.
const date = fc.integer({ min: -62135596800000, max: 253402300799999 }).map((ms) => new Date(ms));
const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => new CborDecimal(m, e));
const bigint = fc.oneof(fc.bigInt({ min: -(1n << 64n), max: 1n << 64n }), fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }));
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme-ascii", minLength: 20, maxLength: 300 }));
const key = fc.string({ unit: "binary", maxLength: 12 }).filter((k) => k !== "__proto__");

/**
 * Values either codec can carry; `floats` adds non-integer numbers, NaN, ±Infinity and -0;
 * `decimals` adds CborDecimal values, with exponents ≤ 0 only when it is "fractional".
 */
export function value(options: { floats: boolean; decimals: boolean | "fractional" }): fc.Arbitrary<unknown> {
  const scalars: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.maxSafeInteger(),
    bigint,
    text,
    fc.uint8Array({ maxLength: 80 }),
    date,
  ];
  if (options.floats) scalars.push(fc.double(), fc.float().map(Math.fround));
  if (options.decimals === true) scalars.push(decimal);
  if (options.decimals === "fractional") scalars.push(decimal.map((d) => new CborDecimal(d.mantissa, -Math.abs(d.exponent))));
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.oneof(...scalars),
      fc.array(tie("tree"), { maxLength: 6 }),
      fc.dictionary(key, tie("tree"), { maxKeys: 6 }),
    ),
  }));
  return tree;
}

/** What decoding gives for a value: bigints that are safe integers become numbers. */
export function normal(value: unknown): unknown {
  if (typeof value === "bigint") return value >= -BigInt(Number.MAX_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(normal);
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Uint8Array || value instanceof CborDecimal) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]));
}

/** A decimal with trailing zeros of the mantissa moved to the exponent (1.50 and 1.5 compare equal). */
export function reduced(d: CborDecimal): { decimal: string } {
  let { mantissa, exponent } = d;
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  return { decimal: `${mantissa}e${mantissa === 0n ? 0 : exponent}` };
}

/** A value in the SDK codec's model: Date → its tag 1 object, CborDecimal → NumericValue. */
export function toSdk(value: unknown): unknown {
  if (value instanceof Date) return tag({ tag: 1, value: value.getTime() / 1000 });
  if (value instanceof CborDecimal) return new NumericValue(value.toString(), "bigDecimal");
  if (Array.isArray(value)) return value.map(toSdk);
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSdk(v)]));
}

/** A value the SDK decoded, in this codec's model (then normal form). */
export function fromSdk(value: unknown): unknown {
  if (value instanceof Uint8Array) return new Uint8Array(value); // a Buffer view → a plain copy
  if (value instanceof NumericValue) return normal(CborDecimal.parse(value.string));
  if (Array.isArray(value)) return value.map(fromSdk);
  if (value === null || typeof value !== "object") return normal(value);
  const record = value as Record<string | symbol, unknown>;
  if (Object.getOwnPropertySymbols(record).length > 0 && record.tag === 1) return new Date(Math.round((record.value as number) * 1000));
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromSdk(v)]));
}
