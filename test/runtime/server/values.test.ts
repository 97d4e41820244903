// runtime/server: the strict readers of request JSON values and of text (labels, query, headers).

import { describe, expect, it } from "vitest";
import {
  jsonArray, jsonBlob, jsonBodyValue, jsonBoolean, jsonDateTime, jsonDocument, jsonEpochSeconds, jsonFloat, jsonInteger,
  jsonObject, jsonString, jsonStructurePayload, jsonUnit,
} from "../../../runtime/server/json-values.js";
import { RequestError } from "../../../runtime/server/request-error.js";
import { textBoolean, textFloat, textInteger } from "../../../runtime/server/text-values.js";

const malformed = (f: () => unknown) => expect(f).toThrow(RequestError);

describe("JSON bodies", () => {
  it("an empty body is no value, an empty document, no payload", () => {
    expect(jsonBodyValue("")).toBeUndefined();
    expect(jsonDocument("")).toEqual({});
    expect(jsonStructurePayload(new Uint8Array())).toBeUndefined();
  });

  it("a document must be a JSON object", () => {
    expect(jsonDocument('{"a":1}')).toEqual({ a: 1 });
    for (const body of ["[]", "1", "null", '"s"', "{", "{'a':1}"]) malformed(() => jsonDocument(body));
  });

  it("a structure payload of {} is none; any other value is kept", () => {
    expect(jsonStructurePayload("{}")).toBeUndefined();
    expect(jsonStructurePayload('{"a":1}')).toEqual({ a: 1 });
    expect(jsonStructurePayload("[1]")).toEqual([1]);
  });
});

describe("JSON values", () => {
  it("scalars are exactly their JSON type", () => {
    expect(jsonString("s")).toBe("s");
    malformed(() => jsonString(1));
    expect(jsonBoolean(false)).toBe(false);
    malformed(() => jsonBoolean("true"));
  });

  it("integers are whole and in range; no strings", () => {
    expect(jsonInteger(-128, -128, 127)).toBe(-128);
    for (const v of [128, 1.5, "1", NaN, Infinity]) malformed(() => jsonInteger(v, -128, 127));
  });

  it("floats are numbers or the three non-numeric strings", () => {
    expect(jsonFloat(1.5)).toBe(1.5);
    expect(jsonFloat("NaN")).toBeNaN();
    expect(jsonFloat("-Infinity")).toBe(-Infinity);
    malformed(() => jsonFloat("1.5"));
  });

  it("timestamps: epoch seconds as numbers, date-times in UTC only", () => {
    expect(jsonEpochSeconds(1.5).getTime()).toBe(1500);
    malformed(() => jsonEpochSeconds("1"));
    expect(jsonDateTime("2024-01-02T03:04:05Z").toISOString()).toBe("2024-01-02T03:04:05.000Z");
    malformed(() => jsonDateTime("2024-01-02T03:04:05+01:00"));
  });

  it("blobs are padded standard base64", () => {
    expect([...jsonBlob("AQI=")]).toEqual([1, 2]);
    malformed(() => jsonBlob("AQI"));
    malformed(() => jsonBlob(3));
  });

  it("objects, arrays and unit members are their JSON type", () => {
    expect(jsonObject({ a: 1 })).toEqual({ a: 1 });
    for (const v of [null, [], "x"]) malformed(() => jsonObject(v));
    expect(jsonArray([1])).toEqual([1]);
    malformed(() => jsonArray({}));
    expect(jsonUnit({ ignored: 1 })).toEqual({});
    malformed(() => jsonUnit(null));
  });
});

describe("text values", () => {
  it("booleans are exactly true or false", () => {
    expect(textBoolean("true")).toBe(true);
    expect(textBoolean("false")).toBe(false);
    malformed(() => textBoolean("TRUE"));
  });

  it("integers are decimal digits in range", () => {
    expect(textInteger("-12", -128, 127)).toBe(-12);
    for (const s of ["1.0", "0x1", "", " 1", "200"]) malformed(() => textInteger(s, -128, 127));
  });

  it("floats are decimal numbers or the three non-numeric names", () => {
    expect(textFloat("1e3")).toBe(1000);
    expect(textFloat(".5")).toBe(0.5);
    expect(textFloat("Infinity")).toBe(Infinity);
    for (const s of ["1.5x", "inf", "", "0x10"]) malformed(() => textFloat(s));
  });
});
