import { describe, expect, it } from "vitest";
import { DeserializationError } from "../../../runtime/xml/deserialization-error.js";
import * as v from "../../../runtime/xml/values.js";

describe("scalar text forms", () => {
  const date = new Date(Date.UTC(2014, 3, 29, 18, 30, 38));
  const fractional = new Date(Date.UTC(2000, 0, 2, 20, 34, 56, 123));

  it("formats timestamps in the three formats", () => {
    expect(v.formatDateTime(date)).toBe("2014-04-29T18:30:38Z");
    expect(v.formatDateTime(fractional)).toBe("2000-01-02T20:34:56.123Z");
    expect(v.formatHttpDate(date)).toBe("Tue, 29 Apr 2014 18:30:38 GMT");
    expect(v.formatEpochSeconds(date)).toBe("1398796238");
    expect(v.formatEpochSeconds(fractional)).toBe("946845296.123");
  });

  it("parses date-times with offsets and fractions, http-dates and epoch seconds", () => {
    expect(v.parseDateTime("2019-12-16T22:48:18-01:00").getTime() / 1000).toBe(1576540098);
    expect(v.parseDateTime("2019-12-17T00:48:18+01:00").getTime() / 1000).toBe(1576540098);
    expect(v.parseDateTime("2000-01-02T20:34:56.123456Z")).toEqual(fractional);
    expect(v.parseHttpDate("Sun, 02 Jan 2000 20:34:56.123 GMT")).toEqual(fractional);
    expect(v.parseHttpDate("Tue, 29 Apr 2014 18:30:38 GMT")).toEqual(date);
    expect(v.parseEpochSeconds("946845296.123")).toEqual(fractional);
    for (const bad of ["2019-02-30T00:00:00Z", "2019-12-16 22:48:18Z", "yesterday"]) expect(() => v.parseDateTime(bad)).toThrow(DeserializationError);
    expect(() => v.parseHttpDate("29 Apr 2014")).toThrow(DeserializationError);
    expect(() => v.parseEpochSeconds("1e3")).toThrow(DeserializationError);
  });

  it("formats and parses floats with NaN and infinities, integers, booleans and base64 strictly", () => {
    expect([NaN, Infinity, -Infinity, 10.8, 0].map(v.formatFloat)).toEqual(["NaN", "Infinity", "-Infinity", "10.8", "0"]);
    expect(["NaN", "Infinity", "-Infinity", "1.5e3", "-.5"].map(v.parseFloatText)).toEqual([NaN, Infinity, -Infinity, 1500, -0.5]);
    expect(() => v.parseFloatText("1.5x")).toThrow(DeserializationError);
    // Linear on a long run of digits (a backtracking pattern would take minutes here).
    expect(() => v.parseFloatText(`${"1".repeat(200_000)}x`)).toThrow(DeserializationError);
    expect(v.parseIntegerText(" 42 ")).toBe(42);
    expect(() => v.parseIntegerText("9007199254740993")).toThrow(DeserializationError);
    expect(v.parseBooleanText("false")).toBe(false);
    expect(() => v.parseBooleanText("True")).toThrow(DeserializationError);
    expect(v.formatBase64(new TextEncoder().encode("value"))).toBe("dmFsdWU=");
    expect(new TextDecoder().decode(v.parseBase64("dmFs\n dWU="))).toBe("value");
    expect(() => v.parseBase64("dmFsdWU")).toThrow(DeserializationError);
  });
});
