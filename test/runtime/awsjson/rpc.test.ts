import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awsJsonContentType, rpcOperation, rpcRequest } from "../../../runtime/awsjson/rpc.js";

const endpoint = { protocol: "https:", hostname: "example.com", path: "" };

describe("rpcRequest", () => {
  it("POSTs to / with the content type, X-Amz-Target and the body's length", () => {
    const request = rpcRequest(endpoint, "JsonRpc10.SimpleScalarProperties", "1.0", '{"s":"é"}', false);
    expect(request).toEqual({
      method: "POST",
      protocol: "https:",
      hostname: "example.com",
      path: "/",
      query: {},
      headers: {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "JsonRpc10.SimpleScalarProperties",
        "content-length": "10",
      },
      body: '{"s":"é"}',
    });
  });

  it("keeps a custom endpoint's path and port, and marks query mode", () => {
    const request = rpcRequest({ ...endpoint, path: "/custom", port: 8443 }, "S.Op", "1.1", "{}", true);
    expect(request.path).toBe("/custom/");
    expect(request.port).toBe(8443);
    expect(request.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(request.headers["x-amzn-query-mode"]).toBe("true");
    expect(rpcRequest({ ...endpoint, path: "/custom/" }, "S.Op", "1.1", "{}", false).path).toBe("/custom/");
  });

  it("content-length is the UTF-8 byte length, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (body) => {
        const length = rpcRequest(endpoint, "S.Op", "1.0", body, false).headers["content-length"];
        expect(length).toBe(String(Buffer.byteLength(body)));
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});

describe("rpcOperation", () => {
  const ok = { method: "POST", path: "/", headers: { "x-amz-target": "JsonRpc10.Op", "content-type": awsJsonContentType("1.0") } };

  it("names the operation of a well-formed request, content-type parameters allowed", () => {
    expect(rpcOperation(ok, "JsonRpc10", "1.0")).toBe("Op");
    const withCharset = { ...ok, headers: { ...ok.headers, "content-type": "application/x-amz-json-1.0; charset=utf-8" } };
    expect(rpcOperation(withCharset, "JsonRpc10", "1.0")).toBe("Op");
  });

  it("answers 405 for another method, 404 for another path or target, 415 for another media type", () => {
    expect(rpcOperation({ ...ok, method: "GET" }, "JsonRpc10", "1.0")).toMatchObject({ status: 405, code: undefined });
    expect(rpcOperation({ ...ok, path: "/x" }, "JsonRpc10", "1.0")).toMatchObject({ status: 404, code: "UnknownOperationException" });
    expect(rpcOperation({ ...ok, headers: { "content-type": ok.headers["content-type"] } }, "JsonRpc10", "1.0")).toMatchObject({ status: 404 });
    expect(rpcOperation({ ...ok, headers: { ...ok.headers, "x-amz-target": "Other.Op" } }, "JsonRpc10", "1.0")).toMatchObject({ status: 404 });
    expect(rpcOperation({ ...ok, headers: { ...ok.headers, "x-amz-target": "JsonRpc10" } }, "JsonRpc10", "1.0")).toMatchObject({ status: 404 });
    expect(rpcOperation(ok, "JsonRpc10", "1.1")).toMatchObject({ status: 415, code: "UnsupportedMediaTypeException" });
    expect(rpcOperation({ ...ok, headers: { "x-amz-target": "JsonRpc10.Op" } }, "JsonRpc10", "1.0")).toMatchObject({ status: 415 });
  });

  it("ignores a query string on the root path", () => {
    expect(rpcOperation({ ...ok, path: "/?x=1" }, "JsonRpc10", "1.0")).toBe("Op");
  });
});
