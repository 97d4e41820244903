// restJson1 client serde, one HTTP binding or JSON feature at a time, on the small service in
// support/fixture-model.ts. Expectations are the rules of http-bindings.rst and
// aws-restjson1-protocol.rst (and, where those are silent, what AWS SDK v3 does).

import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson, typecheck } from "../helpers/codegen.js";
import { featureModel } from "./support/fixture-model.js";

type Fn = (...args: unknown[]) => any;
type Request = { method: string; protocol: string; hostname: string; port?: number; path: string; query: Record<string, unknown>; headers: Record<string, string>; body?: unknown };

let mod: Record<string, Fn>;
const E = "https://example.com";
const ser = (op: string, input: unknown, endpoint: unknown = E) => mod[`serialize${op}Request`]!(input, endpoint) as Request;
const de = (op: string, response: { statusCode: number; headers?: Record<string, string>; body?: unknown }) =>
  mod[`deserialize${op}Response`]!({ headers: {}, ...response }) as Promise<Record<string, unknown>>;
const json = (r: Request) => JSON.parse(r.body as string);
const utf8 = new TextEncoder();
const DATE = new Date(Date.UTC(2019, 11, 16, 23, 48, 18)); // 1576540098 s

beforeAll(async () => {
  const files = await generate(modelFromJson({ "features.json": featureModel() }));
  await typecheck(files, "restjson1-features");
  mod = (await loadGenerated<Record<string, Fn>>(files)).mod;
}, 120_000);

