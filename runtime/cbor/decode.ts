// CBOR (RFC 8949) decoder for Smithy's rpcv2Cbor bodies. It trusts nothing it reads: every length
// is checked against the bytes left before anything is allocated, nesting is capped, text must be
// valid UTF-8, and anything malformed is a CborDecodeError naming the byte where it was found.

import { utf8 as utf8Bytes } from "../text.js";
import { CborDecimal, CborDecodeError, MAX_DEPTH } from "./values.js";

const TWO_32 = 0x1_0000_0000;
const EMPTY = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY.buffer);
// The package compiles without the DOM library: the decoder is declared here (as in text.ts).
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(input: Uint8Array): string };
const strict = new TextDecoder("utf-8", { fatal: true });

// The input being decoded and the read position: module state, as decode() never re-enters.
let bytes: Uint8Array = EMPTY;
let view: DataView = EMPTY_VIEW;
let pos = 0;
let inputCopy: Uint8Array | undefined;

/**
 * Decodes one CBOR item that must span all of `input`. Integers are numbers when safe, else
 * bigint; bignums (tags 2, 3) are bigint; tag 1 is a Date; tag 4 a CborDecimal; byte strings are
 * Uint8Array copies; maps (text keys only) are plain objects; undefined reads as null (as the
 * rpcv2Cbor spec asks). Other tags are read through: the tagged item is returned.
 */
export function decode(input: Uint8Array): unknown {
  bytes = input;
  inputCopy = undefined;
  epoch = (epoch + 1) >>> 0;
  view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  pos = 0;
  try {
    const value = item(0);
    if (pos !== bytes.length) fail(`${bytes.length - pos} bytes after the end of the item`, pos);
    return value;
  } finally {
    bytes = EMPTY; // do not keep the caller's buffer (or its copy) alive
    inputCopy = undefined;
    view = EMPTY_VIEW;
  }
}

// Schema-directed reading, for generated deserializers that know the shape they read: members go
// straight into the output, without the intermediate map of a structure or union. The input is
// read item by item: readBegin, then the read functions below (any of which throws
// CborDecodeError), then readEnd. `depth` is the caller's nesting, capped as decode caps it.

/** Starts reading `input`; the string cache and the input copy are decode()'s. */
export function readBegin(input: Uint8Array): void {
  bytes = input;
  inputCopy = undefined;
  epoch = (epoch + 1) >>> 0;
  view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  pos = 0;
}

/** Ends reading: the item must have spanned all of the input. The input is let go either way. */
export function readEnd(complete: boolean): void {
  const left = bytes.length - pos;
  const at = pos;
  bytes = EMPTY;
  inputCopy = undefined;
  view = EMPTY_VIEW;
  if (complete && left !== 0) fail(`${left} bytes after the end of the item`, at);
}

/** One whole item, as decode() reads it. */
export const readItem = (depth: number): any => item(depth);

/** A string member's value: a short definite text string is read here, anything else as decode() reads it. */
export function readText(depth: number): any {
  const h = pos < bytes.length ? bytes[pos]! : 0;
  const n = h - 0x60;
  if (n < 0 || n > 23 || pos + 1 + n > bytes.length) return item(depth);
  pos += 1 + n;
  return cachedString(pos - n, pos, pos - 1 - n);
}

/** The count of a map's pairs (-1: indefinite, read to its break); anything but a map fails. */
export function readMapHead(depth: number): number {
  return head(5, "a map", depth);
}

/** The count of an array's items (-1: indefinite); anything but an array fails. */
export function readArrayHead(depth: number): number {
  return head(4, "an array", depth);
}

