// rpcv2Cbor bodies, both sides: a message is one CBOR map (an empty body stands for no members),
// and the values in it are checked against their shape type as they are read.

import { decode, readBegin, readEnd } from "../cbor/decode.js";
import { encode } from "../cbor/encode.js";
import { CborDecimal } from "../cbor/values.js";
import { utf8 } from "../text.js";

/** The CBOR map of a body; an empty body is `{}`. Malformed bytes throw CborDecodeError, another item a TypeError. */
export function cborBody(body: string | Uint8Array): Record<string, any> {
  if (body.length === 0) return {};
  const value = decode(typeof body === "string" ? utf8(body) : body);
  return cborMap(value);
}

const EMPTY_MAP = /* @__PURE__ */ Uint8Array.of(0xa0);

/**
 * A message read straight from the body by a generated reader (`read(depth)` reads one map with
 * runtime/cbor/decode.ts's item reader); an empty body is an empty map. Malformed bytes, or an
 * item of another type than the shape's, throw CborDecodeError.
 */
export function readCborMessage<T>(body: string | Uint8Array, read: (depth: number) => T): T {
  readBegin(body.length === 0 ? EMPTY_MAP : typeof body === "string" ? utf8(body) : body);
  let complete = false;
  try {
    const message = read(1);
    complete = true;
    return message;
  } finally {
    readEnd(complete);
  }
}

/** The bytes of a message (a structure's CBOR-ready members). */
export const cborMessage = (value: Record<string, unknown>): Uint8Array => encode(value);

/** A map (a structure, a union or a map shape): a plain object, not a list, a Date, bytes or a decimal. */
export function cborMap(v: unknown): Record<string, any> {
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof Date || v instanceof Uint8Array || v instanceof CborDecimal) {
    throw new TypeError("a CBOR value is not a map");
  }
  return v as Record<string, any>;
}

/** A float or double: any CBOR number (integers, half/single/double floats, NaN and the infinities). */
export function cborFloat(v: unknown): number {
  if (typeof v !== "number") throw new TypeError("a CBOR value is not a number");
  return v;
}

/** A timestamp: tag 1 (a Date); a bare epoch-seconds number is accepted too. */
export function cborTimestamp(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "number" && Number.isFinite(v)) return new Date(Math.round(v * 1000));
  throw new TypeError("a CBOR value is not a timestamp");
}

/** A blob: a byte string. */
export function cborBlob(v: unknown): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new TypeError("a CBOR value is not a byte string");
  return v;
}

/** A bigInteger: any CBOR integer (a bignum decodes as bigint). */
export function cborBigInteger(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  throw new TypeError("a CBOR value is not an integer");
}

/** A bigDecimal (decimal text in TypeScript): a decimal fraction (tag 4) or any CBOR number or integer. */
export function cborBigDecimal(v: unknown): string {
  if (v instanceof CborDecimal || typeof v === "bigint" || (typeof v === "number" && Number.isFinite(v))) return String(v);
  throw new TypeError("a CBOR value is not a decimal number");
}

/** A bigDecimal's text as a decimal fraction (tag 4), so no digit is lost to a double. */
export const toCborDecimal = (text: string): CborDecimal => CborDecimal.parse(text);
