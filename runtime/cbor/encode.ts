// CBOR (RFC 8949) encoder for Smithy's rpcv2Cbor bodies: preferred serialization (the shortest
// head for every length and integer), definite lengths only.
// Numbers: safe integers as integers; other numbers as the shorter of single and double
// precision that is exact (never half precision, which the rpcv2Cbor spec advises against), so
// NaN, ±Infinity and -0 are single precision. Date is tag 1 (integer seconds when whole, else a
// double), bigint an integer when it fits 64 bits, else a bignum (tags 2, 3), CborDecimal tag 4.
// Maps are plain objects with their members in key order; members whose value is undefined are
// left out (Smithy omits absent members).

import { CborDecimal, MAX_DEPTH } from "./values.js";

const INITIAL_SIZE = 4096;
const TWO_32 = 0x1_0000_0000;
const TWO_64 = 1n << 64n;
// The package compiles without the DOM library: the encoder is declared here (as in text.ts).
declare const TextEncoder: new () => { encodeInto(s: string, into: Uint8Array): { read: number; written: number } };
const textEncoder = new TextEncoder();

// One output buffer, reused across calls and grown as needed; encode() returns a copy.
let buf = new Uint8Array(INITIAL_SIZE);
let view = new DataView(buf.buffer);
let pos = 0;
let busy = false;

/** Encodes a value (see the file comment for the mapping); anything else is a TypeError. */
export function encode(value: unknown): Uint8Array {
  // The buffer is shared: a getter of the value that called encode would write into it mid-value.
  if (busy) throw new TypeError("encode called while encoding (from a getter of the value?)");
  busy = true;
  pos = 0;
  try {
    write(value, 0);
    return buf.slice(0, pos);
  } finally {
    busy = false;
    // A one-off huge payload should not pin its buffer for the life of the process.
    if (buf.length > 1 << 20) {
      buf = new Uint8Array(INITIAL_SIZE);
      view = new DataView(buf.buffer);
    }
  }
}

function ensure(n: number): void {
  if (pos + n <= buf.length) return;
  const grown = new Uint8Array(Math.max(buf.length * 2, pos + n));
  grown.set(buf.subarray(0, pos));
  buf = grown;
  view = new DataView(buf.buffer);
}

/** A head: major type and argument (a length, count, tag or integer below 2^53), shortest form. */
function head(major: number, n: number): void {
  ensure(9);
  const m = major << 5;
  if (n < 24) buf[pos++] = m | n;
  else if (n < 0x100) {
    buf[pos++] = m | 24;
    buf[pos++] = n;
  } else if (n < 0x1_0000) {
    buf[pos++] = m | 25;
    buf[pos++] = n >> 8;
    buf[pos++] = n;
  } else if (n < TWO_32) {
    buf[pos++] = m | 26;
    view.setUint32(pos, n);
    pos += 4;
  } else {
    buf[pos++] = m | 27;
    view.setUint32(pos, Math.floor(n / TWO_32));
    view.setUint32(pos + 4, n >>> 0);
    pos += 8;
  }
}

function write(value: unknown, depth: number): void {
  switch (typeof value) {
    case "string":
      return writeString(value);
    case "number":
      return writeNumber(value);
    case "boolean":
      ensure(1);
      buf[pos++] = value ? 0xf5 : 0xf4;
      return;
    case "bigint":
      return writeBigInt(value);
    case "object":
      if (value === null) {
        ensure(1);
        buf[pos++] = 0xf6;
        return;
      }
      if (depth >= MAX_DEPTH) throw new TypeError(`cannot encode a value nested deeper than ${MAX_DEPTH} (is it cyclic?)`);
      return writeObject(value, depth + 1);
    default:
      throw new TypeError(`cannot encode ${typeof value === "undefined" ? "undefined outside a map" : `a ${typeof value}`} as CBOR`);
  }
}

function writeObject(value: object, depth: number): void {
  // Plain objects (structures, maps) are the most common: they are recognised first.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) writeMap(value as Record<string, unknown>, depth);
  else if (Array.isArray(value)) {
    head(4, value.length);
    for (let i = 0; i < value.length; i++) write(value[i], depth);
  } else if (value instanceof Uint8Array) {
    head(2, value.length);
    ensure(value.length);
    buf.set(value, pos);
    pos += value.length;
  } else if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new TypeError("cannot encode an invalid Date");
    ensure(1);
    buf[pos++] = 0xc1;
    if (ms % 1000 === 0) writeNumber(ms / 1000);
    else writeDouble(ms / 1000);
  } else if (value instanceof CborDecimal) {
    ensure(2);
    buf[pos++] = 0xc4;
    buf[pos++] = 0x82;
    if (value.exponent >= 0) head(0, value.exponent);
    else head(1, -1 - value.exponent);
    writeBigInt(value.mantissa);
  } else throw new TypeError(`cannot encode a ${value.constructor?.name ?? "non-plain object"} as CBOR`);
}