function head(major: number, what: string, depth: number): number {
  const start = pos;
  if (pos >= bytes.length) fail("unexpected end of input", pos);
  const initial = bytes[pos++]!;
  if (initial >> 5 !== major) fail(`expected ${what}, found major type ${initial >> 5}`, start);
  if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`, start);
  const info = initial & 31;
  return info === 31 ? -1 : length(info, start, major === 5 ? 2 : 1);
}

/** Whether item `i` of a map or array of `n` (-1: indefinite) follows; consumes the break that ends an indefinite one. */
export function readNext(n: number, i: number): boolean {
  return n < 0 ? !isBreak(pos) : i < n;
}

/** A map key: a text string. */
export function readKey(): string {
  const h = pos < bytes.length ? bytes[pos]! : 0;
  if (h >= 0x60 && h < 0x78 && pos + 1 + (h & 31) <= bytes.length) {
    pos += 1 + (h & 31);
    return cachedString(pos - (h & 31), pos, pos - 1 - (h & 31));
  }
  return mapKey();
}

/** A structure's member names, as text and as the UTF-8 bytes readMember compares. */
export interface MemberNames {
  readonly text: readonly string[];
  readonly bytes: readonly Uint8Array[];
}

export const memberNames = (text: readonly string[]): MemberNames => ({ text, bytes: text.map((t) => utf8Bytes(t)) });

/**
 * The index in `names` of the map key at the reader's position, which is consumed; -1 for a key
 * that is none of them (its value is the caller's to skip). Keys are compared as bytes, so no
 * string is made; `hint` is tried first, as a serializer writes members in model order.
 */
export function readMember(names: MemberNames, hint: number): number {
  const h = pos < bytes.length ? bytes[pos]! : 0;
  const n = h < 0x78 ? h - 0x60 : h === 0x78 && pos + 1 < bytes.length ? bytes[pos + 1]! : -1;
  const from = pos + (h < 0x78 ? 1 : 2);
  if (n < 0 || from + n > bytes.length) return names.text.indexOf(mapKey());
  const candidates = names.bytes;
  if (hint >= 0 && hint < candidates.length && sameBytes(candidates[hint]!, from, n)) {
    pos = from + n;
    return hint;
  }
  for (let j = 0; j < candidates.length; j++) {
    if (sameBytes(candidates[j]!, from, n)) {
      pos = from + n;
      return j;
    }
  }
  // Not a member: read as text all the same, so a key that is not UTF-8 is refused as decode() refuses it.
  mapKey();
  return -1;
}

function sameBytes(name: Uint8Array, from: number, n: number): boolean {
  if (name.length !== n) return false;
  for (let i = 0; i < n; i++) if (bytes[from + i] !== name[i]) return false;
  return true;
}

/** Consumes a null or undefined and says so; anything else is left to read. */
export function readNull(): boolean {
  const h = pos < bytes.length ? bytes[pos] : 0;
  if (h !== 0xf6 && h !== 0xf7) return false;
  pos++;
  return true;
}

function fail(message: string, at: number): never {
  throw new CborDecodeError(message, at);
}

function item(depth: number): unknown {
  if (pos >= bytes.length) fail("unexpected end of input", pos);
  const start = pos;
  const initial = bytes[pos++]!;
  const info = initial & 31;
  switch (initial >> 5) {
    case 0:
      return info < 24 ? info : argument(info, start);
    case 1: {
      const n = info < 24 ? info : argument(info, start);
      // -1 - (2^53 - 1) is exact but not a safe integer: that one goes to bigint too.
      return typeof n === "number" && n < Number.MAX_SAFE_INTEGER ? -1 - n : -1n - BigInt(n);
    }
    case 2:
      return info === 31 ? chunks(2, start) : byteString(info, start);
    case 3:
      return info === 31 ? chunks(3, start) : textString(info, start);
    case 4:
      return array(info, start, depth + 1);
    case 5:
      return map(info, start, depth + 1);
    case 6:
      return tagged(info, start, depth + 1);
    default:
      return simple(info, start);
  }
}

/** The argument of a head whose additional info is ≥ 24: a number below 2^53, else a bigint. */
function argument(info: number, start: number): number | bigint {
  switch (info) {
    case 24:
      need(1, start);
      return bytes[pos++]!;
    case 25:
      need(2, start);
      pos += 2;
      return view.getUint16(pos - 2);
    case 26:
      need(4, start);
      pos += 4;
      return view.getUint32(pos - 4);
    case 27: {
      need(8, start);
      const hi = view.getUint32(pos);
      const lo = view.getUint32(pos + 4);
      pos += 8;
      return hi < 0x20_0000 ? hi * TWO_32 + lo : (BigInt(hi) << 32n) | BigInt(lo);
    }
    case 31:
      return fail("indefinite length not allowed for this major type", start);
    default:
      return fail(`reserved additional information ${info}`, start);
  }
}

/** Checks that `n` more bytes exist after `pos` (the item began at `start`). */
function need(n: number, start: number): void {
  if (n > bytes.length - pos) fail(`item needs ${n} bytes but ${bytes.length - pos} are left`, start);
}

/** A definite length or count: `unit` bytes per element must be left, so nothing is allocated for a lie. */
function length(info: number, start: number, unit: number): number {
  const n = info < 24 ? info : argument(info, start);
  if (typeof n === "bigint" || n * unit > bytes.length - pos) {
    fail(`declared length ${n} exceeds the ${bytes.length - pos} bytes left`, start);
  }
  return n;
}

function byteString(info: number, start: number): Uint8Array {
  const n = length(info, start, 1);
  pos += n;
  return copy(pos - n, pos);
}

/**
 * bytes[from, to) as a plain Uint8Array the caller's input does not share. Small ones are
 * copied; a larger one (whose own allocation would cost more than its bytes) is a view into one
 * private copy of the whole input, made at the first such byte string of a decode. (A Buffer's
 * slice would be a view into the input itself.)
 */
function copy(from: number, to: number): Uint8Array {
  if (to - from > 64) {
    if (inputCopy === undefined) {
      inputCopy = new Uint8Array(bytes.length);
      inputCopy.set(bytes);
    }
    return inputCopy.subarray(from, to);
  }
  const out = new Uint8Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = bytes[i]!;
  return out;
}

function textString(info: number, start: number): string {
  const n = length(info, start, 1);
  pos += n;
  return n <= MAX_CACHED ? cachedString(pos - n, pos, start) : utf8(pos - n, pos, start);
}

/** An indefinite-length byte or text string: definite chunks of the same major type up to a break. */
function chunks(major: 2 | 3, start: number): Uint8Array | string {
  const parts: Uint8Array[] = [];
  let text = "";
  for (;;) {
    if (pos >= bytes.length) fail("indefinite-length string without a break", start);
    const at = pos;
    const initial = bytes[pos++]!;
    if (initial === 0xff) break;
    if (initial >> 5 !== major || (initial & 31) === 31) fail(`chunk of an indefinite-length ${major === 2 ? "byte" : "text"} string is not a definite one`, at);
    if (major === 2) parts.push(byteString(initial & 31, at));
    else text += textString(initial & 31, at); // each chunk must be valid UTF-8 on its own (RFC 8949 §3.2.3)
  }
  if (major === 3) return text;
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function array(info: number, start: number, depth: number): unknown[] {
  if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`, start);
  if (info === 31) {
    const out: unknown[] = [];
    while (!isBreak(start)) out.push(item(depth));
    return out;
  }
  const n = length(info, start, 1);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = item(depth);
  return out;
}

