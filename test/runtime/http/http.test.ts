// runtime/http: labels, headers, the query string, endpoints and the request.

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentMd5 } from "../../../runtime/http/content-md5.js";
import { resolveEndpoint } from "../../../runtime/http/endpoint.js";
import { header, headerList, prefixHeaders, readPrefixHeaders, splitDates, splitHeader } from "../../../runtime/http/headers.js";
import { greedyLabel, hostLabel, label } from "../../../runtime/http/labels.js";
import { queryList, queryParams } from "../../../runtime/http/query.js";
import { request } from "../../../runtime/http/request.js";

describe("labels", () => {
  it("percent-encode all but RFC 3986 unreserved characters; a greedy label keeps /", () => {
    expect(label("a b/c!*'()", "x")).toBe("a%20b%2Fc%21%2A%27%28%29");
    expect(label("id-1.2_3~", "x")).toBe("id-1.2_3~");
    expect(label(12, "x")).toBe("12");
    expect(greedyLabel("a b/c", "x")).toBe("a%20b/c");
  });

  it("refuse a missing, empty or non-scalar value, naming the label", () => {
    for (const bad of [undefined, null, "", {}, []]) expect(() => label(bad, "Name")).toThrow(/label Name/);
  });

  it("host labels allow letters, digits, hyphens and dots only", () => {
    expect(hostLabel("abc-1.x", "h")).toBe("abc-1.x");
    for (const bad of ["-a", "a/b", "", 3]) expect(() => hostLabel(bad, "h")).toThrow(/host label h/);
  });
});

describe("headers", () => {
  it("refuse line breaks; lists are joined with quotes where needed and split back", () => {
    expect(() => header("a\r\nb", "x-a")).toThrow(/line break/);
    const joined = headerList(["a", "b,c", 'd"e'], "x-l");
    expect(joined).toBe('a, "b,c", "d\\"e"');
    expect(splitHeader(joined)).toEqual(["a", "b,c", 'd"e']);
    expect(splitDates("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT")).toEqual(["Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT"]);
  });

  it("prefix headers are written lower-case and read back by the rest of their name, __proto__ included", () => {
    const headers: Record<string, string> = {};
    prefixHeaders(headers, "X-Meta-", { A: "1" });
    prefixHeaders(headers, "x-m-", JSON.parse('{"__proto__":"3"}'));
    expect(Object.keys(headers)).toEqual(["x-meta-a", "x-m-__proto__"]);
    const read = readPrefixHeaders(headers, "x-m-");
    expect(Object.hasOwn(read, "__proto__")).toBe(true);
  });
});

describe("query", () => {
  it("lists repeat the key; named parameters win over @httpQueryParams", () => {
    expect(queryList([1, null, "b"])).toEqual(["1", "b"]);
    const query: Record<string, string | string[]> = { a: "named" };
    queryParams(query, { a: "map", b: ["x", "y"], c: null });
    expect(query).toEqual({ a: "named", b: ["x", "y"] });
  });
});

describe("endpoint and request", () => {
  it("an endpoint string, URL or Endpoint resolves to the same parts; its path and query are joined", () => {
    const fromString = resolveEndpoint("https://h.example:8443/base/?k=v");
    expect(fromString).toEqual({ protocol: "https:", hostname: "h.example", port: 8443, path: "/base", query: { k: "v" } });
    expect(resolveEndpoint(new URL("https://h.example:8443/base/?k=v"))).toEqual(fromString);
    expect(resolveEndpoint({ protocol: "https:", hostname: "h.example", port: 8443, path: "/base/", query: { k: "v" } })).toEqual(fromString);
    const r = request("https://h.example:8443/base?k=v", "POST", "/things", { q: "1" }, {}, '{"a":"é"}', "application/json", "pre.");
    expect(r).toMatchObject({ method: "POST", hostname: "pre.h.example", port: 8443, path: "/base/things", query: { k: "v", q: "1" } });
    expect(r.headers).toEqual({ "content-type": "application/json", "content-length": "10" });
  });

  it("a header member's content-type wins; no body, no content headers", () => {
    expect(request("https://h", "PUT", "/", {}, { "content-type": "text/x" }, "x", "text/plain").headers["content-type"]).toBe("text/x");
    expect(request("https://h", "GET", "/", {}, {}, undefined, "application/json").headers).toEqual({});
  });
});

it("contentMd5 is the base64 MD5 of the body", () => {
  for (const body of ["", "abc", "x".repeat(1000), "日本"]) {
    expect(contentMd5(body)).toBe(createHash("md5").update(body).digest("base64"));
  }
});
