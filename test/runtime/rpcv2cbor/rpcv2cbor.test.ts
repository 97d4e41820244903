// runtime/rpcv2cbor: the server's routing (smithy-rpc-v2-cbor.rst, "Identification for
// claiming"), error codes from `__type`, and the typed readers of CBOR values.

import { describe, expect, it } from "vitest";
import { CborDecimal, CborDecodeError, encode } from "../../../runtime/cbor/index.js";
import {
  cborBigDecimal, cborBigInteger, cborBlob, cborBody, cborFloat, cborMap, cborMessage, cborTimestamp, toCborDecimal,
} from "../../../runtime/rpcv2cbor/body.js";
import { cborErrorCode } from "../../../runtime/rpcv2cbor/errors.js";
import { cborOperation } from "../../../runtime/rpcv2cbor/rpc.js";

const SERVICE = "com.example#Coffee";
const headers = { "smithy-protocol": "rpc-v2-cbor", "content-type": "application/cbor" };
const route = (path: string, h: Record<string, string> = headers, method = "POST") => cborOperation({ method, path, headers: h }, SERVICE);

describe("cborOperation", () => {
  it("routes by the last four path segments, the service by shape name or absolute id", () => {
    expect(route("/service/Coffee/operation/GetMenu")).toBe("GetMenu");
    expect(route("/v1/prefix/service/Coffee/operation/GetMenu?x=1")).toBe("GetMenu");
    expect(route("/service/com.example.Coffee/operation/GetMenu")).toBe("GetMenu");
    expect(route("/service/Coffee/operation/GetMenu", { "smithy-protocol": "rpc-v2-cbor" })).toBe("GetMenu");
  });

  it("refuses other methods (405), paths, services, protocols and targets (404), media types (415)", () => {
    expect(route("/service/Coffee/operation/GetMenu", headers, "GET")).toMatchObject({ status: 405, code: undefined });
    for (const path of ["/", "/service/Coffee/operation", "/service/Tea/operation/GetMenu", "/services/Coffee/operation/GetMenu", "/service/com.example#Coffee/operation/GetMenu"]) {
      expect(route(path), path).toMatchObject({ status: 404, code: "UnknownOperationException" });
    }
    expect(route("/service/Coffee/operation/GetMenu", { "content-type": "application/cbor" })).toMatchObject({ status: 404 });
    expect(route("/service/Coffee/operation/GetMenu", { ...headers, "x-amz-target": "Coffee.GetMenu" })).toMatchObject({ status: 404 });
    expect(route("/service/Coffee/operation/GetMenu", { ...headers, "x-amzn-target": "Coffee.GetMenu" })).toMatchObject({ status: 404 });
    expect(route("/service/Coffee/operation/GetMenu", { ...headers, "content-type": "application/json" })).toMatchObject({ status: 415, code: "UnsupportedMediaTypeException" });
  });
});

describe("cborErrorCode", () => {
  it("is the shape name of `__type`, and nothing else names the error", () => {
    expect(cborErrorCode({ __type: "smithy.example#InvalidGreeting" })).toBe("InvalidGreeting");
    expect(cborErrorCode({ __type: "ns#Oops:http://internal.amazon.com/coral/" })).toBe("Oops");
    expect(cborErrorCode({ code: "Oops", Code: "Oops" })).toBeUndefined();
    expect(cborErrorCode({ __type: 7 })).toBeUndefined();
  });
});

describe("bodies and values", () => {
  it("an empty body is {}; a body must be one CBOR map", () => {
    expect(cborBody(new Uint8Array(0))).toEqual({});
    expect(cborBody(cborMessage({ a: 1, b: [new Date(1500)] }))).toEqual({ a: 1, b: [new Date(1500)] });
    expect(() => cborBody(encode([1]))).toThrow(TypeError);
    expect(() => cborBody(Uint8Array.of(0xa1))).toThrow(CborDecodeError);
  });

  it("each reader takes its CBOR type and refuses others", () => {
    expect(cborFloat(NaN)).toBeNaN();
    expect(() => cborFloat("NaN")).toThrow(TypeError);
    expect(cborTimestamp(new Date(5))).toEqual(new Date(5));
    expect(cborTimestamp(1.5)).toEqual(new Date(1500));
    expect(() => cborTimestamp("2020-01-01T00:00:00Z")).toThrow(TypeError);
    expect(cborBlob(Uint8Array.of(1))).toEqual(Uint8Array.of(1));
    expect(() => cborBlob("AQ==")).toThrow(TypeError);
    expect(cborBigInteger(3)).toBe(3n);
    expect(cborBigInteger(1n << 70n)).toBe(1n << 70n);
    expect(() => cborBigInteger(1.5)).toThrow(TypeError);
    expect(cborBigDecimal(new CborDecimal(-150n, -2))).toBe("-1.50");
    expect(cborBigDecimal(2.5)).toBe("2.5");
    expect(() => cborBigDecimal(Infinity)).toThrow(TypeError);
    expect(toCborDecimal("1.50")).toEqual(new CborDecimal(150n, -2));
    for (const notMap of [[], new Date(0), Uint8Array.of(), new CborDecimal(1n, 0), null, "x"]) expect(() => cborMap(notMap)).toThrow(TypeError);
  });
});