function writeMap(record: Record<string, unknown>, depth: number): void {
  const keys = Object.keys(record);
  // The head holds the count of defined members. Below 24 keys it is one byte whatever the
  // count, so it is written after the members; else the members are counted first.
  const headAt = pos;
  if (keys.length < 24) {
    ensure(1);
    pos++;
  } else {
    let defined = 0;
    for (let i = 0; i < keys.length; i++) if (record[keys[i]!] !== undefined) defined++;
    head(5, defined);
  }
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = record[key];
    if (member === undefined) continue;
    writeString(key);
    write(member, depth);
    count++;
  }
  if (keys.length < 24) buf[headAt] = 0xa0 | count;
}

function writeNumber(n: number): void {
  if (Number.isSafeInteger(n) && (n !== 0 || 1 / n > 0)) {
    if (n >= 0) head(0, n);
    else head(1, -1 - n);
  } else if (Math.fround(n) === n || n !== n) {
    ensure(5);
    buf[pos++] = 0xfa;
    view.setFloat32(pos, n);
    pos += 4;
  } else writeDouble(n);
}

function writeDouble(n: number): void {
  ensure(9);
  buf[pos++] = 0xfb;
  view.setFloat64(pos, n);
  pos += 8;
}

function writeBigInt(n: bigint): void {
  const negative = n < 0n;
  const magnitude = negative ? -1n - n : n;
  if (magnitude < TWO_64) {
    if (magnitude <= BigInt(Number.MAX_SAFE_INTEGER)) return head(negative ? 1 : 0, Number(magnitude));
    ensure(9);
    buf[pos++] = negative ? 0x3b : 0x1b;
    view.setBigUint64(pos, magnitude);
    pos += 8;
    return;
  }
  // Tag 2 or 3 with the magnitude's big-endian bytes, no leading zeros.
  const hex = magnitude.toString(16);
  const digits = hex.length % 2 ? "0" + hex : hex;
  const size = digits.length / 2;
  ensure(1);
  buf[pos++] = negative ? 0xc3 : 0xc2;
  head(2, size);
  ensure(size);
  for (let i = 0; i < size; i++) buf[pos++] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
}

/**
 * UTF-8 text. Strings under 64 characters are written by hand: first assuming ASCII, so the head
 * can go first; at the first other character, over again by writeShortString. Longer ones go
 * through TextEncoder.encodeInto (its call costs more than a short loop).
 */
function writeString(s: string): void {
  const n = s.length;
  ensure(n * 3 + 9);
  if (n >= 64) return writeLongString(s);
  const start = pos;
  head(3, n);
  let p = pos;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      pos = start;
      return writeShortString(s);
    }
    buf[p++] = c;
  }
  pos = p;
}

/**
 * A string of under 64 characters (at most 192 bytes, so a head of 1 or 2 bytes): encoded after
 * a 2-byte head, moved back a byte if it turns out shorter than 24 bytes. A lone surrogate is
 * written as U+FFFD, as every UTF-8 encoder must.
 */
function writeShortString(s: string): void {
  const start = pos;
  let p = start + 2;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[p++] = c;
      continue;
    }
    if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
      continue;
    }
    if ((c & 0xf800) === 0xd800) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && (next & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c & 0x3ff) << 10) + (next & 0x3ff);
        i++;
        buf[p++] = 0xf0 | (c >> 18);
        buf[p++] = 0x80 | ((c >> 12) & 0x3f);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    buf[p++] = 0xe0 | (c >> 12);
    buf[p++] = 0x80 | ((c >> 6) & 0x3f);
    buf[p++] = 0x80 | (c & 0x3f);
  }
  const length = p - start - 2;
  if (length < 24) {
    buf.copyWithin(start + 1, start + 2, p);
    buf[start] = 0x60 | length;
    pos = p - 1;
  } else {
    buf[start] = 0x78;
    buf[start + 1] = length;
    pos = p;
  }
}

/**
 * Encodes after room for the head that an ASCII string of this length would have (UTF-8 is never
 * shorter), then moves the bytes on if the real head is longer.
 */
function writeLongString(s: string): void {
  const start = pos;
  const guess = headSize(s.length);
  const written = textEncoder.encodeInto(s, buf.subarray(start + guess)).written;
  const size = headSize(written);
  if (size !== guess) buf.copyWithin(start + size, start + guess, start + guess + written);
  head(3, written);
  pos += written;
}

function headSize(n: number): number {
  return n < 24 ? 1 : n < 0x100 ? 2 : n < 0x1_0000 ? 3 : n < TWO_32 ? 5 : 9;
}