function map(info: number, start: number, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`, start);
  const out: Record<string, unknown> = {};
  const n = info === 31 ? -1 : length(info, start, 2);
  for (let i = 0; n < 0 ? !isBreak(start) : i < n; i++) {
    // Most keys are short definite text strings: read here, without the general path's calls.
    const h = pos < bytes.length ? bytes[pos]! : 0;
    let key: string;
    if (h >= 0x60 && h < 0x78 && pos + 1 + (h & 31) <= bytes.length) {
      pos += 1 + (h & 31);
      key = cachedString(pos - (h & 31), pos, pos - 1 - (h & 31));
    } else key = mapKey();
    const value = item(depth);
    // Assigning "__proto__" would replace the object's prototype instead of adding a key.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value; // a repeated key: the last one wins
  }
  return out;
}

function mapKey(): string {
  if (pos >= bytes.length) fail("unexpected end of input", pos);
  const start = pos;
  const initial = bytes[pos++]!;
  if (initial >> 5 !== 3) fail(`map key is not a text string (major type ${initial >> 5})`, start);
  const info = initial & 31;
  if (info === 31) return chunks(3, start) as string;
  const n = length(info, start, 1);
  pos += n;
  return n <= MAX_CACHED ? cachedString(pos - n, pos, start) : utf8(pos - n, pos, start);
}

// Short strings repeat: member names in every item of a list, enum values. One seen before is
// found by its bytes instead of being decoded again. The cache is a fixed table (text and bytes
// per slot, the bytes in one pool), so it neither grows nor allocates once warm.
const MAX_CACHED = 32;
const SLOT_BITS = 12;
const cachedText: string[] = new Array(1 << SLOT_BITS).fill("");
const cachedBytes = new Uint8Array(MAX_CACHED << SLOT_BITS);
const cachedLength = new Int8Array(1 << SLOT_BITS).fill(-1);
const cachedEpoch = new Uint32Array(1 << SLOT_BITS);
let epoch = 0; // counts decode() calls

function cachedString(from: number, to: number, start: number): string {
  const b = bytes;
  const n = to - from;
  if (n === 0) return "";
  // A hash of the length and four bytes (the ends, where names tend to differ, and the middle);
  // b[to - 2] is in range even for one byte, as the string's head precedes it.
  let hash = Math.imul(n ^ (b[from]! << 8) ^ (b[to - 1]! << 16) ^ (b[to - 2]! << 24), 0x9e3779b1);
  hash = Math.imul(hash ^ b[from + (n >> 1)]!, 0x85ebca6b);
  const slot = hash >>> (32 - SLOT_BITS);
  const at = slot * MAX_CACHED;
  if (cachedLength[slot] === n) {
    let i = 0;
    while (i < n && cachedBytes[at + i] === b[from + i]) i++;
    if (i === n) return cachedText[slot]!;
  }
  const text = utf8(from, to, start);
  // Two strings of one input that share a slot would evict each other on every use: the first stays.
  if (cachedEpoch[slot] !== epoch) {
    for (let i = 0; i < n; i++) cachedBytes[at + i] = b[from + i]!;
    cachedLength[slot] = n;
    cachedText[slot] = text;
    cachedEpoch[slot] = epoch;
  }
  return text;
}

/** Consumes a break (0xff) if one is next; the end of input inside an indefinite item is an error. */
function isBreak(start: number): boolean {
  if (pos >= bytes.length) fail("indefinite-length item without a break", start);
  if (bytes[pos] !== 0xff) return false;
  pos++;
  return true;
}

function tagged(info: number, start: number, depth: number): unknown {
  const tag = info < 24 ? info : argument(info, start);
  switch (tag) {
    case 1:
      return timestamp(start);
    case 2:
    case 3:
      return bignum(tag);
    case 4:
      return decimal(start);
    default:
      if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`, start);
      return item(depth);
  }
}

