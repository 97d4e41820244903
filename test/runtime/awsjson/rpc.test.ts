import { describe, expect, it } from "vitest";
import { awsJsonContentType, rpcOperation } from "../../../runtime/awsjson/rpc.js";

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