describe("URI labels", () => {
  it("percent-encodes everything but RFC 3986 unreserved characters; numbers and booleans as text", () => {
    const r = ser("Labels", { name: " %:/?#[]@!$&'()*+,;=😹-._~", count: 0, flag: false, ratio: NaN });
    expect(r.path).toBe("/labels/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9-._~/0/false/NaN");
  });

  it("keeps / in a greedy label", () => {
    expect(ser("Greedy", { prefix: "a/b", path: "x/y z/" }).path).toBe("/greedy/a%2Fb/files/x/y%20z/");
  });

  it("writes timestamps as date-time unless @timestampFormat says otherwise", () => {
    expect(ser("TimestampLabel", { when: DATE, epoch: DATE }).path).toBe("/at/2019-12-16T23%3A48%3A18Z/1576540098");
  });

  it("refuses a missing or empty label with an Error naming it, before any other work", () => {
    for (const name of [undefined, null, ""]) {
      let error: unknown;
      try {
        ser("Labels", { name, count: 1, flag: true, ratio: 1 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect((error as Error).message).toContain("name");
    }
  });
});

describe("query string", () => {
  it("binds scalars as text, repeats the key for lists, keeps the URI's constant parameters", () => {
    const r = ser("Query", { text: "a b&c", list: ["x", "y"], numbers: [1.5, NaN, -Infinity], on: false, at: DATE, epoch: DATE });
    expect(r.query).toEqual({
      fixed: "yes", flag: null, text: "a b&c", list: ["x", "y"], numbers: ["1.5", "NaN", "-Infinity"], on: "false",
      at: "2019-12-16T23:48:18Z", epoch: "1576540098",
    });
  });

  it("omits null members, keeps an empty list as no values", () => {
    expect(ser("Query", { text: null, list: [] }).query).toEqual({ fixed: "yes", flag: null, list: [] });
  });

  it("@httpQueryParams adds the map's keys, but a named @httpQuery member wins", () => {
    const r = ser("QueryParams", { named: "mine", rest: { named: ["theirs"], other: ["1", "2"] } });
    expect(r.query).toEqual({ named: "mine", other: ["1", "2"] });
  });

  it("@httpQueryParams sends a `__proto__` key as a parameter (found by the round-trip tests)", () => {
    const rest = JSON.parse('{"__proto__":["p"],"constructor":["c"]}') as Record<string, string[]>;
    const query = ser("QueryParams", { rest }).query as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(query).sort()).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(query, "__proto__")?.value).toEqual(["p"]);
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
  });
});

describe("headers", () => {
  it("lower-cases names; lists joined with quoting; http-date timestamps unquoted; mediaType strings base64", () => {
    const r = ser("Headers", { text: "Hello", list: ["a", "b,c", 'd"e'], count: 0, ratio: Infinity, on: true, at: DATE, dates: [DATE, DATE], json: '{"a":1}', kind: "one" });
    expect(r.headers).toEqual({
      "x-text": "Hello", "x-list": 'a, "b,c", "d\\"e"', "x-count": "0", "x-ratio": "Infinity", "x-on": "true",
      "x-at": "Mon, 16 Dec 2019 23:48:18 GMT", "x-dates": "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
      "x-json": Buffer.from('{"a":1}').toString("base64"), "x-kind": "one",
    });
    expect(r.body).toBeUndefined();
  });

  it("sends empty strings and empty lists as empty values, omits null", () => {
    expect(ser("Headers", { text: "", list: [], count: null }).headers).toEqual({ "x-text": "", "x-list": "" });
  });

  it("refuses a value with a line break (it would end the header)", () => {
    expect(() => ser("Headers", { text: "a\r\nx-injected: 1" })).toThrow(/line break/);
    expect(() => ser("Headers", { list: ["ok", "bad\n"] })).toThrow(/line break/);
    expect(() => ser("PrefixHeaders", { meta: { k: "v\r" } })).toThrow(/line break/);
  });

  it("prefix headers: each map entry under the prefix; a named header wins over the same name", () => {
    const r = ser("PrefixHeaders", { meta: { A: "1", special: "from map" }, special: "named" });
    expect(r.headers).toEqual({ "x-meta-a": "1", "x-meta-special": "named" });
  });

  it("reads headers back into members, any name case, lists split outside quotes", async () => {
    const out = await de("Headers", {
      statusCode: 200,
      headers: {
        "X-Text": "Hello", "x-list": 'a, "b,c", "d\\"e"', "x-count": "12", "x-ratio": "-Infinity", "x-on": "false",
        "x-at": "Mon, 16 Dec 2019 23:48:18 GMT", "x-dates": "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 00:00:00 GMT",
        "x-json": Buffer.from("[1]").toString("base64"), "x-kind": "three",
      },
      body: "",
    });
    expect(out).toMatchObject({
      text: "Hello", list: ["a", "b,c", 'd"e'], count: 12, ratio: -Infinity, on: false, at: DATE,
      dates: [DATE, new Date(Date.UTC(2019, 11, 17))], json: "[1]", kind: "three",
    });
  });

  it("collects prefix headers (an empty map when there are none)", async () => {
    expect((await de("PrefixHeaders", { statusCode: 200, headers: { "X-Meta-One": "1", "x-other": "no" } })).meta).toEqual({ one: "1" });
    expect((await de("PrefixHeaders", { statusCode: 200 })).meta).toEqual({});
  });
});

describe("payloads and content-type", () => {
  it("structure: the JSON of the member, {} when it is unset", () => {
    const r = ser("StructurePayload", { nested: { hi: "there", when: DATE }, tag: "t" });
    expect(r.headers).toMatchObject({ "content-type": "application/json", "x-tag": "t" });
    expect(json(r)).toEqual({ hi: "there", when: 1576540098 });
    expect(ser("StructurePayload", {}).body).toBe("{}");
  });

  it("union and document: their JSON, no body and no content-type when unset", () => {
    expect(json(ser("UnionPayload", { choice: { number: 3 } }))).toEqual({ number: 3 });
    expect(ser("DocumentPayload", { doc: "just a string" }).body).toBe('"just a string"');
    for (const r of [ser("UnionPayload", {}), ser("DocumentPayload", {})]) {
      expect(r.body).toBeUndefined();
      expect(r.headers).toEqual({});
    }
  });

  it("string: the raw text as text/plain; blob: the bytes as application/octet-stream", () => {
    const text = ser("StringPayload", { text: "héllo" });
    expect(text.body).toBe("héllo");
    expect(text.headers).toEqual({ "content-type": "text/plain", "content-length": "6" });
    const bytes = new Uint8Array([0, 255, 7]);
    const blob = ser("BlobPayload", { data: bytes });
    expect(blob.body).toBe(bytes);
    expect(blob.headers).toEqual({ "content-type": "application/octet-stream", "content-length": "3" });
  });

  it("a Content-Type header member replaces the default", () => {
    expect(ser("BlobPayload", { data: new Uint8Array([1]), contentType: "image/png" }).headers["content-type"]).toBe("image/png");
  });

  it("no body members: no body, no content-type, no content-length", () => {
    const r = ser("NoInput", {});
    expect(r.body).toBeUndefined();
    expect(r.headers).toEqual({});
  });

  it("content-length counts UTF-8 bytes", () => {
    const r = ser("Body", { renamed: "日本😀" });
    expect(r.headers["content-length"]).toBe(String(Buffer.byteLength(r.body as string)));
  });

  it("reads payloads; an empty body leaves the payload member out", async () => {
    expect((await de("StructurePayload", { statusCode: 200, body: '{"hi":"x"}' })).nested).toEqual({ hi: "x" });
    expect(await de("StructurePayload", { statusCode: 200, body: "" })).not.toHaveProperty("nested");
    expect((await de("DocumentPayload", { statusCode: 200, body: "[1,{\"a\":null}]" })).doc).toEqual([1, { a: null }]);
    expect((await de("StringPayload", { statusCode: 200, body: utf8.encode("héllo") })).text).toBe("héllo");
    expect((await de("BlobPayload", { statusCode: 200, headers: { "Content-Type": "image/png" }, body: new Uint8Array([9, 8]) }))).toMatchObject({
      data: new Uint8Array([9, 8]), contentType: "image/png",
    });
    expect(await de("BlobPayload", { statusCode: 200, body: new Uint8Array(0) })).not.toHaveProperty("data");
  });
});

describe("JSON body", () => {
  it("uses @jsonName, epoch-seconds by default, base64 blobs, NaN and infinities as strings, omits null", () => {
    const r = ser("Body", {
      renamed: "r", ratio: NaN, bytes: utf8.encode("abc"), when: new Date(1576540098123), iso: DATE, web: DATE,
      dense: [], denseMap: {}, nested: null, kind: "two",
    });
    expect(json(r)).toEqual({
      Renamed_On_Wire: "r", ratio: "NaN", bytes: "YWJj", when: 1576540098.123, iso: "2019-12-16T23:48:18Z",
      web: "Mon, 16 Dec 2019 23:48:18 GMT", dense: [], denseMap: {}, kind: "two",
    });
  });

  it("drops nulls from dense lists and maps, keeps them in sparse ones", () => {
    const r = ser("Body", { dense: ["a", null], sparse: ["a", null], denseMap: { a: "1", b: null }, sparseMap: { a: null } });
    expect(json(r)).toEqual({ dense: ["a"], sparse: ["a", null], denseMap: { a: "1" }, sparseMap: { a: null } });
  });

  it("keeps members named like Object.prototype properties as own properties", async () => {
    const input = JSON.parse('{"constructor":"c","__proto__":"p","greetings":{"__proto__":{"hi":"x"}}}');
    expect(json(ser("Body", input))).toEqual(input);
    const out = await de("Body", { statusCode: 200, body: JSON.stringify(input) });
    expect(Object.getOwnPropertyNames(out).sort()).toEqual(["$metadata", "__proto__", "constructor", "greetings"]);
    expect(Object.getOwnPropertyNames(out["greetings"])).toEqual(["__proto__"]);
    expect(await de("Body", { statusCode: 200, body: "{}" })).not.toHaveProperty("constructor", Object);
  });

  it("reads the wire forms back: offsets and fractions in date-times, NaN strings, base64, unknown members ignored", async () => {
    const out = await de("Body", {
      statusCode: 200,
      body: JSON.stringify({
        Renamed_On_Wire: "r", ratio: "-Infinity", bytes: "YWJj", when: 1576540098.5, iso: "2019-12-17T00:48:18.52+01:00",
        web: "Mon, 16 Dec 2019 23:48:18 GMT", nested: { hi: "x", extra: 1 }, somethingNew: [1], kind: "seven",
      }),
    });
    expect(out).toEqual({
      renamed: "r", ratio: -Infinity, bytes: utf8.encode("abc"), when: new Date(1576540098500), iso: new Date(1576540098520),
      web: DATE, nested: { hi: "x" }, kind: "seven", $metadata: expect.anything(),
    });
  });

  it("a timestamp that does not parse is a DeserializationError service exception", async () => {
    const error = await de("Body", { statusCode: 200, body: '{"iso":"yesterday"}' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DeserializationError", $fault: "server" });
    expect((error as Error).message).toContain("yesterday");
  });
});

describe("unions", () => {
  it("writes the member that is set, or the $unknown one as is", () => {
    expect(json(ser("Unions", { choice: { when: DATE } }))).toEqual({ choice: { when: 1576540098 } });
    expect(json(ser("Unions", { choice: { $unknown: ["future", { x: 1 }] } }))).toEqual({ choice: { future: { x: 1 } } });
  });

  it("reads the member, ignores __type, keeps an unknown member in $unknown", async () => {
    expect((await de("Unions", { statusCode: 200, body: '{"choice":{"__type":"x#Choice","greeting":{"hi":"h"}}}' })).choice).toEqual({ greeting: { hi: "h" } });
    expect((await de("Unions", { statusCode: 200, body: '{"choice":{"future":[1]}}' })).choice).toEqual({ $unknown: ["future", [1]] });
  });
});

describe("defaults (Smithy 2.0)", () => {
  it("sends only what the caller set, nested or not (populateDefaults: populate-defaults.test.ts)", () => {
    expect(json(ser("Defaults", { nested: {} }))).toEqual({ nested: {} });
  });

  it("fills missing output members with their defaults", async () => {
    expect(await de("Defaults", { statusCode: 200, body: "{}" })).toMatchObject({ text: "hi", count: 7, when: new Date(0), data: utf8.encode("abc"), list: [] });
  });
});

describe("responses", () => {
  it("@httpResponseCode gets the status; $metadata from the request id headers", async () => {
    const out = await de("Outputs", { statusCode: 201, headers: { "X-Amz-Request-Id": "r1", "x-amz-id-2": "e2", "x-amz-cf-id": "c3", "x-count": "2" }, body: '{"items":["a"]}' });
    expect(out).toEqual({ status: 201, count: 2, items: ["a"], $metadata: { httpStatusCode: 201, requestId: "r1", extendedRequestId: "e2", cfId: "c3" } });
  });

  it("reads a body that arrives as an async iterable of chunks, split inside a UTF-8 character", async () => {
    const bytes = utf8.encode('{"items":["日本😀"]}');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    expect((await de("Outputs", { statusCode: 201, body: chunks() })).items).toEqual(["日本😀"]);
  });

  it("a success body that is not JSON is a DeserializationError service exception keeping the text", async () => {
    const error = await de("Outputs", { statusCode: 201, body: "<html>" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DeserializationError", $metadata: { httpStatusCode: 201 }, $response: { body: "<html>" } });
  });
});

describe("errors", () => {
  const error = (response: { statusCode: number; headers?: Record<string, string>; body?: unknown }) => de("Errors", response).then(
    () => { throw new Error("resolved"); },
    (e: unknown) => e as Record<string, unknown>,
  );

  it("builds the modeled error: members from the body (by @jsonName) and headers, message, fault", async () => {
    const e = await error({ statusCode: 429, headers: { "X-Amzn-ErrorType": "Throttled", "x-reason": "busy" }, body: '{"message":"slow down","at":1576540098,"retry_after":3}' });
    expect(e).toBeInstanceOf(mod["Throttled"]!);
    expect(e).toMatchObject({ name: "Throttled", $fault: "client", message: "slow down", reason: "busy", at: DATE, retryAfter: 3, $metadata: { httpStatusCode: 429 } });
  });

  it("finds the code in the header, then `code`, then `__type`, without namespace or URI", async () => {
    for (const [headers, body] of [
      [{ "x-amzn-errortype": "Broken:http://internal.amazon.com/coral/x/" }, "{}"],
      [{}, '{"code":"test.restjson#Broken"}'],
      [{}, '{"Code":"Broken"}'],
      [{}, '{"__type":"test.restjson#Broken:http://x"}'],
      [{ "x-amzn-errortype": "Broken" }, '{"__type":"Throttled"}'],
    ] as const) {
      expect(await error({ statusCode: 500, headers, body })).toMatchObject({ name: "Broken", $fault: "server" });
    }
  });

  it("the `Message` member is the error's message; an absent message is UnknownError", async () => {
    expect((await error({ statusCode: 500, headers: { "x-amzn-errortype": "Broken" }, body: '{"Message":"M"}' })).message).toBe("M");
    expect((await error({ statusCode: 500, headers: { "x-amzn-errortype": "Broken" }, body: "" })).message).toBe("UnknownError");
  });

  it("an unknown code is the service exception named by the code; no code at all is Unknown", async () => {
    expect(await error({ statusCode: 404, headers: { "x-amzn-errortype": "Nope" }, body: '{"message":"m"}' })).toMatchObject({ name: "Nope", $fault: "client", message: "m" });
    expect(await error({ statusCode: 503, body: "" })).toMatchObject({ name: "Unknown", $fault: "server" });
  });

  it("a body that is not JSON: the code from the header still names the error; the text is kept", async () => {
    const e = await error({ statusCode: 429, headers: { "x-amzn-errortype": "Throttled" }, body: "<html>slow</html>" });
    expect(e).toMatchObject({ name: "Throttled", $response: { body: "<html>slow</html>" } });
    expect(await error({ statusCode: 502, body: "<html>" })).toMatchObject({ name: "Unknown", $fault: "server", $response: { body: "<html>" } });
  });
});

describe("endpoints, host prefix, idempotency tokens, checksums, big numbers", () => {
  it("takes a string, a URL or an Endpoint; joins its path; keeps its port and query", () => {
    const expected = { protocol: "https:", hostname: "h.example", port: 8443, path: "/base/no-input", query: { a: "1" } };
    expect(ser("NoInput", {}, "https://h.example:8443/base/?a=1")).toMatchObject(expected);
    expect(ser("NoInput", {}, new URL("https://h.example:8443/base?a=1"))).toMatchObject(expected);
    expect(ser("NoInput", {}, { protocol: "https:", hostname: "h.example", port: 8443, path: "/base", query: { a: "1" } })).toMatchObject(expected);
    expect(ser("NoInput", {}, "http://h.example")).toMatchObject({ protocol: "http:", hostname: "h.example", path: "/no-input", query: {} });
    expect(ser("NoInput", {}, "http://h.example")).not.toHaveProperty("port");
  });

  it("prefixes the host with the @endpoint hostPrefix and its host labels, refusing invalid ones", () => {
    expect(ser("HostPrefix", { account: "acme-1" }).hostname).toBe("acme-1.data.example.com");
    expect(() => ser("HostPrefix", { account: "a/b" })).toThrow(/host label account/);
    expect(() => ser("HostPrefix", {})).toThrow(/host label account/);
  });

  it("fills idempotency tokens with random UUIDs and keeps given ones", () => {
    const filled = ser("Tokens", {});
    expect(filled.query["token"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(json(filled).bodyToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(json(filled).bodyToken).not.toBe(json(ser("Tokens", {})).bodyToken);
    const given = randomUUID();
    expect(ser("Tokens", { queryToken: given, bodyToken: given })).toMatchObject({ query: { token: given }, body: JSON.stringify({ bodyToken: given }) });
  });

  it("@httpChecksumRequired adds the base64 MD5 of the body as Content-MD5", () => {
    for (const text of ["", "base64 encoded md5 checksum", "日本😀".repeat(30)]) {
      const r = ser("Checksum", { text });
      expect(r.headers["content-md5"]).toBe(createHash("md5").update(r.body as string).digest("base64"));
    }
  });

  it("writes big numbers as JSON numbers with all their digits", async () => {
    const r = ser("Big", { integer: 123456789012345678901234567890n, decimal: "-1.000000000000000000001e+30" });
    expect(r.body).toBe('{"integer":123456789012345678901234567890,"decimal":-1.000000000000000000001e+30}');
    expect(await de("Big", { statusCode: 200, body: '{"integer":12,"decimal":0.5}' })).toMatchObject({ integer: 12n, decimal: "0.5" });
  });
});