/** Tag 1: epoch seconds, an integer or a float, read to millisecond resolution. */
function timestamp(start: number): Date {
  const at = pos;
  // The usual forms are read here: a double (fractional seconds) or a 32-bit integer.
  const h = pos + 9 <= bytes.length ? bytes[pos]! : 0;
  const major = pos < bytes.length ? bytes[pos]! >> 5 : -1;
  const seconds = h === 0xfb ? view.getFloat64(pos + 1)
    : h === 0x1a ? view.getUint32(pos + 1)
    : major === 0 || major === 1 || (major === 7 && bytes[pos]! >= 0xf9 && bytes[pos]! <= 0xfb) ? item(0) : undefined;
  if (h === 0xfb || h === 0x1a) pos += h === 0xfb ? 9 : 5;
  if (typeof seconds !== "number") return fail("tag 1 (timestamp) must hold an integer or a float", at);
  const ms = Math.round(seconds * 1000);
  // ±8.64e15 ms is the range of Date (NaN fails the comparison too).
  if (!(Math.abs(ms) <= 8.64e15)) fail(`timestamp ${seconds} is not a representable date`, start);
  return new Date(ms);
}

/**
 * Bignums hold at most this many bytes (19,728 decimal digits). The bytes are read in linear
 * time at any size, but printing a bigint in decimal is superlinear: one of 1 MB takes seconds.
 */
