// runtime/server: request errors and what a server reads of any request (headers, query, body).

import { describe, expect, it } from "vitest";
import { asRequestError, malformed, percentDecode, RequestError, unknownOperation } from "../../../runtime/server/request-error.js";
import { concatBytes } from "../../../runtime/bytes.js";
import { allQueryParams, bodyBytes, bodyText, lowerCaseHeaders, queryValues, readBody, uriLabel } from "../../../runtime/server/request.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("request errors", () => {
  it("carry their status and error type, and stay instances through subclass-less transpiling", () => {
    const e = new RequestError(415, "UnsupportedMediaTypeException", "why");
    expect(e).toBeInstanceOf(RequestError);
    expect(e).toBeInstanceOf(Error);
    expect([e.statusCode, e.errorType, e.message]).toEqual([415, "UnsupportedMediaTypeException", "why"]);
  });

  it("anything thrown while reading becomes 400 SerializationException; a request error stays itself", () => {
    const own = new RequestError(406, "NotAcceptableException", "x");
    expect(asRequestError(own)).toBe(own);
    expect(asRequestError(new TypeError("boom"))).toMatchObject({ statusCode: 400, errorType: "SerializationException", message: "boom" });
    expect(asRequestError("not an error")).toMatchObject({ statusCode: 400, message: "the request could not be read" });
    expect(malformed("bad")).toMatchObject({ statusCode: 400, errorType: "SerializationException", message: "bad" });
  });

  it("percent-decoding is undefined for an invalid escape, never a throw", () => {
    expect(percentDecode("a%20b")).toBe("a b");
    expect(percentDecode("%E0%A4%A")).toBeUndefined();
  });
});

describe("headers and query", () => {
  it("header names are lower-cased and same-named headers joined; null values dropped", () => {
    const h = lowerCaseHeaders({ "X-A": "1", "x-a": "2", Accept: "a/b", Gone: undefined as unknown as string });
    expect({ ...h }).toEqual({ "x-a": "1, 2", accept: "a/b" });
    expect(Object.getPrototypeOf(h)).toBeNull();
    expect({ ...lowerCaseHeaders(undefined) }).toEqual({});
  });

  it("query values are lists by key; a key without a value is the empty string", () => {
    const q = queryValues({ a: "1", b: ["2", "3"], c: null, __proto__: "x" } as never);
    expect(q["a"]).toEqual(["1"]);
    expect(q["b"]).toEqual(["2", "3"]);
    expect(q["c"]).toEqual([""]);
    expect(Object.getPrototypeOf(q)).toBeNull();
  });

  it("@httpQueryParams takes every parameter, the first value or all, and an own __proto__ key", () => {
    const q = queryValues({ a: ["1", "2"], b: "3" });
    expect(allQueryParams(q, false)).toEqual({ a: "1", b: "3" });
    expect(allQueryParams(q, true)).toEqual({ a: ["1", "2"], b: ["3"] });
    const proto = allQueryParams(queryValues(JSON.parse('{"__proto__": "p"}')), false);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(["__proto__"]);
  });

  it("a URI label is percent-decoded; invalid percent-encoding is malformed", () => {
    expect(uriLabel("a%2Fb%20c")).toBe("a/b c");
    expect(() => uriLabel("%zz")).toThrow(RequestError);
  });
});

describe("bodies", () => {
  it("a string or bytes body is taken as it is; none is the empty string", async () => {
    const bytes = utf8("x");
    expect(await readBody("text")).toBe("text");
    expect(await readBody(bytes)).toBe(bytes);
    expect(await readBody(undefined)).toBe("");
  });

  it("an async iterable's chunks (text or bytes) are joined", async () => {
    async function* chunks() {
      yield utf8("ab");
      yield "cé";
      yield utf8("d");
    }
    expect(new TextDecoder().decode((await readBody(chunks())) as Uint8Array)).toBe("abcéd");
  });

  it("anything else is malformed", async () => {
    await expect(readBody(42)).rejects.toMatchObject({ statusCode: 400, errorType: "SerializationException" });
  });

  it("bytes are joined in order; one chunk is returned as it is", () => {
    const one = utf8("a");
    expect(concatBytes([one])).toBe(one);
    expect([...concatBytes([utf8("ab"), utf8(""), utf8("c")])]).toEqual([97, 98, 99]);
  });

  it("body text must be UTF-8; body bytes of text are its UTF-8", () => {
    expect(bodyText(utf8("héllo"))).toBe("héllo");
    expect(() => bodyText(new Uint8Array([0xff, 0xfe]))).toThrow(RequestError);
    expect([...bodyBytes("é")]).toEqual([0xc3, 0xa9]);
  });
});

describe("unknown operations", () => {
  it("are 404 UnknownOperationException", () => {
    expect(unknownOperation("why")).toMatchObject({ statusCode: 404, errorType: "UnknownOperationException", message: "why" });
  });
});
