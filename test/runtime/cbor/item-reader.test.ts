// runtime/cbor's item reader (readBegin … readEnd), which generated rpcv2Cbor deserializers use
// to read members straight into their output: maps and arrays by head, keys matched by bytes,
// nulls, and the same refusals as decode().

import { describe, expect, it } from "vitest";
import {
  memberNames, readArrayHead, readBegin, readEnd, readItem, readKey, readMapHead, readMember, readNext, readNull, readText,
} from "../../../runtime/cbor/decode.js";
import { CborDecodeError, encode } from "../../../runtime/cbor/index.js";

const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s/g, ""), "hex"));

/** Runs `read` over `bytes` as a generated reader does: begin, read, end. */
function reading<T>(bytes: Uint8Array, read: () => T): T {
  readBegin(bytes);
  let complete = false;
  try {
    const value = read();
    complete = true;
    return value;
  } finally {
    readEnd(complete);
  }
}

const NAMES = memberNames(["alpha", "beta", "a-member-name-of-thirty-bytes!"]);

/** The member indexes and values of a map read with readMember. */
const members = (bytes: Uint8Array) =>
  reading(bytes, () => {
    const out: [number, unknown][] = [];
    for (let n = readMapHead(1), i = 0, k = 0; readNext(n, i); i++, k++) {
      k = readMember(NAMES, k);
      out.push([k, readNull() ? null : readItem(1)]);
    }
    return out;
  });

describe("runtime/cbor item reader", () => {
  it("matches keys by bytes in any order, long keys too, and says -1 for others", () => {
    expect(members(encode({ beta: 2, alpha: 1, other: [3], "a-member-name-of-thirty-bytes!": "x" }))).toEqual([[1, 2], [0, 1], [-1, [3]], [2, "x"]]);
    // An indefinite map, a null value, a key written with a non-shortest head.
    expect(members(hex("bf 65616c706861 f6 7800 00 ff"))).toEqual([[0, null], [-1, 0]]);
  });

  it("reads arrays, keys and text, and refuses an item of another type or bytes left over", () => {
    expect(reading(encode([["a", "b"], { k: 1 }]), () => {
      const out: unknown[] = [];
      for (let n = readArrayHead(1), i = 0; readNext(n, i); i++) out.push(i === 0 ? [readArrayHead(2), readText(2), readText(2)] : [readMapHead(2), readKey(), readItem(2)]);
      return out;
    })).toEqual([[2, "a", "b"], [1, "k", 1]]);
    expect(() => reading(encode([1]), () => readMapHead(1))).toThrow(/expected a map, found major type 4/);
    expect(() => reading(encode({}), () => readArrayHead(1))).toThrow(CborDecodeError);
    expect(() => reading(hex("a0 00"), () => readMapHead(1))).toThrow(/1 bytes after the end of the item/);
    expect(() => reading(hex("bf"), () => readNext(readMapHead(1), 0))).toThrow(/without a break/);
    expect(() => reading(hex("a1 62 c328 00"), () => (readMapHead(1), readMember(NAMES, 0)))).toThrow(/not valid UTF-8/);
    expect(() => reading(hex("a1"), () => readMapHead(300))).toThrow(/nested deeper than 256/);
  });
});