const MAX_BIGNUM_BYTES = 8192;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Tags 2 and 3: a big-endian byte string n, meaning n or -1 - n. */
function bignum(tag: 2 | 3): bigint {
  const at = pos;
  if (pos >= bytes.length || bytes[pos]! >> 5 !== 2) fail(`tag ${tag} (bignum) must hold a byte string`, at);
  const raw = item(0) as Uint8Array;
  if (raw.length > MAX_BIGNUM_BYTES) fail(`bignum of ${raw.length} bytes exceeds the limit of ${MAX_BIGNUM_BYTES}`, at);
  // One BigInt parse of the hex text: linear, unlike shifting in a byte at a time.
  let hex = "0x0";
  for (let i = 0; i < raw.length; i++) hex += HEX[raw[i]!]!;
  const n = BigInt(hex);
  return tag === 2 ? n : -1n - n;
}

/** Tag 4: [exponent, mantissa], the exponent an integer, the mantissa an integer or a bignum. */
function decimal(start: number): CborDecimal {
  const head = pos < bytes.length ? bytes[pos++]! : -1;
  if (head !== 0x82 && head !== 0x9f) fail("tag 4 (decimal fraction) must hold an array of two items", start);
  const exponent = integer(start);
  if (typeof exponent !== "number" || !Number.isSafeInteger(exponent)) fail("decimal fraction exponent out of range", start);
  const mantissaHead = pos < bytes.length ? bytes[pos]! : -1;
  const mantissa = mantissaHead === 0xc2 || mantissaHead === 0xc3 ? (pos++, bignum(mantissaHead === 0xc2 ? 2 : 3)) : integer(start);
  if (head === 0x9f && !isBreak(start)) fail("tag 4 (decimal fraction) must hold an array of two items", start);
  return new CborDecimal(BigInt(mantissa), exponent);
}

/** A major type 0 or 1 item. */
function integer(start: number): number | bigint {
  const major = pos < bytes.length ? bytes[pos]! >> 5 : -1;
  if (major !== 0 && major !== 1) fail("expected an integer", pos < bytes.length ? pos : start);
  return item(0) as number | bigint;
}

function simple(info: number, start: number): unknown {
  switch (info) {
    case 20:
      return false;
    case 21:
      return true;
    case 22:
    case 23:
      return null;
    case 25:
      need(2, start);
      pos += 2;
      return half(view.getUint16(pos - 2));
    case 26:
      need(4, start);
      pos += 4;
      return view.getFloat32(pos - 4);
    case 27:
      need(8, start);
      pos += 8;
      return view.getFloat64(pos - 8);
    case 24:
      need(1, start);
      return fail(`unsupported simple value ${bytes[pos]}`, start);
    case 31:
      return fail("break outside an indefinite-length item", start);
    default:
      return fail(info < 28 ? `unsupported simple value ${info}` : `reserved additional information ${info}`, start);
  }
}

/** IEEE 754 half precision (RFC 8949 Appendix D). */
function half(h: number): number {
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  const magnitude =
    exponent === 0 ? fraction * 2 ** -24 : exponent === 31 ? (fraction === 0 ? Infinity : NaN) : (fraction + 1024) * 2 ** (exponent - 25);
  return h & 0x8000 ? -magnitude : magnitude;
}

/** UTF-8 text of bytes[from, to): short ASCII by hand (a TextDecoder call costs more), the rest by a strict TextDecoder. */
function utf8(from: number, to: number, start: number): string {
  if (to - from <= 16) {
    let text = "";
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return utf8Strict(from, to, start);
      text += String.fromCharCode(b);
    }
    return text;
  }
  return utf8Strict(from, to, start);
}

function utf8Strict(from: number, to: number, start: number): string {
  try {
    return strict.decode(new Uint8Array(bytes.buffer, bytes.byteOffset + from, to - from)); // not a Buffer's subarray: slow to make
  } catch {
    return fail("text string is not valid UTF-8", start);
  }
}
