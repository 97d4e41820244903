// runtime/server: the responses a server writes itself, and the node:http adapter.

import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { nodeListenerFactory, parseQueryString, type NodeResponseLike } from "../../../runtime/server/node.js";
import { RequestError } from "../../../runtime/server/request-error.js";
import { internalFailure, internalFailureResponse, jsonErrorDocuments, requestErrorResponse, respond, routeErrorResponse, validationResponse, type ErrorDocuments } from "../../../runtime/server/response.js";
import { rpcRoutingResponse } from "../../../runtime/awsjson/rpc.js";

const JSON_TYPE = "application/x-amz-json-1.0";
const AWS_JSON = jsonErrorDocuments(JSON_TYPE);
const REST_JSON = jsonErrorDocuments("application/json");

describe("responses", () => {
  it("carry their UTF-8 length, and the content type only with a body and unless a header set it", () => {
    expect(respond(200, {}, "é", "a/b")).toEqual({ statusCode: 200, headers: { "content-type": "a/b", "content-length": "2" }, body: "é" });
    expect(respond(204, {}, "", "a/b").headers).toEqual({ "content-length": "0" });
    expect(respond(200, { "content-type": "own/type" }, "x", "a/b").headers["content-type"]).toBe("own/type");
  });

  it("a rejected request is `{}` with its error type, in the protocol's media type", () => {
    expect(requestErrorResponse(new RequestError(415, "UnsupportedMediaTypeException", "why"), AWS_JSON)).toEqual({
      statusCode: 415,
      headers: { "x-amzn-errortype": "UnsupportedMediaTypeException", "content-type": JSON_TYPE, "content-length": "2" },
      body: "{}",
    });
  });

  it("routing failures: 405 has no body; 404 is UnknownOperationException", () => {
    expect(routeErrorResponse(405, REST_JSON)).toEqual({ statusCode: 405, headers: {} });
    expect(routeErrorResponse(404, REST_JSON).headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    expect(rpcRoutingResponse({ status: 405, code: undefined, reason: "" }, AWS_JSON)).toEqual({ statusCode: 405, headers: {} });
    expect(rpcRoutingResponse({ status: 415, code: "UnsupportedMediaTypeException", reason: "" }, AWS_JSON)).toMatchObject({
      statusCode: 415, headers: { "x-amzn-errortype": "UnsupportedMediaTypeException", "content-type": JSON_TYPE },
    });
  });

  it("a validation failure lists its fields; anything else thrown by a validator is a 500", () => {
    const response = validationResponse({ message: "1 validation error detected.", failures: [{ path: "/a", message: "m", constraint: "length" }] }, REST_JSON);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body as string)).toEqual({ message: "1 validation error detected.", fieldList: [{ path: "/a", message: "m" }] });
    expect(validationResponse(new Error("x"), REST_JSON).statusCode).toBe(500);
  });

  it("an undeclared error reaches the hook, never the client; a throwing hook changes nothing", () => {
    const onError = vi.fn();
    const response = internalFailure(new Error("secret"), "Op", { onError }, REST_JSON);
    expect(onError).toHaveBeenCalledWith(expect.any(Error), "Op");
    expect(response).toEqual(internalFailureResponse(REST_JSON));
    expect(response.body).toBe("{}");
    expect(internalFailure(new Error("x"), "Op", { onError: () => { throw new Error("hook"); } }, REST_JSON).statusCode).toBe(500);
  });
});

/** A node:http IncomingMessage stand-in that emits `chunks` and ends. */
function nodeRequest(url: string, chunks: readonly (string | Uint8Array)[], headers: Record<string, string | string[]> = {}) {
  const req = Object.assign(new EventEmitter(), { method: "POST", url, headers: { host: "localhost:8080", ...headers } });
  setImmediate(() => {
    for (const c of chunks) req.emit("data", c);
    req.emit("end");
  });
  return req;
}

function nodeResponse(): NodeResponseLike & { headers: Record<string, string>; ended: Promise<string | Uint8Array | undefined> } {
  let done!: (body: string | Uint8Array | undefined) => void;
  const headers: Record<string, string> = {};
  return {
    statusCode: 0,
    headers,
    ended: new Promise((resolve) => (done = resolve)),
    setHeader: (name, value) => (headers[name] = value),
    end: (body) => done(body),
  };
}

describe("error documents", () => {
  it("a protocol's own documents write every error it sends itself, in its media type", () => {
    const binary: ErrorDocuments = { contentType: "application/cbor", body: (type, fields) => new TextEncoder().encode(JSON.stringify({ __type: type, ...fields })) };
    const rejected = requestErrorResponse(new RequestError(400, "SerializationException", "why"), binary);
    expect(rejected.headers["content-type"]).toBe("application/cbor");
    expect(JSON.parse(new TextDecoder().decode(rejected.body as Uint8Array))).toEqual({ __type: "SerializationException" });
    const invalid = validationResponse({ message: "m", failures: [] }, binary);
    expect(JSON.parse(new TextDecoder().decode(invalid.body as Uint8Array))).toEqual({ __type: "ValidationException", message: "m", fieldList: [] });
  });
});

describe("node:http adapter", () => {
  it("hands the handler the request (path, query, lower-case headers, body) and writes its response", async () => {
    const handler = vi.fn(async () => ({ statusCode: 201, headers: { "x-a": "1" }, body: "ok" }));
    const res = nodeResponse();
    nodeListenerFactory(REST_JSON)(handler)(nodeRequest("/p/q?a=1&a=2&b", ["x", new TextEncoder().encode("y")], { "x-list": ["1", "2"] }), res);
    expect(await res.ended).toBe("ok");
    expect([res.statusCode, res.headers]).toEqual([201, { "x-a": "1" }]);
    const [request] = handler.mock.calls[0]! as unknown as [Record<string, unknown>];
    expect(request).toMatchObject({ method: "POST", hostname: "localhost", path: "/p/q", query: { a: ["1", "2"], b: null } });
    expect({ ...(request["headers"] as object) }).toEqual({ host: "localhost:8080", "x-list": "1, 2" });
    expect(new TextDecoder().decode(request["body"] as Uint8Array)).toBe("xy");
  });

  it("a body over the limit is 413 in the protocol's media type; the handler is not called", async () => {
    const handler = vi.fn();
    const res = nodeResponse();
    nodeListenerFactory(AWS_JSON)(handler, { maxBodyBytes: 3 })(nodeRequest("/", ["ab", "cd"]), res);
    expect(await res.ended).toBe("{}");
    expect([res.statusCode, res.headers["x-amzn-errortype"], res.headers["content-type"]]).toEqual([413, "RequestEntityTooLargeException", JSON_TYPE]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("a handler that throws is a 500; the context is made from each request", async () => {
    const res = nodeResponse();
    const context = vi.fn(() => "ctx");
    nodeListenerFactory(REST_JSON)(async (_request, ctx: string) => { throw new Error(ctx); }, { context })(nodeRequest("/", []), res);
    await res.ended;
    expect(res.statusCode).toBe(500);
    expect(context).toHaveBeenCalledTimes(1);
  });

  it("query strings: + is a space, repeated keys are lists, bad escapes are malformed", () => {
    expect({ ...parseQueryString("a=b+c&a=d&e&f=%2B") }).toEqual({ a: ["b c", "d"], e: null, f: "+" });
    expect(() => parseQueryString("a=%zz")).toThrow(RequestError);
  });
});
