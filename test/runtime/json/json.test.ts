// runtime/json, runtime/timestamps, runtime/base64: values as JSON carries them, both ways.

import { describe, expect, it, vi } from "vitest";
import { blobBytes, fromBase64, toBase64 } from "../../../runtime/base64.js";
import { bigJson, stringify } from "../../../runtime/json/big-numbers.js";
import { dense, denseMap } from "../../../runtime/json/collections.js";
import { fromBig, fromNum, num } from "../../../runtime/json/numbers.js";
import { hasOneKey, unknownMember } from "../../../runtime/json/unions.js";
import { dateTime, epochSeconds, fromDateTime, fromEpochSeconds, fromHttpDate, httpDate } from "../../../runtime/timestamps.js";

describe("numbers", () => {
  it("NaN and the infinities travel as strings", () => {
    expect([NaN, Infinity, -Infinity, 1.5].map(num)).toEqual(["NaN", "Infinity", "-Infinity", 1.5]);
    expect(["NaN", "Infinity", "-Infinity", 2].map(fromNum)).toEqual([NaN, Infinity, -Infinity, 2]);
  });

  it("big numbers are written with every digit and read as bigint or string", () => {
    expect(stringify({ a: bigJson(123456789012345678901234567890n), b: bigJson("1.000000000000000000001"), c: "x" }))
      .toBe('{"a":123456789012345678901234567890,"b":1.000000000000000000001,"c":"x"}');
    expect(() => bigJson("1; drop" as string)).toThrow(/not a number/);
    expect(fromBig("123456789012345678901234567890", true)).toBe(123456789012345678901234567890n);
    expect(fromBig(1.5, false)).toBe("1.5");
    expect(() => fromBig("x", true)).toThrow(/not a number/);
  });
});

describe("collections", () => {
  it("drop nulls unless sparse, return a collection without nulls as it is, keep __proto__ keys as own properties", () => {
    expect(dense([1, null, 2, undefined])).toEqual([1, 2]);
    const noNulls = [1, 2];
    expect(dense(noNulls)).toBe(noNulls);
    expect(denseMap({ a: 1, b: null })).toEqual({ a: 1 });
    const map = denseMap(JSON.parse('{"__proto__":1,"b":null}'));
    expect(Object.hasOwn(map, "__proto__")).toBe(true);
    expect(Object.keys(map)).toEqual(["__proto__"]);
  });

  it("an unknown union member is kept as $unknown; __type is ignored", () => {
    expect(unknownMember({ other: 1, __type: "x" })).toEqual({ $unknown: ["other", 1] });
    expect(unknownMember({ a: 1, b: 2 })).toEqual({});
  });

  it("a union value with one key is told apart from one with none or more", () => {
    expect([{ a: 1 }, { a: null }, {}, { a: 1, b: undefined }].map(hasOneKey)).toEqual([true, true, false, false]);
  });
});

describe("timestamps and blobs", () => {
  const date = new Date(Date.UTC(2019, 11, 16, 23, 48, 18, 500));
  it("round-trip in each format", () => {
    expect(fromEpochSeconds(epochSeconds(date))).toEqual(date);
    expect(dateTime(date)).toBe("2019-12-16T23:48:18.500Z");
    expect(fromDateTime("2019-12-16T23:48:18.5+01:00")).toEqual(new Date(date.getTime() - 3600_000));
    expect(fromHttpDate(httpDate(new Date(Date.UTC(2019, 11, 16, 23, 48, 18))))).toEqual(new Date(Date.UTC(2019, 11, 16, 23, 48, 18)));
    for (const bad of ["x", "2019-13-01T00:00:00Z", "2019-12-16 23:48:18Z"]) expect(() => fromDateTime(bad)).toThrow();
    for (const bad of ["x", "Mon, 16 Dex 2019 23:48:18 GMT", "Mon, 16 Dec 2019 23:48:18 UTC"]) expect(() => fromHttpDate(bad)).toThrow(/HTTP date/);
  });

  it("base64 round-trips bytes and refuses what is not base64", () => {
    for (const s of ["", "f", "fo", "foo", "日本😀"]) {
      expect(toBase64(s)).toBe(Buffer.from(s).toString("base64"));
      expect(fromBase64(toBase64(s))).toEqual(blobBytes(s));
    }
    expect(() => fromBase64("a===")).toThrow(/base64/);
  });

  it("base64 without Node's Buffer (a browser's atob/btoa) gives the same, plain Uint8Arrays both ways", async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const saved = globalThis.Buffer;
    // runtime/text.ts looks for Buffer once, when it loads: load fresh copies without it.
    vi.resetModules();
    Reflect.deleteProperty(globalThis, "Buffer");
    let browser: typeof import("../../../runtime/base64.js");
    try {
      browser = await import("../../../runtime/base64.js");
      expect((await import("../../../runtime/text.js")).nodeBuffer).toBeUndefined();
    } finally {
      globalThis.Buffer = saved;
    }
    for (const b64 of [browser, { toBase64, fromBase64 }]) {
      for (const s of ["", "f", "fo", "foo", "日本😀"]) expect(b64.toBase64(s)).toBe(Buffer.from(s).toString("base64"));
      expect(b64.toBase64(bytes.subarray(3))).toBe(Buffer.from(bytes.subarray(3)).toString("base64"));
      for (const text of ["QQ==", "QQ", "QQ=", "", "AAEC"]) {
        const got = b64.fromBase64(text);
        expect(Object.getPrototypeOf(got)).toBe(Uint8Array.prototype);
        expect([...got]).toEqual([...Buffer.from(text, "base64")]);
      }
      expect([...b64.fromBase64(Buffer.from(bytes).toString("base64"))]).toEqual([...bytes]);
      for (const bad of ["a===", "QQ Q=", "Q", "QQ==QQ==", 42]) expect(() => b64.fromBase64(bad)).toThrow(/base64/);
    }
  });
});
