// runtime/client: reading a response to an output with $metadata, or to the error it names.

import { describe, expect, it } from "vitest";
import { errorCode, raise, toError, type ServiceErrors } from "../../../runtime/client/errors.js";
import { jsonBody, receive } from "../../../runtime/client/response.js";

class ServiceException extends Error {}
class NotFound extends ServiceException {}
const errors: ServiceErrors = {
  base: ServiceException,
  codes: { NotFound: [NotFound, "client", (b) => ({ Resource: b.resource })] },
  code: errorCode,
};
const read = (body: string | Uint8Array) => ({ value: jsonBody(body).v });

async function rejection(p: Promise<unknown>): Promise<any> {
  return p.then(() => expect.fail("resolved"), (e: unknown) => e);
}

describe("receive", () => {
  it("a 2xx body is read at once, with $metadata from the response headers (any case)", async () => {
    const output = await receive({ statusCode: 200, headers: { "X-Amzn-RequestId": "r1" }, body: '{"v":1}' }, read, errors);
    expect(output).toEqual({ value: 1, $metadata: { httpStatusCode: 200, requestId: "r1", extendedRequestId: undefined, cfId: undefined } });
  });

  it("a body that arrives as an async iterable is collected first, split characters included", async () => {
    const bytes = new TextEncoder().encode('{"v":"日本"}');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    expect((await receive({ statusCode: 200, headers: {}, body: chunks() }, read, errors)).value).toBe("日本");
  });

  it("a body the reader cannot read is a DeserializationError of the service that keeps the body", async () => {
    const e = await rejection(receive({ statusCode: 200, headers: {}, body: "{not json" }, read, errors));
    expect(e).toBeInstanceOf(ServiceException);
    expect([e.name, e.$fault, e.$response.body]).toEqual(["DeserializationError", "server", "{not json"]);
  });

  it("an error status becomes the modeled error its code names, with its members", async () => {
    const e = await rejection(receive({ statusCode: 404, headers: { "x-amzn-errortype": "NotFound:http://x" }, body: '{"message":"gone","resource":"r"}' }, read, errors));
    expect(e).toBeInstanceOf(NotFound);
    expect([e.name, e.$fault, e.message, e.Resource, e.$metadata.httpStatusCode]).toEqual(["NotFound", "client", "gone", "r", 404]);
  });
});

describe("errors", () => {
  it("the code comes from x-amzn-errortype, a code property of any case, or __type, without namespace or URL", () => {
    expect(errorCode({ "x-amzn-errortype": "ns#A:http://b" }, {})).toBe("A");
    expect(errorCode({}, { Code: "B" })).toBe("B");
    expect(errorCode({}, { __type: "ns.x#C" })).toBe("C");
    expect(errorCode({}, {})).toBe("Unknown");
  });

  it("an unknown code, a code like `constructor` or a non-JSON body give the service exception, by status fault", async () => {
    for (const [code, body] of [["Nope", "{}"], ["constructor", "{}"], ["", "<html>"]] as const) {
      const e = await rejection(toError({ statusCode: 503, headers: {} }, code === "" ? {} : { "x-amzn-errortype": code }, body, { httpStatusCode: 503 }, errors));
      expect(e.constructor).toBe(ServiceException);
      expect([e.$fault, e.message]).toEqual(["server", "UnknownError"]);
    }
  });

  it("a table without a code reader (an XML protocol's reads its own body) names no modeled error from a document", async () => {
    const { code: _, ...codeless } = errors;
    const e = await rejection(toError({ statusCode: 400, headers: {} }, { "x-amzn-errortype": "NotFound" }, "{}", {}, codeless));
    expect([e.constructor, e.name]).toEqual([ServiceException, "Unknown"]);
  });

  it("a protocol's own code reader replaces restJson1's", async () => {
    const rpc: ServiceErrors = { ...errors, code: (_, body) => String(body["__type"]).split("#").pop()! };
    const e = await rejection(toError({ statusCode: 400, headers: { "x-amzn-errortype": "Other" } }, { "x-amzn-errortype": "Other" }, '{"__type":"ns#NotFound"}', {}, rpc));
    expect(e).toBeInstanceOf(NotFound);
  });

  it("raise rejects after a turn, so a handler attached later still sees it", async () => {
    const p = raise(NotFound, { name: "NotFound", $fault: "client", message: "m", $metadata: {}, $response: undefined });
    await Promise.resolve();
    await expect(p).rejects.toBeInstanceOf(NotFound);
  });
});
